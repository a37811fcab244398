// `rapport assign`: only with the administrator passphrase may assignments change; they come
// first in `rapport recommend` with their due date and note until the trainee has played them.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "store/admin_passphrase.hpp"
#include "store/assignments.hpp"
#include "store/attempt_recorder.hpp"
#include "support/build_paths.hpp"
#include "support/run_command.hpp"
#include "support/store_test_support.hpp"

using nlohmann::json;
using rapport::test::runCli;
using rapport::test::shellQuoted;
using rapport::test::TempDir;

namespace {

constexpr const char* kPassphrase = "trainers only, please\n";

}  // namespace

TEST_CASE("rapport assign: the passphrase gates add and remove; recommend puts it first") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    const std::string data = dir.file("config");
    {
        rapport::store::ResultsStore s(db);
        s.upsertTrainee({"Anna", "", "north"});
        s.upsertTrainee({"Ben", "", "north"});
    }
    const std::string scenarios =
        shellQuoted(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-sme-cold-call.json") +
        " --scenarios " +
        shellQuoted(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-card-complaint.json");
    const std::string at = " --db " + shellQuoted(db) + " --data-dir " + shellQuoted(data);
    const std::string add = "assign add --scenarios " + scenarios + at;

    // No passphrase set on this machine: refused, nothing stored.
    auto r = runCli(add + " --scenario bank-card-complaint --trainee Anna", kPassphrase);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("no administrator passphrase is set") != std::string::npos);
    std::string error;
    REQUIRE(rapport::store::saveAdminPassphraseHash(
        data,
        rapport::store::hashPassphrase("trainers only, please",
                                       rapport::store::PassphraseCost::Minimal),
        &error));
    r = runCli(add + " --scenario bank-card-complaint --trainee Anna", "wrong guess here\n");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("does not match") != std::string::npos);
    r = runCli(add + " --scenario bank-card-complaint --trainee Anna", "");
    CHECK(r.exitCode == 2);
    {
        rapport::store::ResultsStore s(db);
        CHECK(rapport::store::listAssignments(s).empty());
    }

    // The right passphrase: stored, with due date, note and trainer.
    r = runCli(add +
                   " --scenario bank-card-complaint --trainee Anna --due 2026-03-12 --by 'Trainer "
                   "Kim' --note '<b>Before</b> the Friday call'",
               kPassphrase);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(r.out.find("assignment 1 added") != std::string::npos);
    r = runCli(add + " --scenario bank-sme-cold-call --group north", kPassphrase);
    REQUIRE(r.exitCode == 0);
    // A scenario the library does not have is refused before the passphrase is asked.
    r = runCli(add + " --scenario no-such-scenario --trainee Anna", "");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("no scenario 'no-such-scenario'") != std::string::npos);

    r = runCli("assign list --db " + shellQuoted(db));
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("1  bank-card-complaint  Anna  due 2026-03-12  by Trainer Kim  open") !=
          std::string::npos);
    CHECK(r.out.find("note: <b>Before</b> the Friday call") != std::string::npos);
    CHECK(r.out.find("2  bank-sme-cold-call  group north  no due date  by your trainer  done by 0 "
                     "trainees") != std::string::npos);
    r = runCli("assign list --format json --group north --db " + shellQuoted(db));
    REQUIRE(r.exitCode == 0);
    const auto listed = json::parse(r.out)["assignments"];
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["scenario"] == "bank-sme-cold-call");
    CHECK(listed[0]["trainee"].is_null());
    CHECK(listed[0]["due"].is_null());

    // Both come first for Anna, the dated one before the undated one; Ben gets the group's.
    const std::string recommend =
        "recommend --db " + shellQuoted(db) + " --scenarios " + scenarios + " --format json";
    r = runCli(recommend + " --trainee Anna");
    REQUIRE(r.exitCode == 0);
    auto recs = json::parse(r.out)["recommendations"];
    REQUIRE(recs.size() == 2);
    CHECK(recs[0]["scenario"] == "bank-card-complaint");
    CHECK(recs[0]["reason"]["kind"] == "assigned");
    CHECK(recs[0]["reason"]["due"] == "2026-03-12");
    CHECK(recs[0]["reason"]["note"] == "<b>Before</b> the Friday call");
    // Its due day is in the past of every run of this test: overdue.
    CHECK(recs[0]["reason"]["overdue"] == true);
    CHECK(recs[0]["text"].get<std::string>().rfind(
              "assigned by Trainer Kim, overdue since 2026-03-12: ", 0) == 0);
    CHECK(recs[1]["scenario"] == "bank-sme-cold-call");
    CHECK(recs[1]["reason"]["kind"] == "assigned");
    CHECK(recs[1]["text"].get<std::string>().rfind("assigned by your trainer: ", 0) == 0);
    r = runCli("recommend --db " + shellQuoted(db) + " --scenarios " + scenarios +
               " --trainee Anna");
    CHECK(r.out.find("   note: <b>Before</b> the Friday call\n") != std::string::npos);

    // Ben finishes the group's scenario: done for him, still open for Anna.
    {
        rapport::store::ResultsStore s(db);
        const auto ben = s.upsertTrainee({"Ben", "", "north"});
        rapport::test::writeAttempt(s, ben, "bank-sme-cold-call",
                                    rapport::store::unixNowMs() + 1000, 2, true, 20);
    }
    r = runCli(recommend + " --trainee Ben");
    recs = json::parse(r.out)["recommendations"];
    for (const auto& rec : recs) CHECK(rec["reason"]["kind"] != "assigned");
    r = runCli("assign list --db " + shellQuoted(db));
    CHECK(r.out.find("done by 1 trainee\n") != std::string::npos);

    // Removing needs the passphrase too.
    r = runCli("assign remove 1" + at, "wrong guess here\n");
    CHECK(r.exitCode == 1);
    r = runCli("assign remove 1" + at, kPassphrase);
    CHECK(r.exitCode == 0);
    r = runCli("assign remove 1" + at, kPassphrase);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("there is no assignment 1") != std::string::npos);
    r = runCli(recommend + " --trainee Anna");
    CHECK(json::parse(r.out)["recommendations"][0]["scenario"] == "bank-sme-cold-call");
}

TEST_CASE("rapport assign: usage errors exit 2 and change nothing") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    { rapport::store::ResultsStore s(db); }
    const std::string d = " --db " + shellQuoted(db);
    for (const std::string& bad :
         {std::string("assign"), "assign bogus" + d, "assign add" + d,
          "assign add --scenario x" + d, "assign add --scenario x --trainee A --group g" + d,
          "assign add --scenario x --trainee A --due soon" + d,
          "assign add --scenario x --trainee A --due 2026-02-30" + d,
          "assign list --trainee A --group g" + d, "assign list --format xml" + d,
          "assign list --note hi" + d, "assign remove" + d, "assign remove abc" + d,
          "assign remove 1 2" + d, "assign remove 1 --trainee A" + d,
          std::string("assign list --db")}) {
        const auto r = runCli(bad, kPassphrase);
        CHECK_MESSAGE(r.exitCode == 2, bad);
        CHECK_MESSAGE(r.err.find("usage: rapport assign") != std::string::npos, bad);
    }
    const auto r = runCli("assign list --db " + shellQuoted(dir.file("missing.db")));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("no results database") != std::string::npos);
    CHECK(runCli("assign --help").exitCode == 0);
}
