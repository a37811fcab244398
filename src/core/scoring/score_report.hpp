// The score report: what scoring says about one play-through, competency by competency, with
// every point traced to a step and an indicator. Built by scoreTranscript (scoring.hpp); this
// file turns it into JSON ("report" in `rapport play --json`), a terminal debrief, and a list of
// differences between two reports (`rapport score`).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct Framework;

inline constexpr const char* kReportFormat = "rapport-report/1";

// One piece of evidence on the trainee's path.
struct EvidenceItem {
    int step = 0;           // 1-based transcript step
    std::string line;       // the trainee's line at that step ("" on a timeout)
    std::string indicator;  // indicator id
    int points = 0;         // as scored (override or default)
    std::string source;     // "choice" | "timeout" | "rule"
    std::string rule;       // rule id when source == "rule"
    std::string note;       // the author's note on the evidence, if any
};

struct CompetencyScore {
    std::string id;
    std::string name;
    int weight = 1;
    bool primary = false;   // listed in the scenario's `assesses`
    bool assessed = false;  // had at least one opportunity on the path
    // Enough evidence for a level (the framework's minOpportunities, or a critical error); an
    // assessed competency that is not rated has no score, level or anchor: "not rated — too
    // little evidence".
    bool rated = false;
    std::optional<double> score;  // 0-100, one decimal; absent unless rated
    std::int64_t earned = 0;
    std::int64_t available = 0;
    int opportunities = 0;
    std::string confidence;  // "low" (< 3 opportunities) | "sufficient"; "" when not assessed
    int level = -1;          // index into the framework's levels; -1 unless rated
    std::string levelId;
    std::string levelName;
    bool critical = false;   // a critical indicator of this competency was shown
    std::string anchor;      // what a person at the level reached does
    std::string nextAnchor;  // what the next level up looks like ("" at the top)
    std::string nextLevelName;
    std::vector<EvidenceItem> evidence;
};

struct RuleOutcome {
    std::string rule;
    int step = 0;
    bool violated = false;
    std::string indicator;    // the rule's violation indicator
    std::string description;  // the rule's description (plain words)
};

struct Remark {
    std::string competency;  // competency id; "" for remarks about the whole attempt
    std::string text;
};

struct ScoreReport {
    std::string scenarioId;
    std::string scenarioVersion;
    std::string contentHash;
    // The alternate form played and its name (Scenario::alternate); empty for the original.
    std::string alternate;
    std::string alternateName;
    std::string frameworkId;
    std::string frameworkVersion;
    std::string frameworkHash;

    bool finished = false;
    std::string endingNode;
    std::string outcome;

    double score = 0;         // scenario score, 0-100, one decimal
    std::int64_t earned = 0;  // weighted points on the path
    std::int64_t best = 0;    // highest weighted total over all complete paths
    std::int64_t worst = 0;   // lowest weighted total over all complete paths (the scale's 0)
    int passScore = 70;
    bool passed = false;
    std::vector<std::string> reasons;  // why not passed (empty when passed)
    std::string bestPath;              // a --choices list reaching `best`, e.g. "2,1,t,3"
    std::size_t states = 0;            // size of the state space searched for `best`

    std::vector<CompetencyScore> competencies;  // every competency of the framework, in its order
    std::vector<EvidenceItem> critical;
    std::vector<RuleOutcome> rules;
    std::vector<Remark> strengths;
    std::vector<Remark> developmentAreas;
};

// The JSON form: {"format","scenario":{id,version,contentHash},"framework":{id,version,
// contentHash},"finished","ending","overall":{score,passed,bestPath,earned,best,worst,
// passScore,reasons,states},"competencies":[…],"critical":[…],"rules":[…],"strengths":[…],
// "developmentAreas":[…]}. Keys are documented in docs/scoring.md.
nlohmann::json reportToJson(const ScoreReport& report);

// Lenient inverse of reportToJson, for reports read back from the results store: a missing or
// mistyped field keeps its default, so a report written by an older or newer scorer still shows.
// Fields reportToJson does not write (nextAnchor, nextLevelName) stay empty.
ScoreReport reportFromJson(const nlohmann::json& j);

// A readable debrief for the end of interactive play (plain text, lines of at most ~100 chars).
std::string debriefText(const ScoreReport& report);

// What differs between two report JSON documents (an older stored one and a fresh one), one
// line per change in plain words: scenario score, pass, framework version, each competency's
// score, level and assessment. Empty when nothing a reader cares about changed. Missing or
// mistyped fields in `before` are treated as absent, so reports from older versions compare.
// The lines are in `lang` (English for machine output; the reader's language on screen). With
// `framework`, competency and level names are the framework's words in `lang` (looked up by
// id), not the ones the reports stored; an id the framework lacks keeps the stored name.
std::vector<std::string> compareReports(const nlohmann::json& before, const nlohmann::json& after,
                                        std::string_view lang = "en",
                                        const Framework* framework = nullptr);

}  // namespace rapport
