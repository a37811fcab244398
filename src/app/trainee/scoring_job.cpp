#include "app/trainee/scoring_job.hpp"

#include <chrono>
#include <stdexcept>

namespace rapport::app {

ScoringResult scoreFinishedAttempt(ScoringInput in) {
    if (in.recorder && !in.writes)
        throw std::logic_error("scoreFinishedAttempt: a recorder without a write queue");
    ScoringResult out;
    // A session of its own, on a clock of its own: the UI thread keeps reading (and lazily
    // materialising) its session and advancing its clock while this runs.
    ManualClock clock;
    const Session session = Session::resume(*in.scenario, clock, in.sessionState);
    // A recorded attempt is scored against the framework its recorder found (the one whose
    // version it stored at the start).
    const Framework* framework = in.recorder ? in.recorder->framework() : in.framework;

    // The best path: the one the check found (the library entry's, passed in) when it is for
    // this framework. Searched here only when it is not: a recorded attempt scored against the
    // framework version its recorder stored, when the file changed since. Handed back for the
    // next attempt. A search that fails leaves scoring to search again and say why in its own
    // words (a broken scenario, so rare).
    const ScenarioOptimum* optimum = nullptr;
    if (framework) {
        if (in.optimum && in.optimumFramework == framework->contentHash) {
            optimum = &*in.optimum;
        } else {
            try {
                OptimumOutcome o = computeOptimum(*in.scenario, *framework);
                if (o.optimum) {
                    out.optimum = std::move(o.optimum);
                    out.optimumFramework = framework->contentHash;
                    optimum = &*out.optimum;
                }
            } catch (const ScoringError&) {
            }
        }
    }

    PlayScore scored;
    if (in.recorder) {
        scored = in.recorder->score(session, optimum);
        // Behind the attempt's journal writes; stores exactly the report shown.
        in.writes->push("finish", [recorder = in.recorder, scenario = in.scenario,
                                   state = in.sessionState, endedAtMs = in.endedAtMs, scored] {
            ManualClock finishClock;
            const Session finished = Session::resume(*scenario, finishClock, state);
            if (!recorder->finish(finished, endedAtMs, scored))
                throw store::StoreError("it could not be scored (" + scored.error + ")", 0);
        });
        out.saving = true;
    } else if (framework) {
        try {
            scored.report =
                scoreTranscript(*in.scenario, *framework, session.transcript(), optimum);
        } catch (const ScoringError& e) {
            scored.error = e.what();
        }
    } else {
        scored.error = in.frameworkMissing;
    }
    out.report = std::move(scored.report);
    out.error = std::move(scored.error);
    if (const Framework* f = framework ? framework : in.framework)
        out.advice = adviseSteps(*in.scenario, *f, session.transcript());
    return out;
}

void ScoringJob::start(ScoringInput input) {
    if (running()) throw std::logic_error("ScoringJob::start while a job is running");
    future_ = std::async(std::launch::async, [in = std::move(input)]() mutable {
        return scoreFinishedAttempt(std::move(in));
    });
}

bool ScoringJob::ready() const {
    return running() && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

ScoringResult ScoringJob::take() {
    if (!running()) throw std::logic_error("ScoringJob::take without a running job");
    return future_.get();
}

}  // namespace rapport::app
