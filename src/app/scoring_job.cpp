#include "scoring_job.hpp"

#include <chrono>
#include <stdexcept>

namespace rapport::app {

ScoringResult scoreFinishedAttempt(ScoringInput in) {
    ScoringResult out;
    // A session of its own, on a clock of its own: the UI thread keeps reading (and lazily
    // materialising) its session and advancing its clock while this runs.
    ManualClock clock;
    const Session session = Session::resume(*in.scenario, clock, in.sessionState);
    if (in.recorder) {
        try {
            PlayScore scored = in.recorder->finish(session, in.endedAtMs);
            out.report = std::move(scored.report);
            out.error = std::move(scored.error);
        } catch (const store::StoreError& e) {
            out.storeError = e.what();
        }
    }
    if (!out.report && out.error.empty() && in.framework) {
        // Not recorded, or recording failed before scoring: score here, reusing a known optimum.
        try {
            if (!in.optimum) {
                OptimumOutcome o = computeOptimum(*in.scenario, *in.framework);
                in.optimum = std::move(o.optimum);
                out.optimum = in.optimum;
            }
            out.report = scoreTranscript(*in.scenario, *in.framework, session.transcript(),
                                         in.optimum ? &*in.optimum : nullptr);
        } catch (const ScoringError& e) {
            out.error = e.what();
        }
    } else if (!out.report && out.error.empty()) {
        out.error = in.frameworkMissing;
    }
    if (in.framework) out.advice = adviseSteps(*in.scenario, *in.framework, session.transcript());
    return out;
}

void ScoringJob::start(ScoringInput input) {
    if (running()) throw std::logic_error("ScoringJob::start while a job is running");
    future_ = std::async(std::launch::async,
                         [in = std::move(input)]() mutable { return scoreFinishedAttempt(std::move(in)); });
}

bool ScoringJob::ready() const {
    return running() && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

ScoringResult ScoringJob::take() {
    if (!running()) throw std::logic_error("ScoringJob::take without a running job");
    return future_.get();
}

}  // namespace rapport::app
