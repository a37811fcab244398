// Results store: journaling, round trips, schema checks, broken files, disk full, concurrency
// (the HR table: unit-store-hr.cpp).
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/database_path.hpp"
#include "store/store_schema.hpp"
#include "support/build_paths.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::store;
using nlohmann::json;
using rapport::test::TempDir;

TEST_SUITE_BEGIN("store");

namespace {

std::string pragmaText(ResultsStore& db, const char* sql) {
    Statement s(db.database(), sql);
    REQUIRE(s.step());
    return s.text(0);
}

std::int64_t count(ResultsStore& db, const char* sql) {
    Statement s(db.database(), sql);
    REQUIRE(s.step());
    return s.integer(0);
}

}  // namespace

TEST_CASE("a new database is created in WAL mode at the latest schema version") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(pragmaText(db, "PRAGMA journal_mode") == "wal");
    CHECK(pragmaText(db, "PRAGMA foreign_keys") == "1");
    CHECK(pragmaText(db, "PRAGMA synchronous") == "2");  // FULL
    CHECK(count(db, "PRAGMA application_id") == kApplicationId);
    CHECK(db.integrityCheck() == "ok");
}

TEST_CASE("upsertTrainee keys on the name and keeps fields that are not given") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    auto id = db.upsertTrainee({"Anna Petrova", "E-17", "Sales North"});
    CHECK(db.upsertTrainee({"Anna Petrova", "", ""}) == id);
    CHECK(db.upsertTrainee({"Anna Petrova", "", "Sales South"}) == id);
    CHECK(db.upsertTrainee({"Boris", "", ""}) != id);
    Statement s(db.database(), "SELECT employee_id, group_name FROM trainees WHERE id = ?");
    s.bind(1, id);
    REQUIRE(s.step());
    CHECK(s.text(0) == "E-17");
    CHECK(s.text(1) == "Sales South");
}

TEST_CASE("hostile text is stored verbatim: every value is a bound parameter") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    const std::string evil = "x'); DROP TABLE trainees; --";
    auto id = db.upsertTrainee({evil, evil, evil});
    auto attempt = test::writeAttempt(db, id, evil, 1000, 1, true);
    auto loaded = db.loadAttempt(attempt);
    CHECK(loaded.record.trainee == evil);
    CHECK(loaded.record.group == evil);
    CHECK(loaded.record.scenarioId == evil);
    CHECK(count(db, "SELECT count(*) FROM trainees") == 1);
}

TEST_CASE("an attempt round-trips: journal, transcript, evidence, report and competency rows") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    auto trainee = db.upsertTrainee({"Anna", "E-1", "G1"});
    auto id = test::writeAttempt(db, trainee, "price-objection", 1'700'000'000'000, 3, true, 82.5);
    StoredAttempt a = db.loadAttempt(id);
    CHECK(a.record.status == AttemptStatus::Finished);
    CHECK(a.record.steps == 3);
    CHECK(a.record.endingNode == "end");
    CHECK(a.record.outcome == "won");
    CHECK(a.record.score == doctest::Approx(82.5));
    CHECK(a.record.passed == true);
    CHECK(a.record.endedAtMs == 1'700'000'060'000);
    CHECK(a.record.uid.size() == 36);
    REQUIRE(a.transcript.steps.size() == 3);
    CHECK(a.transcript.steps[1].choiceText == "Trainee line 2");
    CHECK(a.transcript.steps[2].next == "end");
    CHECK(a.transcript.endingNode == "end");
    CHECK(a.transcript.seed == 7);
    REQUIRE(a.evidence.size() == 3);
    CHECK(a.evidence[0][0]["indicator"] == "needs_discovery.asks");
    CHECK(a.report["overall"]["score"] == 82.5);
    CHECK(a.sessionState.is_null());  // cleared once finished: resume is no longer possible
    REQUIRE(a.record.competencies.size() == 3);
    CHECK(a.record.competencies[2].assessed == false);
    CHECK_FALSE(a.record.competencies[2].score.has_value());
    CHECK(count(db, "SELECT count(*) FROM competency_scores WHERE assessed = 1") == 2);
}

TEST_CASE("the journal refuses steps out of order and steps after the end, writing nothing") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    auto trainee = db.upsertTrainee({"Anna", "", ""});
    auto id = test::writeAttempt(db, trainee, "s", 1000, 2, false);
    CHECK_THROWS_WITH_AS(db.appendStep(id, test::sampleStep(4, "n3", "n4"), json::array(), nullptr),
                         doctest::Contains("has 2 steps; step 4 does not follow on"), StoreError);
    const json report = test::sampleReport(40, false, 40, 40);
    db.finishAttempt(id, {"end", "lost", 2000, report});
    CHECK_THROWS_WITH_AS(db.appendStep(id, test::sampleStep(3, "n2", "n3"), json::array(), nullptr),
                         doctest::Contains("is finished, not in progress"), StoreError);
    CHECK_THROWS_AS(db.finishAttempt(id, {"end", "lost", 2000, report}), StoreError);
    CHECK(count(db, "SELECT count(*) FROM attempt_steps") == 2);
    StoredAttempt a = db.loadAttempt(id);
    CHECK(a.record.score == 40);
}

TEST_CASE("interrupted attempts are listed for resume with their last session state") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    auto anna = db.upsertTrainee({"Anna", "", ""});
    auto boris = db.upsertTrainee({"Boris", "", ""});
    auto a1 = test::writeAttempt(db, anna, "s1", 1000, 2, false);
    auto a2 = test::writeAttempt(db, anna, "s2", 2000, 1, false);
    test::writeAttempt(db, anna, "s1", 3000, 2, true);
    test::writeAttempt(db, boris, "s1", 4000, 1, false);
    auto list = db.listIncomplete("Anna");
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == a2);  // newest first
    CHECK(list[1].id == a1);
    CHECK(list[1].steps == 2);
    REQUIRE(db.listIncomplete("Anna", "s1").size() == 1);
    CHECK(db.loadAttempt(a1).sessionState == json{{"step", 2}});
    db.markAbandoned(a1, 5000);
    CHECK(db.listIncomplete("Anna", "s1").empty());
    CHECK(db.loadAttempt(a1).record.status == AttemptStatus::Abandoned);
    CHECK_THROWS_AS(db.markAbandoned(a1, 6000), StoreError);
    CHECK_THROWS_WITH_AS(db.loadAttempt(999), doctest::Contains("no attempt 999"), StoreError);
}

TEST_CASE("a file that is not a database gives a clear error") {
    TempDir dir;
    std::string path = dir.file("notes.db");
    std::ofstream(path) << "These are my meeting notes, not a database. " << std::string(4096, 'x');
    CHECK_THROWS_WITH_AS(ResultsStore{path}, doctest::Contains("not an SQLite database"),
                         StoreError);
}

TEST_CASE("an SQLite database of another application is refused, not modified") {
    TempDir dir;
    std::string path = dir.file("other.db");
    {
        Database other(path);
        other.exec("CREATE TABLE notes (text TEXT)");
    }
    CHECK_THROWS_WITH_AS(ResultsStore{path}, doctest::Contains("not a Rapport results database"),
                         StoreError);
    {
        Database other(path);
        other.exec("PRAGMA application_id = 1234");
    }
    CHECK_THROWS_WITH_AS(ResultsStore{path}, doctest::Contains("of another application"),
                         StoreError);
}

TEST_CASE("a database from a newer Rapport is refused with both versions named") {
    TempDir dir;
    std::string path = dir.file("results.db");
    { ResultsStore db(path); }
    {
        Database raw(path);
        raw.exec("PRAGMA user_version = 99");
    }
    std::string expected =
        "made by a newer Rapport (schema version 99; this build knows versions up to " +
        std::to_string(latestSchemaVersion()) + ")";
    CHECK_THROWS_WITH_AS(ResultsStore{path}, doctest::Contains(expected.c_str()), StoreError);
}

TEST_CASE("a full disk is a clear error and leaves nothing half-written") {
    TempDir dir;
    std::string path = dir.file("results.db");
    std::int64_t id = 0;
    {
        ResultsStore db(path);
        auto trainee = db.upsertTrainee({"Anna", "", ""});
        id = test::writeAttempt(db, trainee, "s", 1000, 2, false);
    }
    Database probe(path);
    std::int64_t pages = 0;
    {
        Statement s(probe, "PRAGMA page_count");
        REQUIRE(s.step());
        pages = s.integer(0);
    }
    StoreOptions opt;
    opt.maxPages = int(pages) + 2;  // room for almost nothing more
    ResultsStore db(path, opt);
    json report = test::sampleReport(90, true, 90, 90);
    report["padding"] = std::string(200'000, 'p');
    try {
        db.finishAttempt(id, {"end", "won", 2000, report});
        FAIL("expected the write to fail");
    } catch (const StoreError& e) {
        CHECK(e.diskFull());
        CHECK(std::string(e.what()).find("the disk is full") != std::string::npos);
    }
    StoredAttempt a = db.loadAttempt(id);
    CHECK(a.record.status == AttemptStatus::InProgress);
    CHECK(a.record.steps == 2);
    CHECK(count(db, "SELECT count(*) FROM competency_scores") == 0);
    CHECK(db.integrityCheck() == "ok");
    // And the store keeps working for small writes afterwards.
    db.markAbandoned(id, 3000);
    CHECK(db.loadAttempt(id).record.status == AttemptStatus::Abandoned);
}

TEST_CASE("two processes writing to one database at once both succeed") {
    TempDir dir;
    std::string path = dir.file("results.db");
    { ResultsStore db(path); }  // created before the race, so both children only write
    constexpr int kPerProcess = 40;
    auto child = [&](const char* name) {
        try {
            ResultsStore db(path);
            auto t = db.upsertTrainee({name, "", "G"});
            for (int i = 0; i < kPerProcess; ++i) test::writeAttempt(db, t, "s", 1000 + i, 3, true);
            _exit(0);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "child %s: %s\n", name, e.what());
            _exit(1);
        }
    };
    pid_t p1 = fork();
    if (p1 == 0) child("first");
    pid_t p2 = fork();
    if (p2 == 0) child("second");
    int s1 = -1, s2 = -1;
    waitpid(p1, &s1, 0);
    waitpid(p2, &s2, 0);
    CHECK((WIFEXITED(s1) && WEXITSTATUS(s1) == 0));
    CHECK((WIFEXITED(s2) && WEXITSTATUS(s2) == 0));
    ResultsStore db(path);
    CHECK(count(db, "SELECT count(*) FROM attempts WHERE status = 'finished'") == 2 * kPerProcess);
    CHECK(count(db, "SELECT count(*) FROM attempt_steps") == 2 * kPerProcess * 3);
    CHECK(db.integrityCheck() == "ok");
}

TEST_CASE("database path: --db, then RAPPORT_DB, then XDG_DATA_HOME, then HOME") {
    static std::map<std::string, std::string> env;
    auto get = [](const char* name) -> const char* {
        auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    };
    env = {{"HOME", "/home/anna"}};
    CHECK(resolveDatabasePath(std::nullopt, get) == "/home/anna/.local/share/rapport/results.db");
    env["XDG_DATA_HOME"] = "relative/ignored";
    CHECK(resolveDatabasePath(std::nullopt, get) == "/home/anna/.local/share/rapport/results.db");
    env["XDG_DATA_HOME"] = "/data";
    CHECK(resolveDatabasePath(std::nullopt, get) == "/data/rapport/results.db");
    env["RAPPORT_DB"] = "/tmp/r.db";
    CHECK(resolveDatabasePath(std::nullopt, get) == "/tmp/r.db");
    CHECK(resolveDatabasePath(std::string("/x/y.db"), get) == "/x/y.db");
    env.clear();
    CHECK_FALSE(resolveDatabasePath(std::nullopt, get).has_value());
}

TEST_CASE(
    "a database written by schema v1 opens, migrates to the latest version and keeps everything") {
    TempDir dir;
    std::string path = dir.file("results.db");
    std::filesystem::copy_file(std::string(RAPPORT_FIXTURES_DIR) + "/store/results-v1.db", path);
    {
        Database raw(path);
        CHECK(schemaVersion(raw) == 1);
    }
    ResultsStore db(path);
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(db.integrityCheck() == "ok");
    {
        Statement fk(db.database(), "PRAGMA foreign_key_check");
        CHECK_FALSE(fk.step());  // no rows = no dangling references
    }

    StoredAttempt first = db.loadAttempt(1);
    CHECK(first.record.trainee == "Anna Petrova");
    CHECK(first.record.employeeId == "E-17");
    CHECK(first.record.status == AttemptStatus::Finished);
    CHECK(first.record.score == doctest::Approx(82.5));
    CHECK(first.report["overall"]["score"] == 82.5);  // moved to attempt_documents by v2
    CHECK(first.transcript.steps.size() == 3);
    CHECK(first.record.competencies.size() == 3);

    StoredAttempt open = db.loadAttempt(2);
    CHECK(open.record.status == AttemptStatus::InProgress);
    CHECK(open.sessionState == json{{"step", 2}});  // resume state survives the move
    CHECK(db.loadAttempt(3).record.status == AttemptStatus::Abandoned);
    CHECK(db.listIncomplete("Anna Petrova").size() == 1);

    // Competency rows were back-filled with their attempt's trainee and start: the HR table works.
    auto table = db.competencyTable({});
    REQUIRE(table.size() == 4);
    CHECK(table[0].trainee == "<script>alert(1)</script>");
    CHECK(table[2].trainee == "Anna Petrova");
    CHECK(table[2].competencyId == "needs_discovery");
    CHECK(table[2].mean == doctest::Approx(82.5));

    // The migrated in-progress attempt can be continued and finished.
    db.appendStep(2, test::sampleStep(3, "end", "fin"), json::array(), json{{"step", 3}});
    db.finishAttempt(2, {"fin", "won", 1'735'776'100'000, test::sampleReport(90, true, 90, 80)});
    CHECK(db.competencyTable({}).size() == 4);
    CHECK(db.loadAttempt(2).record.steps == 3);
}

TEST_SUITE_END();
