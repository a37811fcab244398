// Pearson's correlation and its Fisher-z confidence interval: the one definition behind the
// point-biserial discrimination (a 0/1 variable against a score), split-half and test-retest.
#pragma once

#include <optional>
#include <vector>

#include "core/statistics/estimate.hpp"

namespace rapport {

// Pearson's r of paired values; absent when there are fewer than 2 pairs, the sizes differ, or
// either variable has no variance (r is undefined there, and never reported as NaN).
std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y);

// The 95 % interval of a correlation r from n pairs by Fisher's z: atanh(r) ± z₀.₉₇₅ / √(n − 3),
// back through tanh. Absent when n <= 3 (no standard error) or |r| = 1.
std::optional<Interval> fisherInterval(double r, int n);

// Pearson's r as an Estimate: the value, its Fisher interval, n and the trustworthiness flag.
Estimate correlationEstimate(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace rapport
