// The store tells the truth: another program's file is refused before anything in it changes,
// a read-only copy can be read, no attempt is stored finished without a score, the last decision
// commits with the finish (a failed finish leaves the attempt resumable at it), and resume refuses
// a saved state edited in the database, leaving the attempt as it was.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "core/checks/scenario_check.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/play/attempt_flow.hpp"
#include "store/attempt_recorder.hpp"
#include "support/files.hpp"
#include "support/hub_scenario.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::store;
using nlohmann::json;
using rapport::test::TempDir;

TEST_SUITE_BEGIN("store");

namespace {

using rapport::test::kAnna;
using rapport::test::loadHub;

// Runs `sql` on `path` through a connection of its own, as another program would.
std::string sqliteAnswer(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    std::string answer;
    sqlite3_exec(
        db, sql,
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) = values[0] ? values[0] : "";
            return 0;
        },
        &answer, nullptr);
    sqlite3_close(db);
    return answer;
}

int positionOf(const Session& s, const std::string& id) {
    const auto& shown = s.choices();
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (s.node().choices[std::size_t(shown[i])].id == id) return int(i);
    FAIL("choice " << id << " is not shown at " << s.node().id);
    return -1;
}

}  // namespace

TEST_CASE("another program's SQLite file is refused before anything in it changes") {
    TempDir dir;
    const std::string path = dir.file("other.db");
    sqliteAnswer(path,
                 "PRAGMA application_id = 1234; CREATE TABLE notes (t TEXT); INSERT INTO notes "
                 "VALUES ('keep me');");
    const std::string before = test::readText(path);
    REQUIRE(sqliteAnswer(path, "PRAGMA journal_mode") == "delete");
    CHECK_THROWS_WITH_AS(ResultsStore{path}, doctest::Contains("database of another application"),
                         StoreError);
    StoreOptions ro;
    ro.readOnly = true;
    CHECK_THROWS_WITH_AS(ResultsStore(path, ro), doctest::Contains("another application"),
                         StoreError);
    CHECK(test::readText(path) == before);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    CHECK(sqliteAnswer(path, "PRAGMA journal_mode") == "delete");

    // Tables but no application id: not ours either.
    const std::string plain = dir.file("plain.db");
    sqliteAnswer(plain, "CREATE TABLE notes (t TEXT);");
    const std::string plainBefore = test::readText(plain);
    CHECK_THROWS_WITH_AS(ResultsStore{plain}, doctest::Contains("holds tables but is not"),
                         StoreError);
    CHECK(test::readText(plain) == plainBefore);
    CHECK(sqliteAnswer(plain, "PRAGMA journal_mode") == "delete");
}

TEST_CASE("a read-only copy of a results database can be read, and is not changed") {
    TempDir dir;
    const std::string path = dir.file("results.db");
    {
        ResultsStore db(path);
        auto anna = db.upsertTrainee({"Anna", "", "North"});
        test::writeAttempt(db, anna, "s", 1000, 2, true);
        test::writeAttempt(db, anna, "s", 2000, 1, false);
    }
    const std::string copy = dir.file("backup.db");
    std::filesystem::copy_file(path, copy);
    REQUIRE(::chmod(copy.c_str(), 0444) == 0);
    const std::string before = test::readText(copy);
    {
        StoreOptions ro;
        ro.readOnly = true;
        ResultsStore db(copy, ro);
        CHECK(db.attempts({}).size() == 2);
        CHECK_FALSE(db.competencyTable({}).empty());
        CHECK(db.loadAttempt(1).record.status == AttemptStatus::Finished);
        // Nothing is written through it, even by the root user, whom chmod does not stop.
        CHECK_THROWS_AS(db.upsertTrainee({"Boris", "", ""}), StoreError);
    }
    CHECK(test::readText(copy) == before);
    StoreOptions ro;
    ro.readOnly = true;
    CHECK_THROWS_WITH_AS(ResultsStore(dir.file("missing.db"), ro),
                         doctest::Contains("there is no such file"), StoreError);
    CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
}

TEST_CASE("no attempt is stored finished without a score") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    auto anna = db.upsertTrainee({"Anna", "", ""});
    auto id = test::writeAttempt(db, anna, "s", 1000, 2, false);
    CHECK_THROWS_WITH_AS(db.finishAttempt(id, {"end", "lost", 2000, nullptr}),
                         doctest::Contains("cannot be marked finished without a score"),
                         StoreError);
    CHECK_THROWS_AS(db.finishAttempt(id, {"end", "lost", 2000, json{{"overall", json::object()}}}),
                    StoreError);
    CHECK(db.loadAttempt(id).record.status == AttemptStatus::InProgress);

    // A scenario whose framework cannot be found: play ends, but the attempt is not finished.
    Scenario hub = loadHub();
    hub.framework = "no-such-framework";
    ManualClock clock;
    AttemptRecorder rec = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                 AttemptMode::Practice, 0, 1000);
    AttemptFlow flow(hub, clock, AttemptMode::Practice, 0, &rec);
    REQUIRE(flow.choose(0) == AttemptFlow::Result::Taken);
    REQUIRE(flow.choose(positionOf(flow.session(), "leave")) == AttemptFlow::Result::Taken);
    PlayScore scored = rec.finish(flow.session(), 2000);
    CHECK_FALSE(scored.report);
    CHECK(scored.error == "competence framework \"no-such-framework\" not found");
    CHECK_FALSE(rec.done());
    StoredAttempt a = db.loadAttempt(rec.attemptId());
    CHECK(a.record.status == AttemptStatus::InProgress);
    CHECK(a.record.steps == 1);  // the last decision is not applied: it can be made again
}

TEST_CASE("the last decision commits with the finish, and a failed finish leaves it resumable") {
    TempDir dir;
    const std::string path = dir.file("results.db");
    ResultsStore db(path);
    Scenario hub = loadHub();
    ManualClock clock;
    AttemptRecorder rec = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                 AttemptMode::Practice, 3, 1000);
    AttemptFlow flow(hub, clock, AttemptMode::Practice, 3, &rec);
    REQUIRE(flow.choose(0) == AttemptFlow::Result::Taken);  // greet
    REQUIRE(flow.choose(positionOf(flow.session(), "budget")) == AttemptFlow::Result::Taken);
    REQUIRE(flow.choose(positionOf(flow.session(), "leave")) == AttemptFlow::Result::Taken);
    REQUIRE(flow.finished());
    // The ending is reached, yet only the decisions before it are on disk: a kill now (while
    // scoring) leaves an attempt to resume at its last decision, not one "in progress" with all.
    CHECK(db.loadAttempt(rec.attemptId()).record.steps == 2);

    // The finish fails part-way (the competency rows cannot be written, as when the disk fills up
    // at that moment): nothing of it is kept, the last decision included.
    db.database().exec(
        "CREATE TEMP TRIGGER no_room BEFORE INSERT ON competency_scores BEGIN SELECT "
        "RAISE(ABORT, 'no room left'); END");
    const PlayScore scored = rec.score(flow.session());
    REQUIRE(scored.report);
    CHECK_THROWS_WITH_AS(rec.finish(flow.session(), 2000, scored),
                         doctest::Contains("no room left"), StoreError);
    CHECK_FALSE(rec.done());
    {
        ResultsStore other(path);
        StoredAttempt a = other.loadAttempt(rec.attemptId());
        CHECK(a.record.status == AttemptStatus::InProgress);
        CHECK(a.record.steps == 2);
        CHECK(a.record.competencies.empty());
        ManualClock later;
        ResumedAttempt r =
            AttemptRecorder::resume(other, rec.attemptId(), hub, findScenarioFramework(hub), later);
        CHECK(r.session.node().id == "hub");
        CHECK(r.session.transcript().steps.size() == 2);
    }
    // Room again: the same recorder finishes, the last decision with it.
    db.database().exec("DROP TRIGGER no_room");
    CHECK(rec.finish(flow.session(), 2000, scored));
    StoredAttempt done = db.loadAttempt(rec.attemptId());
    CHECK(done.record.status == AttemptStatus::Finished);
    CHECK(done.record.steps == 3);
    CHECK(done.record.score.has_value());
}

TEST_CASE("resume refuses a saved state edited in the database and leaves the attempt as it was") {
    TempDir dir;
    const std::string path = dir.file("results.db");
    ResultsStore db(path);
    Scenario hub = loadHub();
    ManualClock clock;
    AttemptRecorder rec = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                 AttemptMode::Practice, 0, 1000);
    AttemptFlow flow(hub, clock, AttemptMode::Practice, 0, &rec);
    REQUIRE(flow.choose(0) == AttemptFlow::Result::Taken);
    REQUIRE(flow.choose(positionOf(flow.session(), "budget")) == AttemptFlow::Result::Taken);
    const std::int64_t id = rec.attemptId();

    // One boolean flipped in the saved state.
    sqliteAnswer(path,
                 "UPDATE attempt_documents SET session_state = json_set(session_state, "
                 "'$.variables.asked_budget', json('false'))");
    const std::string before = test::readText(path);
    ManualClock later;
    CHECK_THROWS_WITH_AS(AttemptRecorder::resume(db, id, hub, findScenarioFramework(hub), later),
                         doctest::Contains("its record does not replay as it was played"),
                         ResumeError);
    StoredAttempt a = db.loadAttempt(id);
    CHECK(a.record.status == AttemptStatus::InProgress);
    CHECK(a.record.steps == 2);

    // A journaled step's choice swapped for another shown one.
    sqliteAnswer(path,
                 "UPDATE attempt_documents SET session_state = json_set(session_state, "
                 "'$.variables.asked_budget', json('true'))");
    REQUIRE_NOTHROW(AttemptRecorder::resume(db, id, hub, findScenarioFramework(hub), later));
    sqliteAnswer(path,
                 "UPDATE attempt_steps SET step_json = json_set(step_json, '$.choice', 'needs', "
                 "'$.choiceNumber', 2, '$.choiceText', 'What do you need most?') WHERE step = 2");
    CHECK_THROWS_AS(AttemptRecorder::resume(db, id, hub, findScenarioFramework(hub), later),
                    ResumeError);
    CHECK(db.loadAttempt(id).record.status == AttemptStatus::InProgress);
}

TEST_SUITE_END();
