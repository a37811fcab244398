// A trainer's assignments in the results database: added, listed, removed, hostile text kept
// verbatim, a schema v7 file upgraded to v8 and v8 to v9 with everything in it kept, and the
// desktop's copy of central assignments mirrored by uid.
#include <doctest/doctest.h>

#include <stdexcept>

#include "store/assignments.hpp"
#include "store/store_schema.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::store;
using rapport::test::TempDir;

TEST_SUITE_BEGIN("store");

namespace {

ScenarioAssignment assignment(const std::string& trainee, const std::string& group,
                              const std::string& scenario, std::int64_t at) {
    ScenarioAssignment a;
    a.trainee = trainee;
    a.group = group;
    a.scenarioId = scenario;
    a.assignedAtMs = at;
    return a;
}

}  // namespace

TEST_CASE("assignments: add, list by trainee or group, remove") {
    TempDir dir;
    ResultsStore db(dir.file("r.db"));
    auto first = assignment("Anna", "", "objection-price", 2000);
    first.assignedBy = "Trainer Kim";
    first.dueAtMs = 1'772'409'600'000;
    first.note = "'); DROP TABLE assignments; -- <b>read this</b>";
    const auto a = addAssignment(db, first);
    const auto b = addAssignment(db, assignment("", "north", "discovery", 1000));
    const auto c = addAssignment(db, assignment("Ben", "", "discovery", 3000));
    CHECK(a != b);

    const auto all = listAssignments(db);
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == b);  // oldest first
    CHECK(all[0].group == "north");
    CHECK(all[0].trainee.empty());
    CHECK_FALSE(all[0].dueAtMs);
    CHECK(all[1].id == a);
    CHECK(all[1].assignedBy == "Trainer Kim");
    CHECK(all[1].dueAtMs == 1'772'409'600'000);
    CHECK(all[1].note == first.note);  // verbatim
    CHECK(all[2].id == c);

    const auto anna = listAssignments(db, "Anna");
    REQUIRE(anna.size() == 1);
    CHECK(anna[0].scenarioId == "objection-price");
    CHECK(listAssignments(db, "", "north").size() == 1);
    CHECK(listAssignments(db, "Nobody").empty());

    CHECK(removeAssignment(db, a));
    CHECK_FALSE(removeAssignment(db, a));
    CHECK(listAssignments(db).size() == 2);

    // Exactly one of trainee and group, and a scenario: anything else is a programming error,
    // and the schema refuses it too.
    CHECK_THROWS_AS(addAssignment(db, assignment("", "", "x", 1)), std::invalid_argument);
    CHECK_THROWS_AS(addAssignment(db, assignment("A", "g", "x", 1)), std::invalid_argument);
    CHECK_THROWS_AS(addAssignment(db, assignment("A", "", "", 1)), std::invalid_argument);
    CHECK_THROWS_AS(db.database().exec("INSERT INTO assignments (trainee, group_name, scenario_id, "
                                       "assigned_at) VALUES ('A', 'g', 's', 1)"),
                    StoreError);
    CHECK(listAssignments(db).size() == 2);
}

TEST_CASE("assignments: the trainee's group as stored") {
    TempDir dir;
    ResultsStore db(dir.file("r.db"));
    db.upsertTrainee({"Anna", "", "north"});
    db.upsertTrainee({"Ben", "", ""});
    CHECK(traineeGroup(db, "Anna") == "north");
    CHECK(traineeGroup(db, "Ben").empty());
    CHECK(traineeGroup(db, "Nobody").empty());
}

TEST_CASE("a schema v7 database upgrades to v8: attempts kept, assignments usable") {
    TempDir dir;
    const std::string path = dir.file("r.db");
    {
        StoreOptions v7;
        v7.schemaVersion = 7;
        ResultsStore old(path, v7);
        CHECK(old.schemaVersion() == 7);
        const auto t = old.upsertTrainee({"Anna", "E-1", "north"});
        test::writeAttempt(old, t, "discovery", 1000, 2, true, 64);
        // v7 has no such table.
        CHECK_THROWS_AS(listAssignments(old), StoreError);
    }
    ResultsStore db(path);
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(latestSchemaVersion() >= 8);
    CHECK(db.integrityCheck() == "ok");
    const auto attempts = db.attempts({});
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].score == doctest::Approx(64));
    CHECK(listAssignments(db).empty());
    addAssignment(db, assignment("", "north", "discovery", 2000));
    CHECK(listAssignments(db, "", "north").size() == 1);
}

TEST_CASE("a schema v8 database upgrades to v9: its assignments stay its own") {
    TempDir dir;
    const std::string path = dir.file("r.db");
    {
        StoreOptions v8;
        v8.schemaVersion = 8;
        ResultsStore old(path, v8);
        addAssignment(old, assignment("Anna", "", "discovery", 1000));
    }
    ResultsStore db(path);
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(db.integrityCheck() == "ok");
    const auto list = listAssignments(db);
    REQUIRE(list.size() == 1);
    CHECK_FALSE(assignmentCentralUid(db, list[0].id));
    CHECK_FALSE(assignmentCentralUid(db, 999));
}

TEST_CASE("mirrorCentralAssignments: adds, updates, removes only pulled rows, idempotent") {
    TempDir dir;
    ResultsStore db(dir.file("r.db"));
    const auto own = addAssignment(db, assignment("Anna", "", "warmup", 500));
    std::vector<CentralCopy> live = {
        {"u-1", assignment("", "north", "discovery", 1000)},
        {"u-2", assignment("Anna", "", "objections", 2000)},
    };
    live[1].assignment.note = "'); DROP TABLE assignments; --";
    CHECK(mirrorCentralAssignments(db, live) == CopyChanges{2, 0, 0});
    CHECK(mirrorCentralAssignments(db, live) == CopyChanges{});
    CHECK(listAssignments(db).size() == 3);
    CHECK(listAssignments(db, "Anna").back().note == "'); DROP TABLE assignments; --");
    live[0].assignment.dueAtMs = 86'400'000;
    CHECK(mirrorCentralAssignments(db, live) == CopyChanges{0, 1, 0});
    CHECK(listAssignments(db, "", "north").front().dueAtMs == 86'400'000);
    live.erase(live.begin());
    CHECK(mirrorCentralAssignments(db, live) == CopyChanges{0, 0, 1});
    CHECK(listAssignments(db, "", "north").empty());
    // The desktop's own assignment is never a pulled one: an empty pull leaves it.
    CHECK(mirrorCentralAssignments(db, {}) == CopyChanges{0, 0, 1});
    const auto left = listAssignments(db);
    REQUIRE(left.size() == 1);
    CHECK(left[0].id == own);
    // A malformed row changes nothing.
    CHECK_THROWS_AS(mirrorCentralAssignments(db, {{"u-3", assignment("Anna", "north", "x", 1)}}),
                    std::invalid_argument);
    CHECK(listAssignments(db).size() == 1);
}

TEST_CASE("knownPeople: the names and distinct groups of this file's trainees") {
    TempDir dir;
    ResultsStore db(dir.file("r.db"));
    db.upsertTrainee({"Ben", "", "north"});
    db.upsertTrainee({"Anna", "", "north"});
    db.upsertTrainee({"Cem", "", ""});
    const auto p = knownPeople(db);
    CHECK(p.names == std::vector<std::string>{"Anna", "Ben", "Cem"});
    CHECK(p.groups == std::vector<std::string>{"north"});
}

TEST_SUITE_END();
