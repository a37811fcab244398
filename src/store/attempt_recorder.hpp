// Turns a Session's progress into results-store calls, so every front end (CLI, app) records an
// attempt the same way: the trainee and the attempt when play starts, one journaled step (with
// the session's saved state, for resume) per decision as it happens, and the ending with the
// score report when the conversation ends. Front ends poll: call record() after each choose() or
// timeout(), finish() once the session is finished. A front end that writes on another thread
// than it plays captures each decision with captureJournal() and hands the batch to record(),
// and may score with score() apart from finish().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/play/attempt_journal.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/scoring.hpp"
#include "store/results_store.hpp"

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

// Decisions of a session not yet handed to the recorder: transcript steps from index `from` on,
// with the session's saved state after the last of them. Plain data, so it can be captured on
// the thread that plays and written on another.
struct JournalBatch {
    std::size_t from = 0;
    std::vector<TranscriptStep> steps;
    nlohmann::json state;
};

// The steps of `session` from index `from` (0-based; at most the transcript's length) and its
// saved state now. Touches no store.
JournalBatch captureJournal(const Session& session, std::size_t from);

// What resume() gives back: the recorder, the session rebuilt where the attempt stopped, and the
// attempt as stored before continuing (its record and transcript so far).
struct ResumedAttempt;

class AttemptRecorder : public AttemptJournal {
public:
    // Stores the trainee (upsertTrainee: an empty employee id or group keeps the stored one) and
    // begins a new in-progress attempt of `scenario` started at `startedAtMs` (Unix ms UTC).
    // `framework` is the scenario's, as the check found it (the recorder never looks one up):
    // its version is stored and the attempt is scored against it at the end; a missing framework
    // does not stop recording. `timing` is the trainee's adjustment of timed moments, stored so a
    // resume replays under it and HR sees it. `store` must outlive the recorder. Throws
    // StoreError.
    // `campaign`, when set, makes the attempt that campaign's meeting: `scenario` must then be
    // the meeting's carried-start copy (startingFrom), the one played, journaled and scored.
    static AttemptRecorder begin(ResultsStore& store, const TraineeInfo& trainee,
                                 const Scenario& scenario, ScenarioFramework framework,
                                 AttemptMode mode, std::uint64_t seed, std::int64_t startedAtMs,
                                 Timing timing = Timing::Standard,
                                 std::optional<AttemptCampaign> campaign = std::nullopt);

    // Continues attempt `attempt` of `scenario`: checks it is in progress, is an attempt of this
    // scenario with the same content hash, and rebuilds the session on `clock` by replaying its
    // journaled decisions from the start (resumeFromJournal: the journal is the truth, and its
    // last saved state must match the replay). Throws ResumeError when it cannot be continued
    // (nothing is changed), or StoreError.
    // `framework` as for begin(). A campaign meeting continues only on the copy it started from
    // (core/campaign/campaign_run.hpp, meetingScenario): a scenario whose variables do not start
    // at the recorded carried start is refused, since its replay and its best path would differ.
    static ResumedAttempt resume(ResultsStore& store, std::int64_t attempt,
                                 const Scenario& scenario, ScenarioFramework framework,
                                 const Clock& clock);

    // Journals every decision `session` made since the last call (normally exactly one), with
    // the session's saved state, in one transaction. Throws StoreError (disk full, busy); the
    // steps not journaled then are journaled by the next successful call.
    void record(const Session& session) override;

    // Journals the batch's steps not journaled yet, with any steps of earlier batches whose write
    // failed, in one transaction. The batch must continue what was handed in before (its `from`
    // at most the number of steps handed in so far; std::logic_error otherwise). Throws
    // StoreError; the steps it could not write are written by the next successful call.
    void record(const JournalBatch& batch);

    // The report finish() stores for the finished `session`: its transcript scored against the
    // recorder's framework (null report and the reason in PlayScore::error when it cannot be
    // scored). `optimum`, when given, must be the scenario's best path under framework(); it
    // spares the best-path search. Reads only what begin()/resume() set up and touches no store,
    // so it may run on another thread than record().
    PlayScore score(const Session& session, const ScenarioOptimum* optimum = nullptr) const;

    // Journals what is left and marks the attempt finished with its ending and `scored` (what
    // score() gave for this session): the last steps, the ending, the score and the competency
    // rows in one transaction. Without a report in `scored` nothing is written and it returns
    // false: an attempt is never stored finished without a score, so it stays in progress with
    // its last decision not applied, and can be resumed once it can be scored (the framework is
    // found again). The session must be finished (std::logic_error otherwise). Throws StoreError.
    bool finish(const Session& session, std::int64_t endedAtMs, const PlayScore& scored);

    // score() then finish(): scores the transcript and stores it with the ending (when scored;
    // finished() says whether it was stored).
    PlayScore finish(const Session& session, std::int64_t endedAtMs);

    // Marks the attempt abandoned (the trainee chose not to continue it). Throws StoreError.
    void abandon(std::int64_t endedAtMs);

    // The framework attempts are scored against (null when not found or broken: then
    // frameworkError() says why).
    const Framework* framework() const { return framework_.get(); }
    const std::string& frameworkError() const { return frameworkError_; }
    std::int64_t attemptId() const { return attempt_; }
    std::int64_t traineeId() const { return trainee_; }
    int journaledSteps() const { return journaled_; }
    // Finished (stored with its score) or abandoned: nothing more is recorded.
    bool done() const { return done_; }

private:
    AttemptRecorder(ResultsStore& store, const Scenario& scenario,
                    std::shared_ptr<const Framework> framework, std::string frameworkError,
                    std::int64_t trainee, std::int64_t attempt, int journaled);

    ResultsStore* store_;
    const Scenario* scenario_;
    std::shared_ptr<const Framework> framework_;  // null when not found or broken
    std::string frameworkError_;                  // why framework_ is null
    std::int64_t trainee_;
    std::int64_t attempt_;
    int journaled_;                        // steps on disk
    std::vector<TranscriptStep> unsaved_;  // steps handed in after those, whose write failed
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
nlohmann::json stepEvidence(const Scenario& scenario, const Framework* framework,
                            const TranscriptStep& step);

// The store as the attempt flow's archive of unfinished attempts (abandonUnfinished). `store`
// must outlive it.
class StoreAttemptArchive : public AttemptArchive {
public:
    explicit StoreAttemptArchive(ResultsStore& store) : store_(&store) {}
    std::vector<AttemptRecord> incomplete(const std::string& trainee,
                                          const std::string& scenarioId) override {
        return store_->listIncomplete(trainee, scenarioId);
    }
    void markAbandoned(std::int64_t attempt, std::int64_t endedAtMs) override {
        store_->markAbandoned(attempt, endedAtMs);
    }

private:
    ResultsStore* store_;
};

// The trainee's newest in-progress attempt of `scenarioId`, if any (what a front end offers to
// resume).
std::optional<AttemptRecord> newestIncomplete(ResultsStore& store, const std::string& trainee,
                                              const std::string& scenarioId);

}  // namespace rapport::store
