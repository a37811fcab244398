// `rapport play --choices LIST`: the script is played on the attempt flow at simulated times and
// the result printed as a readable transcript or as JSON.
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/cli_play_options.hpp"
#include "cli/cli_play_recording.hpp"
#include "cli/cli_verbs.hpp"
#include "core/play/open_documents.hpp"
#include "core/play/step_effect.hpp"
#include "core/scenario/line_speaker.hpp"
#include "core/scoring/scoring.hpp"
#include "core/text/terminal_text.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::cli {

namespace {

// Printed as the trainee would have seen it during play, so an exam transcript has no feedback.
void printReadableTranscript(const AttemptFlow& flow, std::FILE* out, const TraineeForms& forms) {
    const Session& s = flow.session();
    const Scenario& sc = s.scenario();
    const bool withFeedback = feedbackShownDuringPlay(flow.mode());
    std::fprintf(out, "%s (%s %s)\n\n", terminalSafe(sc.title).c_str(), terminalSafe(sc.id).c_str(),
                 terminalSafe(sc.version).c_str());
    // Documents are listed where they opened: those open from the start first.
    const auto open = openDocuments(s);
    std::size_t listed = 0;
    auto listOpened = [&](std::size_t upTo) {
        for (; listed < upTo && listed < open.size(); ++listed) {
            const Document& d = sc.documents[std::size_t(open[listed])];
            std::fprintf(out, "[document opens: %s (%s)]\n", terminalSafe(d.title).c_str(),
                         documentKindName(d.kind));
        }
    };
    Transcript so_far = s.transcript();
    so_far.steps.clear();
    for (const auto& st : s.transcript().steps) {
        if (const auto at = sc.findNode(st.node)) listOpened(openDocuments(sc, so_far, *at).size());
        so_far.steps.push_back(st);
        const auto n = sc.findNode(st.node);
        std::string who = n ? speakerPrefix(sc, sc.nodes[std::size_t(*n)]) : "";
        // A part of a written reply says which part of which letter it is.
        if (n && sc.nodes[std::size_t(*n)].compose) {
            const ComposePart& part = *sc.nodes[std::size_t(*n)].compose;
            const Letter& l = sc.letters[std::size_t(part.letter)];
            who += "(" + l.labels[std::size_t(part.part)] + ", part " +
                   std::to_string(part.part + 1) + "/" + std::to_string(l.parts.size()) + ") ";
        }
        std::fprintf(out, "%d. [%s] %s%s\n", st.step, terminalSafe(st.node).c_str(),
                     terminalSafe(who).c_str(),
                     terminalSafe(renderTraineeText(st.textShown, forms)).c_str());
        if (st.timedOut)
            std::fprintf(out, "   > %s  (%s)\n", kNoAnswer, secondsText(st.timeTakenMs).c_str());
        else
            std::fprintf(out, "   > %d. %s  (%s)\n", st.choiceNumber,
                         terminalSafe(renderTraineeText(st.choiceText, forms)).c_str(),
                         secondsText(st.timeTakenMs).c_str());
        if (const std::string f = stepFeedback(sc, st); withFeedback && !f.empty())
            std::fprintf(out, "     Feedback: %s\n", terminalSafe(f).c_str());
    }
    listOpened(open.size());
    if (const Ending* e = s.ending())
        std::fprintf(out, "\nEnding [%s]: %s (%s)\n%s\n", terminalSafe(s.node().id).c_str(),
                     terminalSafe(e->title).c_str(), outcomeName(e->outcome),
                     terminalSafe(e->summary).c_str());
    std::fprintf(out, "\nVariables:");
    for (std::size_t i = 0; i < sc.variables.size(); ++i) {
        const auto& v = sc.variables[i];
        if (v.type == ValueType::Boolean)
            std::fprintf(out, " %s=%s", terminalSafe(v.id).c_str(),
                         s.variable(int(i)) ? "true" : "false");
        else
            std::fprintf(out, " %s=%lld", terminalSafe(v.id).c_str(),
                         static_cast<long long>(s.variable(int(i))));
    }
    std::fprintf(out, "\n");
}

// Scores and finishes the recorded attempt. With --finish-delay-ms (crash tests) it pauses, and
// says so on stderr, once the last decision is made and scored but not yet committed, and again
// once the finishing transaction is committed, so a test can kill play in either state.
PlayScore finishRecorded(store::AttemptRecorder& recorder, const Session& session, int delayMs) {
    auto pause = [&](const char* where) {
        if (delayMs <= 0) return;
        std::fprintf(stderr, "rapport play: finish delay %s the finishing transaction\n", where);
        std::fflush(stderr);
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
    };
    PlayScore scored = recorder.score(session);
    pause("before");
    recorder.finish(session, store::unixNowMs(), scored);
    if (recorder.done()) pause("after");
    return scored;
}

}  // namespace

int runScriptedPlay(const Scenario& scenario, const ScenarioFramework& framework,
                    const PlayOptions& o) {
    std::string error;
    auto script = parseChoiceScript(*o.choices, error);
    if (!script) return playUsageError("--choices: " + error);
    ManualClock clock;
    Recording rec;
    std::optional<AttemptFlow> flow;
    if (auto code = startAttempt(scenario, framework, o, clock, rec, flow, false)) return *code;
    error = flow->playScript(clock, *script);
    if (!error.empty()) {
        std::fprintf(stderr, tr("rapport play: %s\n"), terminalSafe(error).c_str());
        if (rec.recorder)
            std::fprintf(
                stderr,
                "rapport play: attempt %lld is kept as incomplete (%s); continue it with %s\n",
                static_cast<long long>(rec.recorder->attemptId()),
                choicesText(rec.recorder->journaledSteps()).c_str(),
                resumeCommand(o, "--resume --choices LIST").c_str());
        return kExitProblems;
    }
    const Session& session = flow->session();
    PlayScore scored = rec.recorder ? finishRecorded(*rec.recorder, session, o.finishDelayMs)
                                    : (o.json ? scorePlay(scenario, framework, session.transcript())
                                              : PlayScore{});
    if (o.json) {
        nlohmann::json out = playResultToJson(session);
        // Without a usable framework the play result still prints; the reason goes beside it.
        out["report"] = scored.report ? reportToJson(*scored.report) : nlohmann::json(nullptr);
        if (!scored.report) out["reportError"] = scored.error;
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        printReadableTranscript(*flow, stdout, traineeForms(o));
    }
    return reportRecorded(rec, o, scored, "recorded");
}

}  // namespace rapport::cli
