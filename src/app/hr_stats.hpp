// Figures the HR pages draw, computed from loaded results: a distribution (histogram and box),
// who passed per trainee, per-competency trends, best and last attempts. Definitions follow the
// HTML report's (finished attempts only; a competency counts only where it was assessed).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report_model.hpp"

namespace rapport::app {

struct Distribution {
    int count = 0;
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0, mean = 0;
    std::array<int, 10> bins{};  // 0-9.9, 10-19.9, …, 90-100
};
// Quartiles by linear interpolation between closest ranks; empty input gives count 0.
Distribution distributionOf(std::vector<double> values);

struct PassSummary {
    std::string trainee;
    int finished = 0;
    int passed = 0;
    std::optional<double> best, last;
    const AttemptRecord* lastAttempt = nullptr;  // the latest finished attempt
};
// One row per trainee in name order; attempts must be ordered by trainee, then start time.
std::vector<PassSummary> passSummaries(const std::vector<AttemptRecord>& attempts);

struct TrendPoint {
    std::int64_t startedAtMs = 0;
    double score = 0;
    std::int64_t attemptId = 0;
};
struct CompetencyTrend {
    std::string id;
    std::string name;
    std::vector<TrendPoint> points;  // in start order
};
// Per competency, the scores of finished attempts where it was assessed, oldest first.
std::vector<CompetencyTrend> competencyTrends(const std::vector<AttemptRecord>& attempts);

// The finished attempt with the highest scenario score (earliest of equals); nullptr if none.
const AttemptRecord* bestAttempt(const std::vector<AttemptRecord>& attempts);
// The most recently started finished attempt; nullptr if none.
const AttemptRecord* lastAttempt(const std::vector<AttemptRecord>& attempts);

}  // namespace rapport::app
