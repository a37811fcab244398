#include "store/attempt_recorder.hpp"

#include <chrono>

#include "core/campaign/campaign_run.hpp"
#include "core/play/resume_check.hpp"
#include "store/scenario_texts.hpp"

namespace rapport::store {

using nlohmann::json;

namespace {

std::string describeStart(const AttemptRecord& r) {
    return "attempt " + std::to_string(r.id) + " of \"" + r.scenarioId + "\" by " + r.trainee;
}

}  // namespace

std::int64_t unixNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

json stepEvidence(const Scenario& scenario, const Framework* framework,
                  const TranscriptStep& step) {
    json out = json::array();
    if (!scenario.findNode(step.node)) return out;
    if (step.timedOut) {
        if (framework && framework->timeoutIndicator >= 0)
            out.push_back({{"source", "timeout"},
                           {"indicator",
                            framework->indicators[std::size_t(framework->timeoutIndicator)].id}});
        return out;
    }
    if (const Choice* c = takenChoice(scenario, step)) {
        for (const Evidence& e : c->evidence) {
            json item = {{"source", "choice"}, {"indicator", e.indicator}};
            if (e.points) item["points"] = *e.points;
            if (!e.note.empty()) item["note"] = e.note;
            out.push_back(std::move(item));
        }
    }
    return out;
}

std::optional<AttemptRecord> newestIncomplete(ResultsStore& store, const std::string& trainee,
                                              const std::string& scenarioId) {
    auto list = store.listIncomplete(trainee, scenarioId);
    if (list.empty()) return std::nullopt;
    return list.front();
}

AttemptRecorder::AttemptRecorder(ResultsStore& store, const Scenario& scenario,
                                 std::shared_ptr<const Framework> framework,
                                 std::string frameworkError, std::int64_t trainee,
                                 std::int64_t attempt, int journaled)
    : store_(&store),
      scenario_(&scenario),
      framework_(std::move(framework)),
      frameworkError_(std::move(frameworkError)),
      trainee_(trainee),
      attempt_(attempt),
      journaled_(journaled) {}

AttemptRecorder AttemptRecorder::begin(ResultsStore& store, const TraineeInfo& trainee,
                                       const Scenario& scenario, ScenarioFramework f,
                                       AttemptMode mode, std::uint64_t seed,
                                       std::int64_t startedAtMs, Timing timing,
                                       std::optional<AttemptCampaign> campaign) {
    // Trainee and attempt in one transaction: a kill in between leaves neither half-made.
    Transaction tx(store.database());
    const std::int64_t traineeId = store.upsertTrainee(trainee);
    AttemptStart a;
    a.traineeId = traineeId;
    a.scenarioId = scenario.id;
    a.scenarioVersion = scenario.version;
    a.scenarioTitle = scenario.title;
    a.contentHash = scenario.contentHash;
    a.frameworkId = scenario.framework;
    a.frameworkVersion = f.framework ? f.framework->version : std::string();
    a.mode = mode;
    a.seed = seed;
    a.startedAtMs = startedAtMs;
    a.timing = timing;
    a.campaign = std::move(campaign);
    const std::int64_t attempt = store.beginAttempt(a);
    keepScenarioText(store.database(), scenario);
    tx.commit();
    return AttemptRecorder(store, scenario, std::move(f.framework), std::move(f.problem), traineeId,
                           attempt, 0);
}

ResumedAttempt AttemptRecorder::resume(ResultsStore& store, std::int64_t attempt,
                                       const Scenario& scenario, ScenarioFramework f,
                                       const Clock& clock) {
    StoredAttempt stored;
    try {
        stored = store.loadAttempt(attempt);
    } catch (const StoreError& e) {
        if (e.code() != 0) throw;  // the database could not be read: not the attempt's fault
        throw ResumeError(std::string(e.what()) + "; it cannot be continued");
    }
    const AttemptRecord& r = stored.record;
    switch (resumeRefusal(r, scenario)) {
        case ResumeRefusal::None:
            break;
        case ResumeRefusal::NotInProgress:
            throw ResumeError(describeStart(r) + " is " + attemptStatusName(r.status) +
                              ", not in progress; it cannot be continued");
        case ResumeRefusal::OtherScenario:
            throw ResumeError(describeStart(r) + " is not an attempt of scenario \"" + scenario.id +
                              "\"");
        case ResumeRefusal::ScenarioChanged:
            throw ResumeError(
                describeStart(r) +
                " was made on another version of the scenario file (content hash " + r.contentHash +
                " then, " + scenario.contentHash +
                " now), so its choices may no longer fit; it cannot be continued. Start a new "
                "attempt (and abandon the old one)");
    }
    if (r.campaign) {
        bool same = false;
        try {
            same = startsFrom(scenario, carriedStartFromJson(scenario, r.campaign->carriedStart));
        } catch (const std::invalid_argument&) {
        }
        if (!same)
            throw ResumeError(describeStart(r) + " is meeting " +
                              std::to_string(r.campaign->meeting + 1) + " of campaign \"" +
                              r.campaign->id + "\" and continues only from the start it was " +
                              "given there (" + r.campaign->carriedStart.dump() + ")");
    }
    std::optional<Session> session;
    try {
        session.emplace(resumeFromJournal(scenario, clock, stored.transcript, stored.sessionState));
    } catch (const SessionError& e) {
        throw ResumeError(describeStart(r) +
                          " cannot be continued: its record does not replay as it was played (" +
                          e.what() + "); the database was edited or damaged. It is left as it was");
    }
    std::int64_t traineeId = 0;
    {
        Statement s(store.database(), "SELECT trainee_id FROM attempts WHERE id = ?");
        s.bind(1, attempt);
        if (s.step()) traineeId = s.integer(0);
    }
    AttemptRecorder rec(store, scenario, std::move(f.framework), std::move(f.problem), traineeId,
                        attempt, r.steps);
    return ResumedAttempt{std::move(rec), std::move(*session), std::move(stored.record)};
}

JournalBatch captureJournal(const Session& session, std::size_t from) {
    const auto& steps = session.transcript().steps;
    if (from > steps.size())
        throw std::logic_error("captureJournal: from is past the end of the transcript");
    JournalBatch out;
    out.from = from;
    out.steps.assign(steps.begin() + std::ptrdiff_t(from), steps.end());
    out.state = session.save();
    return out;
}

void AttemptRecorder::record(const Session& session) {
    if (done_)
        throw std::logic_error(
            "AttemptRecorder::record after the attempt was finished or abandoned");
    if (&session.scenario() != scenario_)
        throw std::logic_error("AttemptRecorder::record: session of another scenario");
    const std::size_t handed = std::size_t(journaled_) + unsaved_.size();
    const auto& steps = session.transcript().steps;
    if (steps.size() < handed)
        throw std::logic_error(
            "AttemptRecorder::record: the session has fewer steps than were journaled");
    if (steps.size() == handed && unsaved_.empty()) return;
    record(captureJournal(session, handed));
}

void AttemptRecorder::record(const JournalBatch& batch) {
    if (done_)
        throw std::logic_error(
            "AttemptRecorder::record after the attempt was finished or abandoned");
    const std::size_t handed = std::size_t(journaled_) + unsaved_.size();
    if (batch.from > handed)
        throw std::logic_error("AttemptRecorder::record: the batch skips steps never handed in");
    for (std::size_t i = handed - batch.from; i < batch.steps.size(); ++i)
        unsaved_.push_back(batch.steps[i]);
    if (unsaved_.empty()) return;
    Transaction tx(store_->database());
    for (const TranscriptStep& step : unsaved_)
        store_->appendStep(attempt_, step, stepEvidence(*scenario_, framework_.get(), step),
                           batch.state);
    tx.commit();
    journaled_ += int(unsaved_.size());
    unsaved_.clear();
}

PlayScore AttemptRecorder::score(const Session& session, const ScenarioOptimum* optimum) const {
    PlayScore scored;
    if (!framework_) {
        scored.error = frameworkError_;
        return scored;
    }
    try {
        scored.report = scoreTranscript(*scenario_, *framework_, session.transcript(), optimum);
    } catch (const ScoringError& e) {
        scored.error = e.what();
    }
    return scored;
}

PlayScore AttemptRecorder::finish(const Session& session, std::int64_t endedAtMs) {
    if (!session.finished())
        throw std::logic_error("AttemptRecorder::finish: the session has not reached an ending");
    PlayScore scored = score(session);
    finish(session, endedAtMs, scored);
    return scored;
}

bool AttemptRecorder::finish(const Session& session, std::int64_t endedAtMs,
                             const PlayScore& scored) {
    if (!session.finished())
        throw std::logic_error("AttemptRecorder::finish: the session has not reached an ending");
    if (!scored.report) return false;
    AttemptEnd end;
    end.endingNode = session.node().id;
    end.outcome = outcomeName(session.ending()->outcome);
    end.endedAtMs = endedAtMs;
    end.report = reportToJson(*scored.report);
    end.finalState = variablesToJson(*scenario_, session.variables());
    // The last decision, the ending and the score commit together: a kill before the commit
    // leaves the attempt resumable at its last decision, never "in progress" with all its steps.
    const int journaledBefore = journaled_;
    const std::vector<TranscriptStep> unsavedBefore = unsaved_;
    try {
        Transaction tx(store_->database());
        record(session);
        store_->finishAttempt(attempt_, end);
        tx.commit();
    } catch (...) {
        // Rolled back: the steps record() counted as written are not on disk.
        journaled_ = journaledBefore;
        unsaved_ = unsavedBefore;
        throw;
    }
    done_ = true;
    return true;
}

void AttemptRecorder::abandon(std::int64_t endedAtMs) {
    if (done_)
        throw std::logic_error(
            "AttemptRecorder::abandon after the attempt was finished or abandoned");
    store_->markAbandoned(attempt_, endedAtMs);
    done_ = true;
}

}  // namespace rapport::store
