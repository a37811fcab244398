#include "core/statistics/correlation.hpp"

#include <cmath>

#include "core/statistics/distributions.hpp"

namespace rapport {

std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = x.size();
    if (n < 2 || y.size() != n) return std::nullopt;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= double(n);
    my /= double(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    // Relative thresholds: a column of equal values leaves rounding dust, not variance.
    if (sxx <= 1e-12 * (1 + mx * mx) * double(n) || syy <= 1e-12 * (1 + my * my) * double(n))
        return std::nullopt;
    double r = sxy / std::sqrt(sxx * syy);
    if (r > 1) r = 1;
    if (r < -1) r = -1;
    return r;
}

std::optional<Interval> fisherInterval(double r, int n) {
    if (n <= 3 || std::fabs(r) >= 1) return std::nullopt;
    const double z = std::atanh(r);
    const double half = normalQuantile(1 - (1 - kConfidenceLevel) / 2) / std::sqrt(double(n - 3));
    return Interval{std::tanh(z - half), std::tanh(z + half)};
}

Estimate correlationEstimate(const std::vector<double>& x, const std::vector<double>& y) {
    Estimate e;
    e.n = int(x.size());
    if (x.size() < 2 || y.size() != x.size()) {
        e.reason = "too few pairs";
        return e;
    }
    e.value = pearson(x, y);
    if (!e.value) {
        e.reason = "no variance";
        return e;
    }
    e.ci = fisherInterval(*e.value, e.n);
    e.trustworthy = e.n >= kMinTrustworthySample;
    return e;
}

}  // namespace rapport
