#include "core/play/resume_check.hpp"

#include <algorithm>

namespace rapport {

ResumeRefusal resumeRefusal(const AttemptRecord& attempt, const Scenario& scenario) {
    if (attempt.status != AttemptStatus::InProgress) return ResumeRefusal::NotInProgress;
    if (attempt.scenarioId != scenario.id) return ResumeRefusal::OtherScenario;
    if (attempt.contentHash != scenario.contentHash) return ResumeRefusal::ScenarioChanged;
    return ResumeRefusal::None;
}

namespace {

[[noreturn]] void mismatch(std::size_t step, const std::string& what) {
    throw SessionError("journaled step " + std::to_string(step + 1) + " " + what);
}

// Takes journaled step `i` on the replay, or says why it cannot be the step the replay makes.
void replayStep(Session& s, ManualClock& clock, const TranscriptStep& step, std::size_t i) {
    if (s.finished()) mismatch(i, "follows the ending");
    const Node& node = s.node();
    if (step.node != node.id)
        mismatch(
            i, "was made at node \"" + step.node + "\", but the replay is at \"" + node.id + "\"");
    if (step.textShown != s.text()) mismatch(i, "records a line the replay does not show");
    std::vector<std::string> shown;
    for (int c : s.choices()) shown.push_back(node.choices[std::size_t(c)].id);
    if (step.choicesShown != shown)
        mismatch(i, "records other choices than the replay shows at \"" + node.id + "\"");
    // A year of thinking is not a real step, and would overflow the replay's clock soon after.
    if (step.timeTakenMs < 0 || step.timeTakenMs > 365LL * 24 * 3600 * 1000)
        mismatch(i, "records an impossible time taken");
    clock.advance(step.timeTakenMs);
    if (step.timedOut) {
        if (!node.isTimed()) mismatch(i, "timed out at \"" + node.id + "\", which has no timer");
        s.timeout();
    } else {
        const auto it = std::find(shown.begin(), shown.end(), step.choice);
        if (it == shown.end())
            mismatch(i, "takes \"" + step.choice + "\", which the replay does not show");
        if (!s.choose(int(it - shown.begin())))
            mismatch(i, "takes \"" + step.choice + "\", which fails now: " + s.lastError());
    }
    const TranscriptStep& made = s.transcript().steps.back();
    if (made.choiceNumber != step.choiceNumber || made.choiceText != step.choiceText ||
        made.next != step.next)
        mismatch(i, "does not record what the replay of it does");
}

}  // namespace

Session resumeFromJournal(const Scenario& scenario, const Clock& clock, const Transcript& journal,
                          const nlohmann::json& saved) {
    if (journal.scenarioId != scenario.id || journal.contentHash != scenario.contentHash)
        throw SessionError("the journal is of another scenario or version of it");
    if (journal.steps.empty() && saved.is_null())
        return Session(scenario, clock, journal.seed, journal.replyOrder, journal.timing);
    if (saved.is_null()) throw SessionError("no saved state was journaled with the last step");
    ManualClock replayClock;
    // Under the attempt's own timing: an answer after 40 s of a 30 s moment stood when it was
    // extended to 60 s.
    Session replay(scenario, replayClock, journal.seed, journal.replyOrder, journal.timing);
    for (std::size_t i = 0; i < journal.steps.size(); ++i)
        replayStep(replay, replayClock, journal.steps[i], i);
    // The state journaled with the last step must be the one its decisions lead to; only the
    // time spent since in the current node is the saved state's own.
    const nlohmann::json expected = replay.save();
    if (!saved.is_object()) throw SessionError("the saved state is not a JSON object");
    for (const auto& [key, value] : expected.items()) {
        if (key == "timeInNodeMs") continue;
        const auto it = saved.find(key);
        if (it == saved.end() || *it != value)
            throw SessionError("the saved state's \"" + key + "\" is not what the journal's " +
                               std::to_string(journal.steps.size()) +
                               (journal.steps.size() == 1 ? " step leads" : " steps lead") + " to");
    }
    return Session::resume(scenario, clock, saved);
}

}  // namespace rapport
