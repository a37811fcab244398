// Norms (issue 20 item 3): how scenario scores are spread per group and scenario, with the
// percentiles HR quotes ("a 72 is at the 60th percentile of sales-north").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/play/attempt_mode.hpp"
#include "core/statistics/item_responses.hpp"

namespace rapport {

// The p-th percentile (0 <= p <= 100) of `sorted` (ascending) by linear interpolation between
// closest ranks, the rule of group_statistics' quartiles (numpy's default, Excel's
// PERCENTILE.INC); absent for an empty list.
std::optional<double> percentile(const std::vector<double>& sorted, double p);

// The share (0-100) of `sorted` strictly below `score` plus half of those equal to it: the
// percentile rank of a score; absent for an empty list.
std::optional<double> percentileRank(const std::vector<double>& sorted, double score);

struct ScoreNorm {
    std::string group;
    std::string scenarioId;
    AttemptMode mode = AttemptMode::Practice;
    int n = 0;
    double mean = 0;
    std::optional<double> sd;  // sample standard deviation; absent below 2 scores
    double min = 0, max = 0;
    // The 10th, 25th, 50th, 75th and 90th percentiles.
    double p10 = 0, p25 = 0, p50 = 0, p75 = 0, p90 = 0;
};

// One norm per (group, scenario, mode) with a scored attempt, in that order. Every scored attempt
// counts (a trainee's repeats too: the norm describes attempts, as the HR table does).
std::vector<ScoreNorm> scoreNorms(const std::vector<AttemptResponses>& attempts);

}  // namespace rapport
