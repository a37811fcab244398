// The store side of `rapport play --trainee`: opening the results database, resuming or
// abandoning the trainee's unfinished attempt, and the hints that say how to continue one.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/cli_play_options.hpp"
#include "core/play/attempt_flow.hpp"
#include "store/attempt_recorder.hpp"

namespace rapport::cli {

// The open database and the attempt's recorder, or nothing when no --trainee was given.
struct Recording {
    std::string path;
    std::optional<store::ResultsStore> store;
    std::optional<store::AttemptRecorder> recorder;
    std::optional<AttemptRecord> resumed;     // the attempt as stored when --resume continued it
    std::unique_ptr<AttemptJournal> journal;  // what the flow journals to; null: not recorded
};

// Opens the recording (when --trainee was given) and the attempt flow before play begins, so a
// store that cannot be opened stops play before the trainee has done anything: a new attempt
// (after --abandon marked the old ones abandoned, or offering the unfinished one when
// `interactive`), or on --resume the continued one. Returns an exit code when play must not go
// on; `flow` is set otherwise.
// `framework` is the scenario's as the check found it; the attempt is scored against it.
std::optional<int> startAttempt(const Scenario& scenario, const ScenarioFramework& framework,
                                const PlayOptions& o, const Clock& clock, Recording& rec,
                                std::optional<AttemptFlow>& flow, bool interactive);

// "rapport play FILE --trainee NAME [--db PATH] FLAG", shell-quoted, to continue or drop it.
std::string resumeCommand(const PlayOptions& o, const char* flag);
// "1 choice", "3 choices"
std::string choicesText(int n);
// "2026-12-06 20:48 UTC"
std::string utcText(std::int64_t unixMs);
// "rapport play: WHAT attempt N in PATH" on stderr when recording. When the attempt could not be
// stored finished (no score: `scored.error` says why), says it is kept unfinished and how to
// continue it instead, and returns kExitProblems; kExitOk otherwise.
int reportRecorded(const Recording& rec, const PlayOptions& o, const PlayScore& scored,
                   const char* what);

}  // namespace rapport::cli
