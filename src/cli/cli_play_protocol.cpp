// `rapport play FILE --protocol`: the JSON Lines play protocol (core/play/play_protocol) between
// stdin and stdout. Each event is one compact line, flushed at once, so a bot reading the pipe
// sees a question as soon as it is asked.
#include <unistd.h>

#include <cstdio>

#include "cli/cli_play_options.hpp"
#include "cli/cli_play_recording.hpp"
#include "cli/cli_verbs.hpp"
#include "cli/line_input.hpp"
#include "core/play/play_protocol.hpp"
#include "core/scoring/scoring.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::cli {

int runProtocolPlay(const Scenario& scenario, const ScenarioFramework& framework,
                    const PlayOptions& o) {
    ManualClock clock;
    Recording rec;
    std::optional<AttemptFlow> flow;
    if (auto code = startAttempt(scenario, framework, o, clock, rec, flow, false)) return *code;
    PlayScore scored;
    auto emit = [](const nlohmann::ordered_json& event) {
        // Scenario text is checked UTF-8; replacing is only a guard, never a throw mid-session.
        const std::string line =
            event.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fflush(stdout);
    };
    auto report = [&](const Session& ended) {
        scored = rec.recorder ? rec.recorder->finish(ended, store::unixNowMs())
                              : scorePlay(scenario, framework, ended.transcript());
        return scored.report ? reportToJson(*scored.report) : nlohmann::json(nullptr);
    };
    PlayProtocol protocol(*flow, clock, emit, report);
    protocol.start();
    LineInput input(STDIN_FILENO);
    std::string line;
    while (!protocol.finished()) {
        if (input.readLine(line, -1) == LineInput::Status::Ended) {
            std::fputs(tr("rapport play: input ended before the conversation did\n"), stderr);
            if (rec.recorder)
                std::fprintf(stderr,
                             "rapport play: the attempt is saved (%s); continue it with: %s\n",
                             choicesText(rec.recorder->journaledSteps()).c_str(),
                             resumeCommand(o, "--resume").c_str());
            return kExitProblems;
        }
        protocol.answer(line);
    }
    if (!scored.report) std::fprintf(stderr, "rapport play: no report: %s\n", scored.error.c_str());
    return reportRecorded(rec, o, scored, "recorded");
}

}  // namespace rapport::cli
