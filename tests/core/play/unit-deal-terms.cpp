// The deal as the client card and `rapport play` show it (issue #18): every declared deal
// variable with its value and limits, flagged once a reply takes it past a limit.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/play/clock.hpp"
#include "core/play/deal_terms.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/translation/interface_language.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

namespace {

Scenario load(const std::string& path) {
    LoadResult r = loadScenarioFile(path);
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
}

std::vector<std::int64_t> initialValues(const Scenario& s) {
    std::vector<std::int64_t> v;
    for (const auto& var : s.variables) v.push_back(var.initial);
    return v;
}

struct InLanguage {
    explicit InLanguage(const char* lang) { setInterfaceLanguage(lang); }
    ~InLanguage() { setInterfaceLanguage("en"); }
};

}  // namespace

TEST_CASE("deal terms: every deal variable with its limits, named by its label or its id") {
    const Scenario s = load(std::string(RAPPORT_FIXTURES_DIR) + "/scoring/deal.json");
    auto values = initialValues(s);
    const auto terms = dealTerms(s, values);
    REQUIRE(terms.size() == 3);
    CHECK(terms[0].label == "discount");
    CHECK(terms[0].role == DealRole::Concession);
    CHECK(dealTermText(terms[0]) ==
          "discount: 0\u00a0% (your authority 5\u00a0%, budget 8\u00a0%)");
    CHECK(dealTermScale(terms[0]) == 8);
    CHECK_FALSE(terms[0].pastLimit());
    CHECK(dealTermText(terms[1]) == "price: 1,180\u00a0RUB (floor 1,050\u00a0RUB)");
    CHECK(dealTermText(terms[2]) == "volume: 80\u00a0million RUB");
    CHECK_FALSE(dealTermScale(terms[2]));

    SUBCASE("past the authority, then past the budget") {
        values[std::size_t(terms[0].variable)] = 6;
        auto t = dealTerms(s, values)[0];
        CHECK(t.pastAuthority);
        CHECK_FALSE(t.pastBudget);
        CHECK(t.pastLimit());
        CHECK(dealTermText(t) == "discount: 6\u00a0%, above your authority of 5\u00a0%");
        values[std::size_t(terms[0].variable)] = 9;
        t = dealTerms(s, values)[0];
        CHECK(t.pastBudget);
        CHECK(dealTermText(t) == "discount: 9\u00a0%, above the budget of 8\u00a0%");
    }
    SUBCASE("a counterpart that moved says what it was; a price under its floor says so") {
        values[std::size_t(terms[2].variable)] = 95;
        values[std::size_t(terms[1].variable)] = 990;
        const auto t = dealTerms(s, values);
        CHECK(dealTermText(t[2]) == "volume: 95\u00a0million RUB (was 80\u00a0million RUB)");
        CHECK(t[1].belowFloor);
        CHECK(dealTermText(t[1]) == "price: 990\u00a0RUB, below the floor of 1,050\u00a0RUB");
    }
}

TEST_CASE("deal terms of a session follow its replies; labels come from the scenario") {
    const Scenario s =
        load(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/key-account-renewal.json");
    const ManualClock clock;
    Session session(s, clock);
    const auto terms = dealTerms(session);
    REQUIRE(terms.size() == 3);
    CHECK(terms[0].label == "Concessions in total");
    CHECK(terms[1].label == "Payment brought forward");  // counterparts by name
    CHECK(terms[2].label == "Committed volume");
    CHECK(terms[0].value == 0);
    CHECK(terms[0].authority == 500);
}

TEST_CASE("deal terms read in the interface language, digits grouped as it groups them") {
    const Scenario s = load(std::string(RAPPORT_FIXTURES_DIR) + "/scoring/deal.json");
    const auto terms = dealTerms(s, initialValues(s));
    {
        const InLanguage ru("ru");
        const std::string text = dealTermText(terms[1]);
        CHECK(text.find("1\u00a0180") != std::string::npos);
        CHECK(text.find("floor") == std::string::npos);
    }
    {
        const InLanguage ja("ja");
        CHECK(dealTermText(terms[0]).find("authority") == std::string::npos);
    }
}
