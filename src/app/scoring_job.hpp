// Scores a finished attempt off the UI thread. The best-path search behind a scenario score can
// take most of a second, so the debrief's first frame must not wait for it; when the attempt is
// recorded, the same job journals its last steps and stores its ending and report.
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attempt_recorder.hpp"
#include "framework.hpp"
#include "score_report.hpp"
#include "scoring.hpp"
#include "session.hpp"
#include "step_advice.hpp"

namespace rapport::app {

struct ScoringResult {
    std::optional<ScoreReport> report;
    std::string error;                       // why there is no report, in one line
    std::vector<StepAdvice> advice;          // per step; empty without a framework
    std::optional<ScenarioOptimum> optimum;  // searched by this job (unrecorded play), for reuse
    std::string storeError;                  // the attempt could not be stored, and why
};

struct ScoringInput {
    const Scenario* scenario = nullptr;       // outlives the job
    nlohmann::json sessionState;              // Session::save() of the finished session
    const Framework* framework = nullptr;     // outlives the job; null when not found
    std::string frameworkMissing;             // why `framework` is null
    std::optional<ScenarioOptimum> optimum;   // known best path for unrecorded play
    std::unique_ptr<store::AttemptRecorder> recorder;  // null: play is not recorded
    std::int64_t endedAtMs = 0;               // Unix ms UTC
};

class ScoringJob {
public:
    // Starts scoring on a worker thread. With a recorder, its store must not be used elsewhere
    // until take() returned.
    void start(ScoringInput input);
    bool running() const { return future_.valid(); }  // started and not yet taken
    bool ready() const;                                // running and done
    // The result; waits for the worker when it is not done yet. Requires running().
    ScoringResult take();

private:
    std::future<ScoringResult> future_;
};

// The job's work, run on the calling thread (tests; the worker calls it too).
ScoringResult scoreFinishedAttempt(ScoringInput input);

}  // namespace rapport::app
