// `rapport recommend`: reads every trainee's stored attempts and the scenario library, prints
// the ranked scenarios with their reasons; usage errors and a missing database exit 2.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/store_test_support.hpp"

using nlohmann::json;
using rapport::test::shellQuoted;
using rapport::test::TempDir;

TEST_CASE("rapport recommend lists scenarios with their reasons, text and JSON") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    {
        rapport::store::ResultsStore s(db);
        auto anna = s.upsertTrainee({"Anna", "", "North"});
        // 2024-03-09 and 2024-03-10: needs discovery 75 (pass), objection handling 50 (miss).
        rapport::test::writeAttempt(s, anna, "bank-sme-cold-call", 1'710'000'000'000, 2, true);
        rapport::test::writeAttempt(s, anna, "bank-sme-cold-call", 1'710'100'000'000, 2, true);
    }
    const std::string scenario =
        shellQuoted(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-sme-cold-call.json");
    const std::string base = "recommend --db " + shellQuoted(db) + " --scenarios " + scenario +
                             " --trainee Anna --at 2024-03-30";
    auto r = rapport::test::runCli(base + " --format json");
    REQUIRE(r.exitCode == 0);
    const auto j = json::parse(r.out);
    CHECK(j["trainee"] == "Anna");
    REQUIRE(j["recommendations"].size() == 1);
    const auto& first = j["recommendations"][0];
    CHECK(first["scenario"] == "bank-sme-cold-call");
    const auto& reason = first["reason"];
    // Four competencies assessed; two practised 19 days before --at, two never.
    const std::string kind = reason["kind"];
    CHECK((kind == "due" || kind == "new"));
    if (kind == "due") CHECK(reason["daysSincePractised"] == 19);
    if (kind == "new") CHECK(reason["daysSincePractised"].is_null());
    CHECK(reason["predictedSuccess"].get<double>() > 0);
    CHECK(reason["predictedSuccess"].get<double>() < 1);
    CHECK(first["text"].get<std::string>().find("predicted success") != std::string::npos);

    r = rapport::test::runCli(base);
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("1. ", 0) == 0);
    CHECK(r.out.find("(bank-sme-cold-call)") != std::string::npos);
    CHECK(r.out.find("predicted success") != std::string::npos);

    // A trainee with no attempts still gets the library, everything new.
    r = rapport::test::runCli("recommend --db " + shellQuoted(db) + " --scenarios " + scenario +
                              " --trainee Nobody --format json");
    CHECK(r.exitCode == 0);
    CHECK(json::parse(r.out)["recommendations"][0]["reason"]["kind"] == "new");
}

TEST_CASE("rapport recommend: usage errors and a missing database exit 2") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    { rapport::store::ResultsStore s(db); }
    const std::string dbArg = "recommend --db " + shellQuoted(db);
    for (const std::string& bad :
         {dbArg, dbArg + " --trainee A --format xml", dbArg + " --trainee A --limit many",
          dbArg + " --trainee A --at yesterday", dbArg + " --trainee",
          dbArg + " --trainee A --bogus"}) {
        const auto r = rapport::test::runCli(bad);
        CHECK_MESSAGE(r.exitCode == 2, bad);
        CHECK(r.err.find("usage: rapport recommend") != std::string::npos);
    }
    const auto r =
        rapport::test::runCli("recommend --trainee A --db " + shellQuoted(dir.file("missing.db")));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("no results database") != std::string::npos);
}
