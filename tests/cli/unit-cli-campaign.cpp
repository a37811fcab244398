// `rapport campaign validate|play|report` on the bundled campaigns, a broken one and a results
// database with a campaign's meetings.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/results_store.hpp"
#include "support/build_paths.hpp"
#include "support/run_command.hpp"
#include "support/store_test_support.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {
std::string campaignFile(const char* name) {
    return test::shellQuoted((fs::path(RAPPORT_SOURCE_DIR) / "campaigns" / name).string());
}
}  // namespace

TEST_CASE("rapport campaign validate passes the bundled campaigns and explains a broken one") {
    auto ok = test::runCli("campaign validate " + campaignFile("key-account-quarter.json"));
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.find("valid campaign (3 meetings)") != std::string::npos);

    const std::string broken = test::shellQuoted(
        (fs::path(RAPPORT_FIXTURES_DIR) / "campaign-invalid" / "unknown-scenario.json").string());
    const std::string scenarios =
        test::shellQuoted((fs::path(RAPPORT_SOURCE_DIR) / "scenarios").string());
    auto bad = test::runCli("campaign validate --scenarios " + scenarios + " " + broken);
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("did you mean \"key-account-renewal\"?") != std::string::npos);
    CHECK(bad.err.find("[RAP0110]") != std::string::npos);

    CHECK(test::runCli("campaign validate /no/such/campaign.json").exitCode == 2);
    CHECK(test::runCli("campaign frobnicate x.json").exitCode == 2);
}

TEST_CASE("rapport campaign play carries the state and scores each meeting from it") {
    // The review's and the renewal's best paths, as their goldens record them.
    auto r = test::runCli(
        "campaign play --choices '1,4,2,1,2,2,3,1,3,2,3,1,2,2,2,2,3,3,1;"
        "1,3,1,3,2,2,3,1,2,3,1,1,1,3,4,1,2,2,1,3' " +
        campaignFile("key-account-quarter.json"));
    REQUIRE(r.exitCode == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["played"].size() == 2);
    CHECK(j["played"][0]["start"].empty());
    // The renewal starts where Oleg's trust ended the review, not at its own 40.
    const auto start = j["played"][1]["start"];
    REQUIRE(start.contains("trust"));
    CHECK(start["trust"] != 40);
    CHECK(j["complete"] == false);
    CHECK(j["nextMeeting"] == 3);
    CHECK(j["score"] == 100.0);
    CHECK(j["accountState"].contains("trust"));
}

namespace {

// Meeting `meeting` of run `run` of the key-account quarter, finished with `score` and `final`.
void writeMeeting(store::ResultsStore& db, std::int64_t trainee, int meeting,
                  const std::string& scenario, double score, nlohmann::json carried,
                  nlohmann::json final, std::int64_t at) {
    store::AttemptStart a;
    a.traineeId = trainee;
    a.scenarioId = scenario;
    a.scenarioVersion = "1.0.0";
    a.scenarioTitle = scenario;
    a.contentHash = std::string(64, 'c');
    a.frameworkId = "account-manager";
    a.startedAtMs = at;
    a.campaign = AttemptCampaign{"key-account-quarter", "1.0.0",
                                 "0b7c6a2e-1d4b-4f8e-9a51-3c2b1d0e9f87", meeting, carried};
    const auto id = db.beginAttempt(a);
    db.appendStep(id, test::sampleStep(1, "n0", "end"), nlohmann::json::array(), {{"node", "end"}});
    store::AttemptEnd end{"end", "won", at + 1000, test::sampleReport(score, true, score, 50)};
    end.finalState = std::move(final);
    db.finishAttempt(id, end);
}

}  // namespace

TEST_CASE("rapport campaign report: the recorded runs, their score and what comes next") {
    test::TempDir dir;
    const std::string path = dir.file("r.db");
    {
        store::ResultsStore db(path);
        const auto t = db.upsertTrainee({"Anna \"A\" Petrova", "", "north"});
        writeMeeting(db, t, 0, "key-account-multi-party-review", 80, nlohmann::json::object(),
                     {{"oleg", 62}, {"slip", false}}, 1000);
        writeMeeting(db, t, 1, "key-account-renewal", 61, {{"trust", 62}}, {{"trust", 48}}, 5000);
        test::writeAttempt(db, t, "discovery", 9000, 1, true);  // a lone attempt: not listed
    }
    auto r = test::runCli("campaign report --db " + test::shellQuoted(path) + " " +
                          campaignFile("key-account-quarter.json"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["trainee"] == "Anna \"A\" Petrova");
    CHECK(j[0]["run"] == "0b7c6a2e-1d4b-4f8e-9a51-3c2b1d0e9f87");
    CHECK(j[0]["played"] == 2);
    CHECK(j[0]["score"] == 70.5);
    CHECK(j[0]["complete"] == false);
    CHECK(j[0]["nextMeeting"] == 3);
    CHECK(j[0]["nextStart"] == nlohmann::json{{"trust", 48}});
    CHECK(j[0]["meetings"][1]["carriedStart"] == nlohmann::json{{"trust", 62}});
    CHECK(j[0]["meetings"][2]["score"].is_null());
    // The JSON export names each meeting's campaign; the CSV gets the campaign columns.
    auto json = test::runCli("report --db " + test::shellQuoted(path) + " --format json");
    REQUIRE(json.exitCode == 0);
    int meetings = 0;
    const auto exported = nlohmann::json::parse(json.out);
    for (const auto& a : exported["attempts"])
        if (a.contains("campaign")) {
            ++meetings;
            CHECK(a["campaign"]["id"] == "key-account-quarter");
        }
    CHECK(meetings == 2);
    auto csv = test::runCli("report --db " + test::shellQuoted(path) + " --format csv");
    REQUIRE(csv.exitCode == 0);
    CHECK(
        csv.out.find("campaign_id,campaign_version,campaign_run,campaign_meeting,carried_start") !=
        std::string::npos);
    CHECK(csv.out.find("\"{\"\"trust\"\":62}\"") != std::string::npos);
    CHECK(test::runCli("campaign report --db /no/such/dir/r.db " +
                       campaignFile("key-account-quarter.json"))
              .exitCode == 2);
}
