// Scores a finished attempt off the UI thread. The best-path search behind a scenario score can
// take seconds, so the debrief's first frame must not wait for it. A recorded attempt is scored
// once, by its recorder's definition (AttemptRecorder::score), and the report stored is that one:
// the job hands the ending and report to the app's write queue, behind the attempt's journal
// writes.
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/play/session.hpp"
#include "core/scoring/score_report.hpp"
#include "core/scoring/scoring.hpp"
#include "core/scoring/step_advice.hpp"
#include "store/attempt_recorder.hpp"
#include "store/write_queue.hpp"

namespace rapport::app {

struct ScoringResult {
    std::optional<ScoreReport> report;
    std::string error;                       // why there is no report, in one line
    std::vector<StepAdvice> advice;          // per step; empty without a framework
    std::optional<ScenarioOptimum> optimum;  // searched by this job, for reuse by the next one
    std::string optimumFramework;            // content hash of the framework `optimum` is for
    bool saving = false;                     // the ending and report were queued for the store
};

struct ScoringInput {
    const Scenario* scenario = nullptr;    // outlives the job
    nlohmann::json sessionState;           // Session::save() of the finished session
    const Framework* framework = nullptr;  // outlives the job; null when not found
    std::string frameworkMissing;          // why `framework` is null
    // The best path for this scenario (the library entry's, from the check; or one an earlier job
    // searched), under the framework whose content hash is `optimumFramework`: used only when the
    // attempt is scored against that same framework.
    std::optional<ScenarioOptimum> optimum;
    std::string optimumFramework;
    // Recorded play: the attempt's recorder (used by the write queue's thread; the job only calls
    // its const score()) and the queue the finish is pushed on. Null: play is not recorded.
    std::shared_ptr<store::AttemptRecorder> recorder;
    store::WriteQueue* writes = nullptr;  // outlives the job; required with a recorder
    std::int64_t endedAtMs = 0;           // Unix ms UTC
};

class ScoringJob {
public:
    // Starts scoring on a worker thread.
    void start(ScoringInput input);
    bool running() const { return future_.valid(); }  // started and not yet taken
    bool ready() const;                               // running and done
    // The result; waits for the worker when it is not done yet. Requires running().
    ScoringResult take();

private:
    std::future<ScoringResult> future_;
};

// The job's work, run on the calling thread (tests; the worker calls it too).
ScoringResult scoreFinishedAttempt(ScoringInput input);

}  // namespace rapport::app
