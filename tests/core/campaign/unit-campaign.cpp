// Account campaigns: the format and its checks, carrying state from meeting to meeting, and
// scoring each meeting exactly from its carried start.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/campaign/campaign.hpp"
#include "core/campaign/campaign_check.hpp"
#include "core/campaign/campaign_run.hpp"
#include "core/campaign/campaign_shelf.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/scoring/scoring.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

fs::path sourceDir() { return fs::path(RAPPORT_SOURCE_DIR); }

// The bundled scenarios, loaded once: a campaign's checks need only their declarations.
const std::vector<Scenario>& bundled() {
    static const std::vector<Scenario> all = [] {
        std::vector<Scenario> out;
        for (const auto& f : test::filesIn(sourceDir() / "scenarios", ".json")) {
            auto r = loadScenarioFile(f.string());
            REQUIRE(r.scenario);
            out.push_back(std::move(*r.scenario));
        }
        return out;
    }();
    return all;
}

std::vector<const Scenario*> bundledPointers() {
    std::vector<const Scenario*> out;
    for (const auto& s : bundled()) out.push_back(&s);
    return out;
}

const Scenario& bundledScenario(const std::string& id) {
    for (const auto& s : bundled())
        if (s.id == id) return s;
    FAIL("no bundled scenario " << id);
    throw 0;
}

std::string diagnosticsText(const DiagnosticList& d) {
    std::string out;
    for (const auto& item : d.items()) out += formatDiagnostic(item) + "\n";
    return out;
}

// The shortest script (1-based positions) that reaches node `target`, searched breadth first.
std::vector<ScriptEntry> scriptTo(const Scenario& s, const std::string& target) {
    ManualClock clock;
    std::vector<std::pair<Session, std::vector<ScriptEntry>>> frontier;
    frontier.emplace_back(Session(s, clock, 0), std::vector<ScriptEntry>{});
    for (int depth = 0; depth < 8 && !frontier.empty(); ++depth) {
        std::vector<std::pair<Session, std::vector<ScriptEntry>>> next;
        for (auto& [session, script] : frontier) {
            if (session.node().id == target) return script;
            if (session.finished()) continue;
            for (int pos = 1; pos <= int(session.choices().size()); ++pos) {
                Session copy = session;
                if (!playScriptEntry(copy, clock, ScriptEntry{false, pos}).empty()) continue;
                auto longer = script;
                longer.push_back(ScriptEntry{false, pos});
                next.emplace_back(std::move(copy), std::move(longer));
            }
        }
        frontier = std::move(next);
    }
    FAIL("node " << target << " not reached");
    return {};
}

// The reply ids offered at the node where `script` ends.
std::vector<std::string> offeredAfter(const Scenario& s, const std::vector<ScriptEntry>& script) {
    ManualClock clock;
    Session session(s, clock, 0);
    for (const auto& e : script) REQUIRE(playScriptEntry(session, clock, e).empty());
    std::vector<std::string> ids;
    for (int c : session.choices()) ids.push_back(session.node().choices[std::size_t(c)].id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

TEST_CASE("the bundled campaigns load and fit the bundled scenarios") {
    int campaigns = 0;
    for (const auto& f : test::filesIn(sourceDir() / "campaigns", ".json")) {
        CAPTURE(f.string());
        auto load = loadCampaignFile(f.string());
        REQUIRE(load.campaign);
        checkCampaign(*load.campaign, bundledPointers(), load.diagnostics);
        CHECK(diagnosticsText(load.diagnostics) == "");
        CHECK(load.campaign->meetings.size() >= 3);
        for (const auto& m : load.campaign->meetings) CHECK(!m.scenario.empty());
        ++campaigns;
    }
    CHECK(campaigns >= 2);
}

TEST_CASE("invalid campaign files report what the expected files say") {
    const fs::path dir = fs::path(RAPPORT_FIXTURES_DIR) / "campaign-invalid";
    const bool update = std::getenv("RAPPORT_UPDATE_GOLDEN") != nullptr;
    for (const auto& f : test::filesIn(dir, ".json")) {
        CAPTURE(f.string());
        const std::string rel = "campaign-invalid/" + f.filename().string();
        auto load = loadCampaignText(test::readText(f), rel);
        if (load.campaign) checkCampaign(*load.campaign, bundledPointers(), load.diagnostics);
        load.diagnostics.sortByPosition();
        const std::string got = diagnosticsText(load.diagnostics);
        fs::path expected = f;
        expected.replace_extension(".expected");
        if (update) std::ofstream(expected) << got;
        CHECK(got == test::readText(expected));
        CHECK(load.diagnostics.hasErrors());
    }
}

TEST_CASE("a carried start sets the next meeting's variables, clamped to its meters") {
    const Scenario& renewal = bundledScenario("key-account-renewal");
    const Scenario low = startingFrom(renewal, {{"trust", 10}});
    const Scenario over = startingFrom(renewal, {{"trust", 500}});
    CHECK(low.variables[std::size_t(*low.findVariable("trust"))].initial == 10);
    CHECK(over.variables[std::size_t(*over.findVariable("trust"))].initial == 100);
    CHECK(renewal.variables[std::size_t(*renewal.findVariable("trust"))].initial == 40);
    CHECK_THROWS_AS(startingFrom(renewal, {{"trsut", 10}}), std::invalid_argument);

    const auto j = carriedStartToJson(renewal, {{"trust", 10}, {"conceded", 1}});
    CHECK(j.dump() == R"({"conceded":true,"trust":10})");
    const auto back = carriedStartFromJson(renewal, j);
    CHECK(back.size() == 2);
    CHECK_THROWS_AS(carriedStartFromJson(renewal, nlohmann::json::parse(R"({"x":1})")),
                    std::invalid_argument);
}

TEST_CASE("a low trust carried from the review changes what the renewal offers") {
    auto load = loadCampaignFile((sourceDir() / "campaigns" / "key-account-quarter.json").string());
    REQUIRE(load.campaign);
    const Campaign& c = *load.campaign;
    const Scenario& review = bundledScenario("key-account-multi-party-review");
    const Scenario& renewal = bundledScenario("key-account-renewal");

    // Oleg left the review cold (10) or won over (90): the renewal opens from there.
    std::vector<std::int64_t> cold(review.variables.size(), 0), warm(review.variables.size(), 0);
    cold[std::size_t(*review.findVariable("oleg"))] = 10;
    warm[std::size_t(*review.findVariable("oleg"))] = 90;
    const CarriedStart coldStart = carriedStart(c.meetings[1], review, cold);
    REQUIRE(coldStart.size() == 1);
    CHECK(coldStart[0] == std::pair<std::string, std::int64_t>{"trust", 10});
    const Scenario afterCold = startingFrom(renewal, coldStart);
    const Scenario afterWarm = startingFrom(renewal, carriedStart(c.meetings[1], review, warm));
    // Asked who expects a number, Lapin answers only a manager he trusts: the open question
    // leads on to the CFO's saving, the same words from a distrusted manager to a deflection.
    const auto script = scriptTo(afterCold, "why");
    const auto coldOffer = offeredAfter(afterCold, script);
    const auto warmOffer = offeredAfter(afterWarm, script);
    CHECK(std::find(coldOffer.begin(), coldOffer.end(), "w-closed") != coldOffer.end());
    CHECK(std::find(coldOffer.begin(), coldOffer.end(), "w-open") == coldOffer.end());
    CHECK(std::find(warmOffer.begin(), warmOffer.end(), "w-open") != warmOffer.end());
}

TEST_CASE("each meeting is scored exactly from its carried start") {
    const Scenario& renewal = bundledScenario("key-account-renewal");
    auto check =
        checkScenarioFile((sourceDir() / "scenarios" / "key-account-renewal.json").string());
    REQUIRE(check.framework);
    for (std::int64_t trust : {0, 10, 95}) {
        CAPTURE(trust);
        const Scenario s = startingFrom(renewal, {{"trust", trust}});
        auto outcome = computeOptimum(s, *check.framework);
        REQUIRE(outcome.optimum);
        REQUIRE(outcome.optimum->exact);
        std::string error;
        auto script = parseChoiceScript(outcome.optimum->bestPath, error);
        REQUIRE(script);
        ManualClock clock;
        Session session(s, clock, 0);
        REQUIRE(playScript(session, clock, *script).empty());
        // The best path from this start scores 100 against this start's own best and worst.
        const ScoreReport r = scoreTranscript(s, *check.framework, session.transcript());
        CHECK(r.score == doctest::Approx(100.0));
    }
}

TEST_CASE("a campaign's score is the mean of its meetings and shows the account state") {
    auto load = loadCampaignFile((sourceDir() / "campaigns" / "key-account-quarter.json").string());
    REQUIRE(load.campaign);
    const Campaign& c = *load.campaign;
    const Scenario& renewal = bundledScenario("key-account-renewal");
    ScoreReport a, b;
    a.score = 80;
    a.passed = true;
    b.score = 55;
    b.passed = false;
    std::vector<std::int64_t> final(renewal.variables.size(), 0);
    final[std::size_t(*renewal.findVariable("trust"))] = 35;

    const CampaignScore partial = scoreCampaign(c, {a, b}, &renewal, final);
    CHECK(partial.played == 2);
    CHECK(!partial.complete);
    CHECK(!partial.passed);
    REQUIRE(partial.score);
    CHECK(*partial.score == doctest::Approx(67.5));
    REQUIRE(partial.nextMeeting);
    CHECK(*partial.nextMeeting == 2);
    REQUIRE(partial.accountState.size() == 1);
    CHECK(partial.accountState[0].second == 35);
    CHECK(!partial.results[2].score);

    const auto j = campaignScoreToJson(c, partial);
    CHECK(j["nextMeeting"] == 3);
    CHECK(j["meetings"][1]["deskTask"].is_string());

    const CampaignScore none = scoreCampaign(c, {}, nullptr, {});
    CHECK(!none.score);
    CHECK(none.nextMeeting == 0);
}

TEST_CASE("campaign shelf: the bundled campaigns load, and the library filter narrows them") {
    const std::string scenarios = std::string(RAPPORT_SOURCE_DIR) + "/scenarios";
    const ScenarioLibrary lib = loadScenarioLibrary({scenarios});
    const CampaignShelf shelf = loadCampaignShelf(campaignFoldersBeside({scenarios}), lib);
    REQUIRE(shelf.campaigns.size() == 2);
    CHECK(shelf.problems.empty());
    auto shown = [&](const LibraryFilter& f) {
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < shelf.campaigns.size(); ++i)
            if (campaignMatchesFilter(shelf, i, lib, f)) ids.push_back(shelf.campaigns[i].id);
        return ids;
    };
    CHECK(shown({}).size() == 2);
    // A search for one meeting's client keeps its campaign only.
    LibraryFilter search;
    search.search = "Three people";  // key-account-multi-party-review's summary
    CHECK(shown(search) == std::vector<std::string>{"key-account-quarter"});
    search.search = "no scenario says this";
    CHECK(shown(search).empty());
}
