// The results store: every attempt a trainee makes, journaled choice by choice, with its score
// report and per-competency rows for HR queries. SQLite in WAL mode; each call is one
// transaction, so a killed process leaves every earlier call complete and no later one half-done.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/play/transcript.hpp"
#include "core/reports/report_model.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::store {

struct StoreOptions {
    int busyTimeoutMs = 10000;    // how long a writer waits for another process's transaction
    std::optional<int> maxPages;  // cap on the file size in pages (tests simulate a full disk)
    int schemaVersion = -1;       // migrate up to this version (-1 = latest); tests make old files
    // Only read (reports, the HR pages): the file is opened read-only and never changed, so a
    // backup or a read-only share can be read. A file of an older schema is upgraded first when
    // it can be written, refused (StoreError) when it cannot.
    bool readOnly = false;
};

struct TraineeInfo {
    std::string name;        // the key: one trainee per name
    std::string employeeId;  // empty = keep what is stored
    std::string group;       // empty = keep what is stored
};

struct AttemptStart {
    std::int64_t traineeId = 0;
    std::string scenarioId;
    std::string scenarioVersion;
    std::string scenarioTitle;
    std::string contentHash;
    std::string frameworkId;
    std::string frameworkVersion;
    AttemptMode mode = AttemptMode::Practice;
    std::uint64_t seed = 0;
    ReplyOrder replyOrder = ReplyOrder::Seeded;  // how the session orders replies
    Timing timing = Timing::Standard;            // the trainee's adjustment of timed moments
    std::int64_t startedAtMs = 0;                // Unix ms UTC
    std::optional<AttemptCampaign> campaign = std::nullopt;  // set for a campaign's meeting
};

struct AttemptEnd {
    std::string endingNode;
    std::string outcome;
    std::int64_t endedAtMs = 0;
    nlohmann::json report;  // the score report, or null when the attempt was not scored
    nlohmann::json finalState = nullptr;  // the variables at the ending ({"trust": 71}); null: none
};

// Everything needed to re-score or replay an attempt.
struct StoredAttempt {
    AttemptRecord record;
    Transcript transcript;                 // rebuilt from the journal
    std::vector<nlohmann::json> evidence;  // per step, as journaled
    nlohmann::json report;                 // null when absent
    nlohmann::json sessionState;           // last Session::save() while in progress; else null
};

// Which attempts a query covers; empty / absent fields do not filter.
struct AttemptFilter {
    std::string trainee;
    std::string group;
    std::string scenario;
    std::optional<std::int64_t> sinceMs;  // started at or after
    std::optional<std::int64_t> untilMs;  // started before
    // Practice or exam only; absent = both. Practice shows feedback during play, so HR reads the
    // two apart (docs/hr-reports.md, "Practice and exam").
    std::optional<AttemptMode> mode;
    bool finishedOnly = false;
};

// A random UUID (version 4), as attempts and decisions get: also a campaign run's id.
std::string randomUuid();

class ResultsStore {
public:
    // Opens or creates the database, enables WAL, synchronous=FULL, foreign keys and the busy
    // timeout, and migrates the schema. An existing file is first opened read-only and checked
    // to be Rapport's (application_id, schema version): another program's file is refused before
    // anything in it changes. Throws StoreError (not a database, another application's, newer
    // schema, …). With options.readOnly, see StoreOptions.
    explicit ResultsStore(const std::string& path, const StoreOptions& options = {});

    // Returns the trainee's id, inserting or updating (employee id and group when non-empty).
    std::int64_t upsertTrainee(const TraineeInfo& trainee);
    // Records a new attempt in progress; returns its id.
    std::int64_t beginAttempt(const AttemptStart& start);
    // Journals one decision: the transcript step, the evidence it showed and the session state
    // to resume from. Steps must come in order (1, 2, …); throws StoreError if the attempt is not
    // in progress or the step does not follow on.
    void appendStep(std::int64_t attempt, const TranscriptStep& step,
                    const nlohmann::json& evidence, const nlohmann::json& sessionState);
    // Marks the attempt finished with its ending and score report, and writes its competency rows.
    // Throws StoreError (changing nothing) when `end.report` holds no overall score: no attempt
    // is ever stored finished without one.
    void finishAttempt(std::int64_t attempt, const AttemptEnd& end);
    // Marks an in-progress attempt abandoned (the trainee chose not to resume it).
    void markAbandoned(std::int64_t attempt, std::int64_t endedAtMs);

    // The trainee's attempts still in progress, newest first (optionally for one scenario),
    // but for campaign meetings: those continue from their campaign's track, on their carried
    // start, never from the scenario's own card.
    std::vector<AttemptRecord> listIncomplete(const std::string& trainee,
                                              const std::string& scenarioId = {});
    // Every attempt of the trainee that is a meeting of campaign `campaignId` (any run, any
    // status), oldest first: what core/campaign/campaign_progress reads a run's state from.
    std::vector<AttemptRecord> campaignAttempts(const std::string& trainee,
                                                const std::string& campaignId);
    // Throws StoreError when no such attempt exists.
    StoredAttempt loadAttempt(std::int64_t attempt);

    // Attempts matching the filter, ordered by trainee name, start time, id; with competency rows
    // when asked.
    std::vector<AttemptRecord> attempts(const AttemptFilter& filter, bool withCompetencies = true);
    // The HR table (trainees x competencies) over finished attempts matching the filter: the
    // cells of CompetencyTableFold fed from the competency rows, so the same cells, bit for bit,
    // as buildCompetencyTable() over attempts(filter).
    std::vector<CompetencyCell> competencyTable(const AttemptFilter& filter);

    int schemaVersion();
    // "ok" when PRAGMA integrity_check finds nothing wrong, else its first message.
    std::string integrityCheck();
    Database& database() { return db_; }

private:
    Database db_;
};

}  // namespace rapport::store
