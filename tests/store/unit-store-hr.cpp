// The HR table of the results store: filters, the SQL path against core's fold over the same
// attempts, a migrated v2 database, and attempts finished in any order.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <tuple>

#include "store/store_schema.hpp"
#include "support/build_paths.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::store;
using nlohmann::json;
using rapport::test::TempDir;

TEST_SUITE_BEGIN("store");

namespace {

AttemptFilter filter(std::string trainee, std::string group, std::string scenario,
                     std::optional<std::int64_t> since = std::nullopt, bool finishedOnly = false) {
    AttemptFilter f;
    f.trainee = std::move(trainee);
    f.group = std::move(group);
    f.scenario = std::move(scenario);
    f.sinceMs = since;
    f.finishedOnly = finishedOnly;
    return f;
}

std::int64_t count(ResultsStore& db, const char* sql) {
    Statement s(db.database(), sql);
    REQUIRE(s.step());
    return s.integer(0);
}

// The SQL table must give the same cells, bit for bit, as buildCompetencyTable over the same
// attempts, and those cells must be what a cell means, recomputed here naively from the stored
// attempts. A filter that selects nothing is a mistake in the test: the check needs cells.
void checkSameTable(ResultsStore& db, const AttemptFilter& f) {
    auto sql = db.competencyTable(f);
    const auto attempts = db.attempts(f);
    auto mem = buildCompetencyTable(attempts);
    REQUIRE_FALSE(sql.empty());
    REQUIRE(sql.size() == mem.size());
    std::size_t results = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        CAPTURE(i);
        CHECK(sql[i].trainee == mem[i].trainee);
        CHECK(sql[i].group == mem[i].group);
        CHECK(sql[i].competencyId == mem[i].competencyId);
        CHECK(sql[i].competencyName == mem[i].competencyName);
        CHECK(sql[i].assessedAttempts == mem[i].assessedAttempts);
        CHECK(sql[i].mean == mem[i].mean);
        CHECK(sql[i].best == mem[i].best);
        CHECK(sql[i].last == mem[i].last);
        if (i > 0)
            CHECK(std::tie(sql[i - 1].trainee, sql[i - 1].competencyId) <
                  std::tie(sql[i].trainee, sql[i].competencyId));
        int n = 0;
        double sum = 0, best = -1, last = -1;
        std::pair<std::int64_t, std::int64_t> latest{INT64_MIN, INT64_MIN};
        for (const auto& a : attempts) {
            if (a.trainee != sql[i].trainee || a.status != AttemptStatus::Finished) continue;
            for (const auto& c : a.competencies) {
                if (c.id != sql[i].competencyId || !c.assessed || !c.score) continue;
                ++n;
                sum += *c.score;
                best = std::max(best, *c.score);
                if (std::pair{a.startedAtMs, a.id} > latest) {
                    latest = {a.startedAtMs, a.id};
                    last = *c.score;
                }
            }
        }
        CHECK(sql[i].assessedAttempts == n);
        CHECK(sql[i].mean == doctest::Approx(sum / n));
        CHECK(sql[i].best == best);
        CHECK(sql[i].last == last);
        results += std::size_t(n);
    }
    std::size_t assessed = 0;
    for (const auto& a : attempts)
        if (a.status == AttemptStatus::Finished)
            for (const auto& c : a.competencies) assessed += c.assessed && c.score ? 1 : 0;
    CHECK(results == assessed);  // every assessed result is in exactly one cell
}

}  // namespace

TEST_CASE("HR queries: filters, and the SQL table equals the in-memory one") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    auto anna = db.upsertTrainee({"Anna", "", "North"});
    auto boris = db.upsertTrainee({"Boris", "", "South"});
    test::writeAttempt(db, anna, "s1", 1000, 1, true, 60);
    test::writeAttempt(db, anna, "s2", 2000, 1, true, 90);
    test::writeAttempt(db, anna, "s1", 3000, 1, true, 70);
    test::writeAttempt(db, boris, "s1", 1500, 1, true, 40);
    test::writeAttempt(db, boris, "s1", 2500, 1, false);

    CHECK(db.attempts({}).size() == 5);
    CHECK(db.attempts(filter("", "North", "")).size() == 3);
    CHECK(db.attempts(filter("", "", "s1")).size() == 4);
    CHECK(db.attempts(filter("", "", "", 2000)).size() == 3);
    CHECK(db.attempts(filter("Boris", "", "", std::nullopt, true)).size() == 1);
    auto all = db.attempts({});
    CHECK(all[0].trainee == "Anna");
    CHECK(all[0].competencies.size() == 3);

    auto sql = db.competencyTable({});
    auto mem = buildCompetencyTable(all);
    REQUIRE(sql.size() == mem.size());
    REQUIRE(sql.size() == 4);  // 2 trainees x 2 assessed competencies
    for (std::size_t i = 0; i < sql.size(); ++i) {
        CAPTURE(i);
        CHECK(sql[i].trainee == mem[i].trainee);
        CHECK(sql[i].competencyId == mem[i].competencyId);
        CHECK(sql[i].assessedAttempts == mem[i].assessedAttempts);
        CHECK(sql[i].mean == doctest::Approx(mem[i].mean));
        CHECK(sql[i].best == doctest::Approx(mem[i].best));
        CHECK(sql[i].last == doctest::Approx(mem[i].last));
    }
    CHECK(sql[0].trainee == "Anna");
    CHECK(sql[0].competencyId == "needs_discovery");
    CHECK(sql[0].mean == doctest::Approx((60 + 90 + 70) / 3.0));
    CHECK(sql[0].best == doctest::Approx(90));
    CHECK(sql[0].last == doctest::Approx(70));
    CHECK(db.competencyTable(filter("", "South", "")).size() == 2);
}

TEST_CASE("a database written by schema v2 migrates to v3 with its HR summary back-filled") {
    TempDir dir;
    std::string path = dir.file("results.db");
    std::filesystem::copy_file(std::string(RAPPORT_FIXTURES_DIR) + "/store/results-v2.db", path);
    {
        Database raw(path);
        CHECK(schemaVersion(raw) == 2);
    }
    ResultsStore db(path);
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(db.integrityCheck() == "ok");
    CHECK(count(db, "SELECT count(*) FROM attempts") == 8);
    CHECK(count(db, "SELECT count(*) FROM competency_summary") > 0);
    checkSameTable(db, {});
    checkSameTable(db, filter("", "Sales North", ""));
    checkSameTable(db, filter("", "", "price-objection"));
    checkSameTable(db, filter("Carl", "", ""));
    // Carl's two attempts started in the same millisecond: the later id is the "last".
    auto carl = db.competencyTable(filter("Carl", "", ""));
    REQUIRE_FALSE(carl.empty());
    CHECK(carl[0].competencyId == "needs_discovery");
    CHECK(carl[0].last == doctest::Approx(70));
    CHECK(carl[0].best == doctest::Approx(70));
    CHECK(carl[0].mean == doctest::Approx(55));
    CHECK(db.listIncomplete("Anna Petrova", "price-objection").size() == 1);
    // New attempts keep the summary up to date after the migration.
    auto anna = db.upsertTrainee({"Anna Petrova", "", ""});
    test::writeAttempt(db, anna, "price-objection", 1'700'000'000'000, 2, true,
                       99);  // older start: not "last"
    checkSameTable(db, {});
}

TEST_CASE("the HR summary equals the in-memory table for attempts finished in any order") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    std::mt19937 rng(20261127);
    std::vector<std::int64_t> trainees;
    for (int t = 0; t < 5; ++t)
        trainees.push_back(db.upsertTrainee({"T" + std::to_string(t), "", t % 2 ? "Odd" : "Even"}));
    const char* comps[] = {"a", "b", "c"};
    struct Pending {
        std::int64_t id;
        json report;
    };
    std::vector<Pending> pending;
    for (int i = 0; i < 60; ++i) {
        AttemptStart a;
        a.traineeId = trainees[rng() % trainees.size()];
        a.scenarioId = "s" + std::to_string(rng() % 3);
        a.scenarioVersion = "1";
        a.scenarioTitle = "S";
        a.contentHash = "h";
        a.frameworkId = "f";
        a.frameworkVersion = "1";
        a.startedAtMs = 1000 + std::int64_t(rng() % 20) * 1000;  // many ties on purpose
        json list = json::array();
        for (const char* c : comps) {
            const int kind = int(rng() % 4);  // 0: not assessed, 1: assessed without a score
            json score = kind >= 2 ? json(double(rng() % 1001) / 10) : json(nullptr);
            list.push_back({{"id", c},
                            {"name", std::string("Name ") + c},
                            {"score", score},
                            {"assessed", kind != 0},
                            {"opportunities", kind},
                            {"level", "L"},
                            {"confidence", "ok"}});
        }
        pending.push_back({db.beginAttempt(a), json{{"overall", {{"score", 50}, {"passed", false}}},
                                                    {"competencies", list}}});
    }
    std::shuffle(pending.begin(), pending.end(), rng);
    for (std::size_t i = 0; i < pending.size(); ++i) {
        if (i % 7 == 3) continue;  // some stay in progress
        db.finishAttempt(pending[i].id, {"end", "won", 99'000, pending[i].report});
    }
    checkSameTable(db, {});
    checkSameTable(db, filter("", "Odd", ""));
    checkSameTable(db, filter("", "", "s1"));
    checkSameTable(db, filter("T3", "", "s2"));
    checkSameTable(db, filter("", "", "", 8000));  // a date range is answered from the rows
    AttemptFilter range;
    range.untilMs = 12000;
    checkSameTable(db, range);
}

TEST_SUITE_END();
