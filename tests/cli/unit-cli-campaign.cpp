// `rapport campaign validate|play` on the bundled campaigns and a broken one.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/build_paths.hpp"
#include "support/run_command.hpp"

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
