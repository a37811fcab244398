// Item analysis on small fixtures whose every figure is worked out by hand in the comments.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/statistics/item_analysis.hpp"
// scoring_fixtures.hpp uses checkScenarioScoring without declaring it.
#include "core/checks/evidence_check.hpp"
#include "support/scoring_fixtures.hpp"
#include "support/statistics_fixture.hpp"

using namespace rapport;

namespace {

const ReplyStatistics& reply(const ItemStatistics& it, const std::string& id) {
    const auto r = std::find_if(it.replies.begin(), it.replies.end(),
                                [&](const auto& x) { return x.choice == id; });
    REQUIRE(r != it.replies.end());
    return *r;
}

bool has(const std::vector<std::string>& flags, const char* f) {
    return std::find(flags.begin(), flags.end(), f) != flags.end();
}

}  // namespace

TEST_CASE("items: choice rates, difficulty, discrimination and points lost by hand") {
    const auto items = analyseItems(test::loadResponses("items-discriminating.json"));
    REQUIRE(items.size() == 3);
    // Totals (n1 + n2 + n3): Ann 2+3+1 = 6, Ben 6, Cat 1+3+1 = 5, Dan 2+0+1 = 3, Eve 1+0+1 = 2.
    const auto& n1 = items[0];
    CHECK(n1.node == "n1");
    CHECK(n1.responses == 5);
    CHECK_FALSE(n1.trustworthy);
    // Shares of the best (2): a = 1, b = 0.5 → (1 + 1 + .5 + 1 + .5) / 5 = 0.8.
    REQUIRE(n1.difficulty);
    CHECK(*n1.difficulty == doctest::Approx(0.8));
    // Lost: 0 0 1 0 1 → 0.4.
    CHECK(n1.meanPointsLost == doctest::Approx(0.4));
    // Rest-scores (total − n1): 4 4 4 1 1 (mean 2.8, deviations 1.2 1.2 1.2 −1.8 −1.8).
    // Chose a: 1 1 0 1 0 (mean .6, deviations .4 .4 −.6 .4 −.6).
    // Sxy = .48 + .48 − .72 − .72 + 1.08 = .6; Sxx = 1.2; Syy = 10.8; r = .6 / √12.96 = 1/6.
    const auto& a = reply(n1, "a");
    CHECK(a.best);
    CHECK(a.chosen == 3);
    CHECK(a.rate == doctest::Approx(0.6));
    REQUIRE(a.discrimination);
    CHECK(*a.discrimination == doctest::Approx(1.0 / 6));
    // b is a's complement: r = −1/6; it loses 2 − 1 = 1 point each time.
    const auto& b = reply(n1, "b");
    CHECK_FALSE(b.best);
    CHECK(*b.discrimination == doctest::Approx(-1.0 / 6));
    CHECK(b.pointsLost == doctest::Approx(1));
    // The share is .5 + .5·(chose a), so the item-rest r is a's: 1/6.
    CHECK(*n1.discrimination == doctest::Approx(1.0 / 6));
    // c: shown 5 times, never chosen; no variance, no r.
    const auto& c = reply(n1, "c");
    CHECK(c.shown == 5);
    CHECK(c.chosen == 0);
    CHECK_FALSE(c.discrimination);
    CHECK(c.pointsLost == doctest::Approx(2));
    CHECK(has(c.flags, kFlagUnusedReply));
    CHECK(n1.flags == std::vector<std::string>{kFlagUnusedReply});

    // n2: rest (total − n2) 3 3 2 3 2 (deviations .4 .4 −.6 .4 −.6); chose x 1 1 1 0 0
    // (deviations .4 .4 .4 −.6 −.6): Sxy = .16 + .16 − .24 − .24 + .36 = .2, Sxx = Syy = 1.2,
    // r = 1/6. Difficulty 3/5 = .6; lost 0 0 0 3 3 → 1.2.
    const auto& n2 = items[1];
    CHECK(*n2.difficulty == doctest::Approx(0.6));
    CHECK(n2.meanPointsLost == doctest::Approx(1.2));
    CHECK(*reply(n2, "x").discrimination == doctest::Approx(1.0 / 6));
    CHECK(n2.flags.empty());

    // n3: everybody took p. Difficulty 1, no variance in the share: no discrimination.
    const auto& n3 = items[2];
    CHECK(*n3.difficulty == doctest::Approx(1));
    CHECK_FALSE(n3.discrimination);
    CHECK(has(n3.flags, kFlagEveryoneRight));
    CHECK(has(n3.flags, kFlagUnusedReply));  // q
}

TEST_CASE("items: a keyed best reply chosen by the weaker trainees is flagged check-key") {
    const auto items = analyseItems(test::loadResponses("items-miskeyed.json"));
    REQUIRE(items.size() == 2);
    // n1 rest (= n2 points): 3 0 3 0 3 (deviations 1.2 −1.8 1.2 −1.8 1.2); chose a 1 1 0 1 0
    // (deviations .4 .4 −.6 .4 −.6): Sxy = .48 − .72 − .72 − .72 − .72 = −2.4, Sxx = 1.2,
    // Syy = 10.8, r = −2.4 / 3.6 = −2/3.
    CHECK(*reply(items[0], "a").discrimination == doctest::Approx(-2.0 / 3));
    CHECK(has(reply(items[0], "a").flags, kFlagCheckKey));
    CHECK_FALSE(has(reply(items[0], "b").flags, kFlagCheckKey));  // not the key
    CHECK(has(items[0].flags, kFlagCheckKey));
    // n2 rest (= n1 points): 2 2 1 2 1 (deviations .4 .4 −.6 .4 −.6); chose x 1 0 1 0 1
    // (deviations .4 −.6 .4 −.6 .4): Sxy = .16 − .24 − .24 − .24 − .24 = −.8, Sxx = Syy = 1.2,
    // r = −2/3; the share is the same 0/1, so the item-rest r too.
    CHECK(*items[1].discrimination == doctest::Approx(-2.0 / 3));
    CHECK(has(items[1].flags, kFlagCheckKey));
}

TEST_CASE("items: one attempt or none gives figures without NaN and no everyone-right") {
    auto one = test::loadResponses("items-discriminating.json");
    one.resize(1);
    const auto items = analyseItems(one);
    REQUIRE(items.size() == 3);
    for (const auto& it : items) {
        CHECK(it.responses == 1);
        CHECK_FALSE(it.discrimination);
        CHECK_FALSE(has(it.flags, kFlagEveryoneRight));
        for (const auto& r : it.replies) CHECK_FALSE(r.discrimination);
    }
    CHECK(analyseItems({}).empty());
}

TEST_CASE("items: a played transcript becomes decisions with the scenario's points") {
    const auto l = test::load(test::kScoring + "rules.json");
    const Transcript t = test::play(l.scenario, "1,2,2");
    const auto decisions = decisionResponses(l.scenario, l.framework, t);
    REQUIRE(decisions.size() == t.steps.size());
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const auto& d = decisions[i];
        CHECK(d.node == t.steps[i].node);
        CHECK(d.choice == t.steps[i].choice);
        CHECK(d.replyPoints.size() == t.steps[i].choicesShown.size());
        CHECK(d.points == d.replyPoints.at(d.choice));
        double best = d.replyPoints.begin()->second;
        for (const auto& [id, p] : d.replyPoints) best = std::max(best, p);
        CHECK(d.bestPoints == best);
    }
}
