// Reliability, test-retest and norms on small fixtures worked out by hand in the comments.
#include <doctest/doctest.h>

#include <cmath>

#include "core/statistics/reliability.hpp"
#include "core/statistics/score_norms.hpp"
#include "core/statistics/test_retest.hpp"
#include "support/statistics_fixture.hpp"

using namespace rapport;

TEST_CASE("reliability: the competency matrix keeps decisions every attempt reached") {
    const auto m = competencyItemMatrix(test::loadResponses("reliability-matrix.json"), "listen");
    CHECK(m.items == std::vector<std::string>{"d1", "d2", "d3"});
    CHECK(m.droppedItems == 1);  // d4: Ben and Dan never reached it
    REQUIRE(m.rows.size() == 4);
    CHECK(m.rows[0] == std::vector<double>{1, 1, 0});
    CHECK(m.rows[1] == std::vector<double>{1, 0, 1});
    CHECK(m.rows[2] == std::vector<double>{0, 0, 0});
    CHECK(m.rows[3] == std::vector<double>{1, 1, 1});
}

TEST_CASE("reliability: coefficient alpha and Feldt's interval by hand") {
    const auto m = competencyItemMatrix(test::loadResponses("reliability-matrix.json"), "listen");
    // Item variances (n − 1 = 3): d1 1 1 0 1 → .75/3 = .25; d2 1 0 0 1 → 1/3; d3 0 1 0 1 → 1/3;
    // sum 11/12. Totals 2 2 0 3 (mean 1.75): (.0625 + .0625 + 3.0625 + 1.5625)/3 = 19/12.
    // α = 3/2 · (1 − 11/19) = 12/19 = 0.631579.
    const Estimate a = coefficientAlpha(m);
    REQUIRE(a.value);
    CHECK(*a.value == doctest::Approx(12.0 / 19));
    CHECK(a.n == 4);
    CHECK_FALSE(a.trustworthy);
    // Feldt: df 3 and 6; F(.975; 3, 6) = 6.5988, F(.025; 3, 6) = 1/14.7347 = .067867.
    // low = 1 − (7/19)·6.5988 = −1.4311; high = 1 − (7/19)·.067867 = .97500.
    REQUIRE(a.ci);
    CHECK(a.ci->low == doctest::Approx(-1.4311).epsilon(1e-3));
    CHECK(a.ci->high == doctest::Approx(0.97500).epsilon(1e-4));
}

TEST_CASE("reliability: odd-even split-half with Spearman-Brown by hand") {
    const auto m = competencyItemMatrix(test::loadResponses("reliability-matrix.json"), "listen");
    // Odd half (d1 + d3): 1 2 0 2 (mean 1.25); even half (d2): 1 0 0 1 (mean .5).
    // Sxy = (−.25)(.5) + (.75)(−.5) + (−1.25)(−.5) + (.75)(.5) = .5; Sxx = 2.75; Syy = 1;
    // r = .5/√2.75 = .301511; Spearman-Brown 2r/(1 + r) = .603023/1.301511 = .463325.
    const Estimate s = splitHalf(m);
    REQUIRE(s.value);
    CHECK(*s.value == doctest::Approx(0.463325).epsilon(1e-6));
    // The interval is Fisher's for r (n = 4: ± 1.959964) stepped up the same way.
    const double z = std::atanh(0.301511);
    auto up = [](double r) { return 2 * r / (1 + r); };
    REQUIRE(s.ci);
    CHECK(s.ci->low == doctest::Approx(up(std::tanh(z - 1.959964))).epsilon(1e-4));
    CHECK(s.ci->high == doctest::Approx(up(std::tanh(z + 1.959964))).epsilon(1e-4));
}

TEST_CASE("reliability: too few items, attempts or no variance is not computable") {
    const auto attempts = test::loadResponses("reliability-matrix.json");
    // 'close' has evidence at d1 only: one item.
    const auto close = competencyItemMatrix(attempts, "close");
    CHECK(close.items.size() == 1);
    CHECK_FALSE(coefficientAlpha(close).value);
    CHECK(coefficientAlpha(close).reason == "too few items");
    CHECK_FALSE(splitHalf(close).value);
    ItemMatrix flat{{"a", "b"}, {{1, 1}, {1, 1}, {1, 1}}, 0};
    CHECK(coefficientAlpha(flat).reason == "no variance");
    CHECK_FALSE(splitHalf(flat).value);
    ItemMatrix single{{"a", "b"}, {{1, 0}}, 0};
    CHECK(coefficientAlpha(single).reason == "too few attempts");
    CHECK_FALSE(coefficientAlpha(ItemMatrix{}).value);

    const auto all = reliabilityByCompetency(attempts);
    REQUIRE(all.size() == 2);  // close, listen
    CHECK(all[0].competencyId == "close");
    CHECK_FALSE(all[0].alpha.value);
    CHECK(all[1].competencyId == "listen");
    CHECK(*all[1].alpha.value == doctest::Approx(12.0 / 19));
}

TEST_CASE("test-retest: first against second exam sitting per trainee, by hand") {
    const auto t = testRetest(test::loadResponses("retest.json"));
    REQUIRE(t.size() == 1);
    // Pairs (first, second by start time): Ann 60/65, Ben 70/72 (the practice 10 ignored),
    // Cat 80/78 (stored second-first), Fay 50/55 (her third, 99, ignored); Gus sat once.
    // x = 60 70 80 50, y = 65 72 78 55: r = 380/√(500·293) = 0.992807 (unit-distributions).
    CHECK(t[0].r.n == 4);
    REQUIRE(t[0].r.value);
    CHECK(*t[0].r.value == doctest::Approx(0.992807).epsilon(1e-6));
    CHECK(t[0].r.ci);
    CHECK_FALSE(t[0].r.trustworthy);

    auto once = test::loadResponses("retest.json");
    once.resize(2);  // Ann's two sittings only: one pair
    const auto one = testRetest(once);
    REQUIRE(one.size() == 1);
    CHECK_FALSE(one[0].r.value);
    CHECK(one[0].r.reason == "too few trainees with two exam attempts");
}

TEST_CASE("norms: percentiles and spread per group, scenario and mode by hand") {
    CHECK(*percentile({50, 60, 70, 80}, 25) == doctest::Approx(57.5));  // pos .75: 50 + 7.5
    CHECK(*percentile({50, 60, 70, 80}, 50) == doctest::Approx(65));
    CHECK(*percentile({50, 60, 70, 80}, 10) == doctest::Approx(53));  // pos .3
    CHECK(*percentile({50, 60, 70, 80}, 90) == doctest::Approx(77));  // pos 2.7
    CHECK(*percentile({42}, 90) == doctest::Approx(42));
    CHECK_FALSE(percentile({}, 50));
    CHECK(*percentileRank({50, 60, 70, 80}, 60) == doctest::Approx(37.5));  // (1 + ½)/4
    CHECK_FALSE(percentileRank({}, 60));

    const auto norms = scoreNorms(test::loadResponses("retest.json"));
    // (north, s, practice): Ben's 10; (north, s, exam): 60 65 70 72; (south, s, exam): 78 80
    // 50 55 99 20.
    REQUIRE(norms.size() == 3);
    CHECK(norms[0].group == "north");
    CHECK(norms[0].mode == AttemptMode::Practice);
    CHECK(norms[0].n == 1);
    CHECK_FALSE(norms[0].sd);
    const auto& north = norms[1];
    CHECK(north.mode == AttemptMode::Exam);
    CHECK(north.n == 4);
    // 60 65 70 72: mean 66.75; squares 45.5625 3.0625 10.5625 27.5625 = 86.75 → sd √(86.75/3).
    CHECK(north.mean == doctest::Approx(66.75));
    CHECK(*north.sd == doctest::Approx(std::sqrt(86.75 / 3)));
    CHECK(north.p50 == doctest::Approx(67.5));
    CHECK(north.p25 == doctest::Approx(63.75));  // pos .75: 60 + .75·5
    CHECK(north.min == 60);
    CHECK(north.max == 72);
}
