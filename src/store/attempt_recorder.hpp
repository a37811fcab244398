// Turns a Session's progress into results-store calls, so every front end (CLI, app) records an
// attempt the same way: the trainee and the attempt when play starts, one journaled step (with
// the session's saved state, for resume) per decision as it happens, and the ending with the
// score report when the conversation ends. Front ends poll: call record() after each choose() or
// timeout(), finish() once the session is finished.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "clock.hpp"
#include "framework.hpp"
#include "results_store.hpp"
#include "scenario.hpp"
#include "scoring.hpp"
#include "session.hpp"

namespace rapport::store {

// An incomplete attempt that cannot be continued: the scenario file changed since it was
// started, it is no longer in progress, it belongs to another scenario, or its saved state is
// missing or damaged. The message says which, in words a trainee can act on.
class ResumeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Current wall-clock time as Unix milliseconds (UTC), for attempt start and end times.
std::int64_t unixNowMs();

class AttemptRecorder;

// What resume() gives back: the recorder, the session rebuilt where the attempt stopped, and the
// attempt as stored before continuing (its record and transcript so far).
struct ResumedAttempt;

class AttemptRecorder {
public:
    // Stores the trainee (upsertTrainee: an empty employee id or group keeps the stored one) and
    // begins a new in-progress attempt of `scenario` started at `startedAtMs` (Unix ms UTC). The
    // scenario's framework is looked up (as scorePlay does) for its version and for scoring at
    // the end; a missing framework does not stop recording. `store` must outlive the recorder.
    // Throws StoreError.
    static AttemptRecorder begin(ResultsStore& store, const TraineeInfo& trainee, const Scenario& scenario,
                                 AttemptMode mode, std::uint64_t seed, std::int64_t startedAtMs);

    // Continues attempt `attempt` of `scenario`: checks it is in progress, is an attempt of this
    // scenario with the same content hash, and rebuilds the session from its last journaled
    // state on `clock`. Throws ResumeError when it cannot be continued (nothing is changed), or
    // StoreError.
    static ResumedAttempt resume(ResultsStore& store, std::int64_t attempt, const Scenario& scenario,
                                 const Clock& clock);

    // Journals every decision `session` made since the last call (normally exactly one), with
    // the session's saved state, in one transaction. Throws StoreError (disk full, busy); the
    // steps not journaled then are journaled by the next successful call.
    void record(const Session& session);

    // Journals what is left, scores the transcript against the framework and marks the attempt
    // finished with its ending and report (null report when it cannot be scored; the reason is
    // in the returned PlayScore::error). The session must be finished (std::logic_error
    // otherwise). Throws StoreError.
    PlayScore finish(const Session& session, std::int64_t endedAtMs);

    // Marks the attempt abandoned (the trainee chose not to continue it). Throws StoreError.
    void abandon(std::int64_t endedAtMs);

    std::int64_t attemptId() const { return attempt_; }
    std::int64_t traineeId() const { return trainee_; }
    int journaledSteps() const { return journaled_; }
    bool done() const { return done_; }

private:
    AttemptRecorder(ResultsStore& store, const Scenario& scenario, std::shared_ptr<const Framework> framework,
                    std::string frameworkError, std::int64_t trainee, std::int64_t attempt, int journaled);

    ResultsStore* store_;
    const Scenario* scenario_;
    std::shared_ptr<const Framework> framework_;  // null when not found or broken
    std::string frameworkError_;                  // why framework_ is null
    std::int64_t trainee_;
    std::int64_t attempt_;
    int journaled_;
    bool done_ = false;
};

struct ResumedAttempt {
    AttemptRecorder recorder;
    Session session;
    AttemptRecord record;  // as stored when resumed: trainee, mode, start, steps so far
};

// The evidence a transcript step showed, as journaled beside it: the taken choice's evidence
// [{"source": "choice", "indicator", "points"?, "note"?}], or on a timeout the framework's
// timeout indicator [{"source": "timeout", "indicator"}] (empty when there is none or the step
// does not fit the scenario).
nlohmann::json stepEvidence(const Scenario& scenario, const Framework* framework, const TranscriptStep& step);

// The trainee's newest in-progress attempt of `scenarioId`, if any (what a front end offers to
// resume).
std::optional<AttemptRecord> newestIncomplete(ResultsStore& store, const std::string& trainee,
                                              const std::string& scenarioId);

}  // namespace rapport::store
