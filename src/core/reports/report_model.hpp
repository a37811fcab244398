// The plain data HR reports are built from: stored attempts with their competency results, and
// the trainee x competency table. The results store fills these; the report renderers
// (report_html, report_csv, report_json, report_xapi) read them. No storage, no I/O.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/play/attempt_mode.hpp"
#include "core/play/timing.hpp"

namespace rapport {

enum class AttemptStatus { InProgress, Finished, Abandoned };

const char* attemptStatusName(AttemptStatus s);  // "in_progress" | "finished" | "abandoned"
std::optional<AttemptStatus> parseAttemptStatus(std::string_view s);

// One competency's result in one attempt, as the score report states it.
struct CompetencyResult {
    std::string id;
    std::string name;
    std::optional<double> score;  // 0-100; absent unless rated (never 0 for "no evidence")
    double earned = 0;
    double available = 0;
    std::string level;  // level name from the framework; empty when not assessed
    bool assessed = false;
    // Enough evidence for a level (docs/scoring.md 6); assessed but not rated = "not rated — too
    // little evidence", with no score and no level.
    bool rated = false;
    int opportunities = 0;
    std::string confidence;  // as reported ("low", "ok" …); empty when absent
};

// What the store and the reports need from a score report (issue 3 item 5 shape:
// {"overall": {"score","passed","bestPath"}, "competencies": [{"id","name","score",…}]}).
struct ScoreSummary {
    std::optional<double> score;
    std::optional<bool> passed;
    std::vector<CompetencyResult> competencies;
};

// Reads a score report leniently: a missing or mistyped field is treated as absent, so a report
// from an older or newer scorer still stores; a non-object gives an empty summary. Competencies
// without a string "id" are skipped.
ScoreSummary summariseScoreReport(const nlohmann::json& report);

// The campaign an attempt is a meeting of (docs/campaign-format.md). Stored with the attempt at
// its start and never changed; a campaign run's progress is read off its attempts
// (core/campaign/campaign_progress.hpp), never stored beside them.
struct AttemptCampaign {
    std::string id;
    std::string version;
    std::string run;  // UUID of the run: one trainee's pass through the campaign's meetings
    int meeting = 0;  // 0-based index of the meeting in the campaign
    // What the meeting started from (carriedStartToJson): {"trust": 62}; {} for the first.
    nlohmann::json carriedStart = nlohmann::json::object();
};

struct AttemptRecord {
    std::int64_t id = 0;  // store row id
    std::string uid;      // globally unique attempt id (UUID), stable across exports
    std::string trainee;
    std::string employeeId;
    std::string group;
    std::string scenarioId;
    std::string scenarioVersion;
    std::string scenarioTitle;
    std::string contentHash;
    std::string frameworkId;
    std::string frameworkVersion;
    AttemptMode mode = AttemptMode::Practice;
    // The trainee's adjustment of timed moments: it changes the conditions, so HR sees it.
    Timing timing = Timing::Standard;
    std::int64_t startedAtMs = 0;  // Unix time, milliseconds, UTC
    std::optional<std::int64_t> endedAtMs;
    AttemptStatus status = AttemptStatus::InProgress;
    std::string endingNode;
    std::string outcome;          // won | partial | lost | escalated; empty while unfinished
    std::optional<double> score;  // scenario score 0-100
    std::optional<bool> passed;
    int steps = 0;  // choices journaled
    std::vector<CompetencyResult> competencies;
    std::optional<AttemptCampaign> campaign = std::nullopt;  // absent: a lone attempt
    // The scenario's variables at the ending, {"trust": 71, …}; null while unfinished (and for
    // attempts recorded before schema v10). What a campaign carries into the next meeting.
    nlohmann::json finalState = nullptr;
};

// One cell of the HR table: a trainee's results in one competency over the selected attempts
// (finished attempts only; only attempts where the competency was assessed count).
struct CompetencyCell {
    std::string trainee;
    std::string group;
    std::string competencyId;
    std::string competencyName;  // as named in the latest attempt
    int assessedAttempts = 0;
    double mean = 0;
    double best = 0;
    double last = 0;  // from the latest attempt
};

// The one definition of the HR table. Fed one assessed result at a time, in any order; "latest"
// is the greatest (start time, attempt id). The mean sums the scores in that order too, so the
// table has the same bits whichever order the results come in (from attempts in memory or from
// the store's competency rows).
class CompetencyTableFold {
public:
    // One assessed competency result of a finished attempt. Callers skip unassessed results.
    void add(const std::string& trainee, const std::string& group, const std::string& competencyId,
             const std::string& competencyName, double score, std::int64_t startedAtMs,
             std::int64_t attemptId);
    // Every assessed result of the attempt when it is finished; nothing otherwise.
    void add(const AttemptRecord& attempt);
    // The cells, ordered by trainee then competency id. Leaves the fold empty.
    std::vector<CompetencyCell> cells();

private:
    struct Result {
        std::int64_t startedAtMs;
        std::int64_t attemptId;
        double score;
        std::string name;
    };
    struct Acc {
        std::string group;
        std::vector<Result> results;
    };
    std::map<std::pair<std::string, std::string>, Acc> acc_;  // by (trainee, competency id)
};

// Builds the HR table from attempts in memory with CompetencyTableFold: the same cells as the
// store's competencyTable() over the same attempts.
std::vector<CompetencyCell> buildCompetencyTable(const std::vector<AttemptRecord>& attempts);
// The same over a selection of attempts (a report's group or trainee page), without copying them.
std::vector<CompetencyCell> buildCompetencyTable(const std::vector<const AttemptRecord*>& attempts);

// What a report covers, for its heading; every field is optional.
struct ReportScope {
    std::string trainee;
    std::string group;
    std::string scenario;
    std::optional<std::int64_t> sinceMs;
    std::optional<AttemptMode> mode;  // practice or exam only; absent = both
};

struct ReportData {
    ReportScope scope;
    std::int64_t generatedAtMs = 0;
    std::vector<AttemptRecord> attempts;  // ordered by trainee, then start time
};

}  // namespace rapport
