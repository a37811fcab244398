// What `rapport play` was asked to do, shared by the files of the verb: cli_play.cpp parses it,
// cli_play_recording.cpp opens the attempt, cli_play_scripted.cpp and
// cli_play_interactive.cpp play.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/framework/scenario_framework.hpp"
#include "core/play/attempt_mode.hpp"
#include "core/scenario/scenario.hpp"
#include "core/text/trainee_text.hpp"

namespace rapport::cli {

struct PlayOptions {
    std::string file;
    std::optional<std::string> choices;
    // The attempt's seed (core/play/reply_order.hpp): --seed, else 0 for --choices (scripts read
    // as written) and a fresh one for interactive and protocol play. Resume uses the stored one.
    std::uint64_t seed = 0;
    bool seedGiven = false;
    bool json = false;
    bool protocol = false;
    // Recording; all but `trainee` need it.
    std::optional<std::string> trainee;
    std::string employeeId;
    std::string group;
    std::optional<std::string> db;
    std::optional<AttemptMode> mode;
    bool resume = false;
    bool abandon = false;
    int stepDelayMs = 0;
    // --form: the trainee's grammatical form for {masculine|feminine} words; {trainee} is the
    // --trainee name (core/text/trainee_text.hpp).
    GrammaticalForm form = GrammaticalForm::Neutral;
    // --alternate ID|auto: the alternate form to play (docs/scenario-format.md, "Alternate
    // forms"); "auto" the one the trainee has played least. Empty: the original.
    std::string alternate;
    // Test-only (crash tests): with --choices and --trainee, pause this long just before and
    // just after the transaction that finishes the attempt, announcing each pause on stderr, so a
    // test can kill play inside the window between the last decision and the finish.
    int finishDelayMs = 0;
};

// Prints "rapport play: MESSAGE" and the help hint to stderr; returns the usage exit code.
int playUsageError(const std::string& message);

// `rapport play --choices`: plays the script and prints the transcript or the JSON result.
int runScriptedPlay(const Scenario& scenario, const ScenarioFramework& framework,
                    const PlayOptions& o);
// `rapport play` without --choices: reads the trainee's numbers from stdin.
int runInteractivePlay(const Scenario& scenario, const ScenarioFramework& framework,
                       const PlayOptions& o);

// `rapport play --protocol`: the JSON Lines play protocol on stdin and stdout (docs/cli.md).
int runProtocolPlay(const Scenario& scenario, const ScenarioFramework& framework,
                    const PlayOptions& o);

// The name and form lines and replies are rendered with.
inline TraineeForms traineeForms(const PlayOptions& o) {
    return {o.trainee.value_or(std::string()), o.form};
}

// "12.3 s"
std::string secondsText(std::int64_t ms);

}  // namespace rapport::cli
