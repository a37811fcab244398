// The quantiles behind every confidence interval, against published table values, and Pearson's
// r with its Fisher interval worked out by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "core/statistics/correlation.hpp"
#include "core/statistics/distributions.hpp"

using namespace rapport;

TEST_CASE("statistics: normal and F quantiles match the printed tables") {
    CHECK(normalQuantile(0.975) == doctest::Approx(1.959964).epsilon(1e-6));
    CHECK(normalQuantile(0.5) == doctest::Approx(0).epsilon(1e-12));
    CHECK(normalQuantile(0.01) == doctest::Approx(-2.326348).epsilon(1e-6));
    // F tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.3): F(.975; 3, 6) = 6.599,
    // F(.975; 6, 3) = 14.735, F(.95; 10, 20) = 2.348.
    CHECK(fQuantile(0.975, 3, 6) == doctest::Approx(6.5988).epsilon(1e-4));
    CHECK(fQuantile(0.975, 6, 3) == doctest::Approx(14.7347).epsilon(1e-4));
    CHECK(fQuantile(0.95, 10, 20) == doctest::Approx(2.3479).epsilon(1e-4));
    // F(p; a, b) = 1 / F(1 − p; b, a)
    CHECK(fQuantile(0.025, 3, 6) == doctest::Approx(1 / fQuantile(0.975, 6, 3)).epsilon(1e-9));
    CHECK(incompleteBeta(0.5, 2, 2) == doctest::Approx(0.5));
}

TEST_CASE("statistics: Pearson r and its Fisher interval by hand") {
    // x = 60 70 80 50 (mean 65, deviations −5 5 15 −15), y = 65 72 78 55 (mean 67.5, deviations
    // −2.5 4.5 10.5 −12.5): Sxy = 12.5 + 22.5 + 157.5 + 187.5 = 380, Sxx = 500, Syy = 293,
    // r = 380 / √(500·293) = 380 / 382.7532 = 0.992807.
    const std::vector<double> x{60, 70, 80, 50}, y{65, 72, 78, 55};
    REQUIRE(pearson(x, y));
    CHECK(*pearson(x, y) == doctest::Approx(0.992807).epsilon(1e-6));
    // Fisher: z = atanh(0.992807) = 2.813, ± 1.959964 / √(4 − 3) → tanh(0.853) = 0.6926,
    // tanh(4.773) = 0.99986.
    const auto ci = fisherInterval(*pearson(x, y), 4);
    REQUIRE(ci);
    CHECK(ci->low == doctest::Approx(std::tanh(std::atanh(0.9928071) - 1.959964)).epsilon(1e-5));
    CHECK(ci->high == doctest::Approx(std::tanh(std::atanh(0.9928071) + 1.959964)).epsilon(1e-5));
    CHECK(ci->low == doctest::Approx(0.6926).epsilon(1e-3));
}

TEST_CASE("statistics: correlations that cannot be computed say so instead of NaN") {
    CHECK_FALSE(pearson({1}, {2}));              // n < 2
    CHECK_FALSE(pearson({1, 2, 3}, {4, 4, 4}));  // y has no variance
    CHECK_FALSE(pearson({1, 2}, {1, 2, 3}));     // unpaired
    CHECK_FALSE(fisherInterval(0.5, 3));         // no standard error at n = 3
    const Estimate e = correlationEstimate({5, 5, 5}, {1, 2, 3});
    CHECK_FALSE(e.value);
    CHECK_FALSE(e.ci);
    CHECK(e.reason == "no variance");
    CHECK_FALSE(e.trustworthy);
}
