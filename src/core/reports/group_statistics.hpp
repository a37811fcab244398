// Figures about a set of stored attempts that both the HR screens (src/app/hr_*) and the HTML
// report (report_html) show: score distributions with quartiles and a histogram, who passed per
// trainee, per-competency trends, best and last attempts. Defined once here so the screen and an
// exported report cannot disagree. Common rules: only finished attempts count; a competency counts
// only where it was assessed; "last" is the latest started (higher row id between equal starts,
// the same order as the HR table's "last" in buildCompetencyTable).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/reports/report_model.hpp"

namespace rapport {

// Attempts as report pages hold them: pointers into a ReportData or a store result, which must
// outlive any pointer the functions below hand back.
using AttemptRefs = std::vector<const AttemptRecord*>;
AttemptRefs refsTo(const std::vector<AttemptRecord>& attempts);

struct Distribution {
    int count = 0;
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0, mean = 0;
    std::array<int, 10> bins{};  // 0-9.99, 10-19.99, …, 90-100 (100 falls in the top bin)
};
// Quartiles by linear interpolation between closest ranks (numpy's default, Excel's
// QUARTILE.INC): the median of an even count is the mean of the two middle values. Values are
// scores 0-100; out-of-range values are binned in the end bins. Empty input gives count 0.
// Why these (the screen's, kept when the HTML report moved here; it had binned in quarters and
// shown no quartiles): a group has a handful of trainees, where nearest-rank quartiles jump from
// one trainee to the next, and ten bins show the shape a four-bin table hid. (random_play's
// nearest rank suits its 10,000 samples, where the two agree.)
Distribution distributionOf(std::vector<double> values);

struct CompetencyDistribution {
    std::string id;
    std::string name;    // the id when the stored name is empty
    Distribution means;  // of the trainees' mean scores (CompetencyCell::mean)
};
// Per competency that has a cell, the distribution of the trainees' means; ordered by name, then
// id. `cells` are HR table cells (buildCompetencyTable or the store's table query).
std::vector<CompetencyDistribution> competencyDistributions(
    const std::vector<CompetencyCell>& cells);

struct PassSummary {
    std::string trainee;
    int finished = 0;                            // finished attempts
    int passed = 0;                              // finished attempts that passed
    std::optional<double> best, last;            // scenario scores; last is the last attempt's
    const AttemptRecord* lastAttempt = nullptr;  // the last finished attempt, nullptr if none
};
// One row per trainee (every trainee with an attempt, finished or not), in name order.
std::vector<PassSummary> passSummaries(const AttemptRefs& attempts);
std::vector<PassSummary> passSummaries(const std::vector<AttemptRecord>& attempts);

struct PassTotals {
    int trainees = 0;
    int finished = 0;
    int passed = 0;
};
// The sums over passSummaries' rows: the heading of a group page.
PassTotals passTotals(const std::vector<PassSummary>& rows);

struct TrendPoint {
    std::int64_t startedAtMs = 0;
    double score = 0;
    std::int64_t attemptId = 0;
};
struct CompetencyTrend {
    std::string id;
    std::string name;
    std::vector<TrendPoint> points;  // oldest first
};
// Per competency (ordered by name), the scores of finished attempts where it was assessed.
std::vector<CompetencyTrend> competencyTrends(const AttemptRefs& attempts);
std::vector<CompetencyTrend> competencyTrends(const std::vector<AttemptRecord>& attempts);

// The finished attempt with the highest scenario score (earliest started of equals); nullptr if
// no finished attempt has a score.
const AttemptRecord* bestAttempt(const AttemptRefs& attempts);
const AttemptRecord* bestAttempt(const std::vector<AttemptRecord>& attempts);
// The last finished attempt, scored or not; nullptr if none.
const AttemptRecord* lastAttempt(const AttemptRefs& attempts);
const AttemptRecord* lastAttempt(const std::vector<AttemptRecord>& attempts);

}  // namespace rapport
