// A campaign run's state read off its recorded attempts: which meeting is next, meeting order,
// the interrupted meeting, the account carried, and the carried start as a record keeps it.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "core/campaign/campaign.hpp"
#include "core/campaign/campaign_progress.hpp"
#include "core/campaign/campaign_run.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

fs::path sourceDir() { return fs::path(RAPPORT_SOURCE_DIR); }

const Scenario& scenario(const std::string& id) {
    static std::map<std::string, Scenario> cache;
    auto it = cache.find(id);
    if (it == cache.end()) {
        auto r = loadScenarioFile((sourceDir() / "scenarios" / (id + ".json")).string());
        REQUIRE(r.scenario);
        it = cache.emplace(id, std::move(*r.scenario)).first;
    }
    return it->second;
}

const Campaign& quarter() {
    static const Campaign c = [] {
        auto load = loadCampaignFile((sourceDir() / "campaigns/key-account-quarter.json").string());
        REQUIRE(load.campaign);
        return *load.campaign;
    }();
    return c;
}

ScenarioById library() {
    return [](const std::string& id) -> const Scenario* {
        if (id == "no-such-scenario") return nullptr;
        return &scenario(id);
    };
}

int nextId = 1;

AttemptRecord meeting(const std::string& run, int index, AttemptStatus status, double score,
                      bool passed, nlohmann::json finalState, std::int64_t startedAt) {
    AttemptRecord a;
    a.id = nextId++;
    a.scenarioId = quarter().meetings[std::size_t(index)].scenario;
    a.status = status;
    a.startedAtMs = startedAt;
    if (status == AttemptStatus::Finished) {
        a.score = score;
        a.passed = passed;
        a.finalState = std::move(finalState);
    }
    a.campaign =
        AttemptCampaign{quarter().id, quarter().version, run, index, nlohmann::json::object()};
    return a;
}

}  // namespace

TEST_CASE("a trainee without attempts starts the campaign at its first meeting") {
    const auto st = currentCampaignRun(quarter(), {}, library());
    CHECK(st.run.empty());
    CHECK(campaignStep(st) == CampaignStep::Start);
    CHECK(st.score.played == 0);
    REQUIRE(st.score.nextMeeting);
    CHECK(*st.score.nextMeeting == 0);
    CHECK(mayPlayMeeting(st, 0));
    CHECK_FALSE(mayPlayMeeting(st, 1));
    const auto link =
        meetingLink(quarter(), st, 0, scenario(quarter().meetings[0].scenario), "r-new");
    CHECK(link.run == "r-new");
    CHECK(link.meeting == 0);
    CHECK(link.carriedStart == nlohmann::json::object());
    CHECK_THROWS_AS(meetingLink(quarter(), st, 1, scenario(quarter().meetings[1].scenario), "x"),
                    std::logic_error);
}

TEST_CASE("after the first meeting the second is next, from the trust the first left") {
    const std::vector<AttemptRecord> attempts = {
        meeting("r1", 0, AttemptStatus::Finished, 80, true, {{"oleg", 62}, {"slip", true}}, 1000)};
    const auto st = currentCampaignRun(quarter(), attempts, library());
    CHECK(st.run == "r1");
    CHECK(campaignStep(st) == CampaignStep::Continue);
    CHECK(st.score.played == 1);
    CHECK(st.score.score == doctest::Approx(80));
    CHECK(*st.score.nextMeeting == 1);
    CHECK(st.nextStart == CarriedStart{{"trust", 62}});
    REQUIRE(st.account.size() == 1);
    CHECK(st.account[0].label == "Trust");  // the renewal's meter, where it is read next
    CHECK(st.account[0].value == 62);
    CHECK(st.account[0].max == 100);
    // Only in order: not the first again, not the third.
    CHECK_FALSE(mayPlayMeeting(st, 0));
    CHECK(mayPlayMeeting(st, 1));
    CHECK_FALSE(mayPlayMeeting(st, 2));
    const Scenario& renewal = scenario("key-account-renewal");
    const auto link = meetingLink(quarter(), st, 1, renewal, "unused");
    CHECK(link.run == "r1");
    CHECK(link.carriedStart == nlohmann::json{{"trust", 62}});
}

TEST_CASE("an interrupted meeting is resumed; an abandoned one counts for nothing") {
    std::vector<AttemptRecord> attempts = {
        meeting("r1", 0, AttemptStatus::Finished, 70, true, {{"oleg", 40}}, 1000),
        meeting("r1", 1, AttemptStatus::Abandoned, 0, false, nullptr, 2000)};
    auto st = currentCampaignRun(quarter(), attempts, library());
    CHECK(campaignStep(st) == CampaignStep::Continue);
    CHECK_FALSE(st.interrupted);
    attempts.push_back(meeting("r1", 1, AttemptStatus::InProgress, 0, false, nullptr, 3000));
    st = currentCampaignRun(quarter(), attempts, library());
    CHECK(campaignStep(st) == CampaignStep::Resume);
    REQUIRE(st.interrupted);
    CHECK(st.interrupted->id == attempts.back().id);
    CHECK(st.score.played == 1);
}

TEST_CASE("a meeting finished out of order does not count") {
    const std::vector<AttemptRecord> attempts = {
        meeting("r1", 0, AttemptStatus::Finished, 70, true, {{"oleg", 40}}, 1000),
        meeting("r1", 2, AttemptStatus::Finished, 90, true, {{"trust", 90}}, 2000)};
    const auto st = currentCampaignRun(quarter(), attempts, library());
    CHECK(st.score.played == 1);
    CHECK(*st.score.nextMeeting == 1);
    CHECK(st.score.score == doctest::Approx(70));
}

TEST_CASE("a complete run scores as a whole, and the next start is a new run") {
    const std::vector<AttemptRecord> attempts = {
        meeting("r1", 0, AttemptStatus::Finished, 80, true, {{"oleg", 55}}, 1000),
        meeting("r1", 1, AttemptStatus::Finished, 60, false, {{"trust", 48}}, 2000),
        meeting("r1", 2, AttemptStatus::Finished, 70, true, {{"trust", 51}}, 3000),
        // Another campaign's attempt and a lone attempt are not this run's.
        [] {
            AttemptRecord a;
            a.id = 999;
            a.startedAtMs = 4000;
            a.status = AttemptStatus::Finished;
            a.score = 10;
            return a;
        }()};
    const auto runs = campaignRuns(quarter(), attempts, library());
    REQUIRE(runs.size() == 1);
    const auto& st = runs[0];
    CHECK(st.score.complete);
    CHECK(st.score.score == doctest::Approx(70));
    CHECK_FALSE(st.score.passed);  // the renewal was not passed
    CHECK(campaignStep(st) == CampaignStep::Again);
    CHECK(st.nextStart.empty());
    REQUIRE(st.account.size() == 1);
    CHECK(st.account[0].value == 51);
    CHECK(mayPlayMeeting(st, 0));
    CHECK_FALSE(mayPlayMeeting(st, 1));
    CHECK(meetingLink(quarter(), st, 0, scenario(quarter().meetings[0].scenario), "r2").run ==
          "r2");
}

TEST_CASE("the current run is the one with the newest activity") {
    const std::vector<AttemptRecord> attempts = {
        meeting("r1", 0, AttemptStatus::Finished, 80, true, {{"oleg", 55}}, 1000),
        meeting("r2", 0, AttemptStatus::Finished, 40, false, {{"oleg", 10}}, 2000),
        meeting("r1", 1, AttemptStatus::InProgress, 0, false, nullptr, 3000)};
    CHECK(campaignRuns(quarter(), attempts, library()).size() == 2);
    const auto st = currentCampaignRun(quarter(), attempts, library());
    CHECK(st.run == "r1");
    CHECK(campaignStep(st) == CampaignStep::Resume);
}

TEST_CASE("a missing meeting scenario is reported, not played") {
    Campaign c = quarter();
    c.meetings[1].scenario = "no-such-scenario";
    const std::vector<AttemptRecord> attempts = {
        meeting("r1", 0, AttemptStatus::Finished, 80, true, {{"oleg", 55}}, 1000)};
    const auto st = currentCampaignRun(c, attempts, library());
    CHECK(st.problem.find("no-such-scenario") != std::string::npos);
    CHECK_FALSE(mayPlayMeeting(st, 1));
}

TEST_CASE("a carried start survives the record, and only its copy starts from it") {
    const Scenario& renewal = scenario("key-account-renewal");
    const CarriedStart start{{"trust", 17}};
    const auto j = carriedStartToJson(renewal, start);
    CHECK(j == nlohmann::json{{"trust", 17}});
    CHECK(carriedStartFromJson(renewal, j) == start);
    AttemptRecord a;
    a.scenarioId = renewal.id;
    a.campaign = AttemptCampaign{"key-account-quarter", "1.0.0", "r1", 1, j};
    const Scenario copy = meetingScenario(renewal, a);
    CHECK(startsFrom(copy, start));
    CHECK_FALSE(startsFrom(renewal, start));
    CHECK(copy.contentHash == renewal.contentHash);  // the file's hash: resume compares it
    // Final state round trip, booleans as booleans.
    const Scenario& review = scenario("key-account-multi-party-review");
    std::vector<std::int64_t> values;
    for (const auto& v : review.variables) values.push_back(v.initial);
    values[std::size_t(*review.findVariable("oleg"))] = 66;
    values[std::size_t(*review.findVariable("slip"))] = 1;
    const auto fj = variablesToJson(review, values);
    CHECK(fj["oleg"] == 66);
    CHECK(fj["slip"] == true);
    CHECK(variablesFromJson(review, fj) == values);
    a.campaign->carriedStart = {{"no_such_variable", 3}};
    CHECK_THROWS_AS(meetingScenario(renewal, a), std::invalid_argument);
}
