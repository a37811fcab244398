#include "core/play/step_effect.hpp"

#include "core/play/scripted_play.hpp"

namespace rapport {

const char* const kTimeoutFeedback =
    "Time ran out before you answered; the client moved on without you.";
const char* const kNoAnswer = "(no answer — time ran out)";

std::vector<MeterChange> meterChanges(const Scenario& scenario,
                                      const std::vector<std::int64_t>& before,
                                      const Session& after) {
    std::vector<MeterChange> out;
    for (const auto& m : scenario.meters) {
        const auto b = before[std::size_t(m.variable)], a = after.variable(m.variable);
        if (a != b) out.push_back({m.label, b, a});
    }
    return out;
}

const std::string& replyFeedback(const Scenario& scenario, const TranscriptStep& step) {
    static const std::string none;
    const Choice* c = takenChoice(scenario, step);
    return c ? c->feedback : none;
}

std::string stepFeedback(const Scenario& scenario, const TranscriptStep& step) {
    return step.timedOut ? std::string(kTimeoutFeedback) : replyFeedback(scenario, step);
}

StepEffect stepEffect(const Scenario& scenario, const TranscriptStep& step,
                      const std::vector<std::int64_t>& before, const Session& after) {
    StepEffect out;
    out.timedOut = step.timedOut;
    out.feedback = stepFeedback(scenario, step);
    out.meters = meterChanges(scenario, before, after);
    return out;
}

std::vector<StepEffect> replayEffects(const Session& resumed) {
    const Scenario& s = resumed.scenario();
    const Transcript& t = resumed.transcript();
    std::vector<ScriptEntry> script;
    for (const auto& step : t.steps)
        script.push_back(step.timedOut ? ScriptEntry{true, 0}
                                       : ScriptEntry{false, step.choiceNumber});
    ManualClock clock;
    Session replay(s, clock, t.seed, t.replyOrder);
    std::vector<std::int64_t> before = replay.variables();
    std::vector<StepEffect> out;
    playScript(replay, clock, script, [&](const Session& now) {
        out.push_back(stepEffect(s, t.steps[out.size()], before, now));
        before = now.variables();
    });
    return out;
}

}  // namespace rapport
