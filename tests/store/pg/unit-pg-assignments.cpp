// Central assignments (schema v7) against a real PostgreSQL 15: a trainer assigns centrally, a
// second desktop's sync pulls it into its own file and its recommendation lists it first; the
// policies keep trainees to their own and groups apart; removal and re-pulls behave.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "core/recommendation/assignment_status.hpp"
#include "core/recommendation/skill_model.hpp"
#include "store/assignments.hpp"
#include "store/pg_assignments.hpp"
#include "store/pg_roles.hpp"
#include "store/pg_schema.hpp"
#include "store/sync_assignments.hpp"
#include "store/sync_upload.hpp"
#include "support/build_paths.hpp"
#include "support/pg_test_cluster.hpp"
#include "support/run_command.hpp"
#include "support/store_test_support.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using namespace rapport::test;
using rapport::store::CentralRole;
using rapport::store::PgConnection;
using rapport::store::PgError;

namespace {

std::string uniqueLogin(const std::string& stem) {
    static std::atomic<int> n{0};
    return stem + std::to_string(::getpid()) + "a" + std::to_string(n++);
}

struct Login {
    std::string name, password;
};

Login addLogin(PgConnection& admin, const std::string& stem, CentralRole role,
               const std::string& group = "") {
    Login l{uniqueLogin(stem), "pw-" + stem};
    store::addLogin(admin, {l.name, role, group, l.password});
    return l;
}

std::string uriAs(const Login& l, const PgTestDatabase& pg) {
    return pgUriAs(l.name, l.password, pg.name());
}

std::string refusal(PgConnection& c, const std::string& sql,
                    const std::vector<store::PgParam>& params = {}) {
    try {
        c.exec(sql, params);
        return "";
    } catch (const PgError& e) {
        return e.sqlstate();
    }
}

ScenarioAssignment assignment(const std::string& trainee, const std::string& group,
                              const std::string& scenario, std::int64_t at,
                              const std::string& note = "") {
    ScenarioAssignment a;
    a.trainee = trainee;
    a.group = group;
    a.scenarioId = scenario;
    a.assignedBy = "Tessa O'Neil";
    a.assignedAtMs = at;
    a.note = note;
    return a;
}

// A desktop whose trainee `name` of `group` has played one finished attempt, synced as `uri`.
void playAndSync(store::ResultsStore& local, const std::string& name, const std::string& group,
                 const std::string& uri) {
    const auto t = local.upsertTrainee({name, "E-" + name, group});
    writeAttempt(local, t, "warmup", 100, 2, true);
    const auto r = store::syncOutbox(local.database(), uri);
    REQUIRE_MESSAGE(r.error.empty(), r.error);
    REQUIRE(r.confirmed == 1);
}

}  // namespace

TEST_CASE("central assignments: a trainer assigns to a group, another desktop pulls it first") {
    PgTestDatabase pg;
    PgConnection admin(pg.uri());
    store::migratePg(admin);
    CHECK(store::pgSchemaVersion(admin) >= 7);
    const Login ann = addLogin(admin, "ann", CentralRole::Trainee, "north");
    const Login bob = addLogin(admin, "bob", CentralRole::Trainee, "south");
    const Login tessa = addLogin(admin, "tessa", CentralRole::Trainer);
    const Login hanna = addLogin(admin, "hanna", CentralRole::Hr);
    store::grantGroup(admin, tessa.name, "north");

    TempDir dir;
    store::ResultsStore annFirst(dir.file("ann-laptop.db"));
    playAndSync(annFirst, "Ann", "north", uriAs(ann, pg));
    store::ResultsStore bobDesk(dir.file("bob.db"));
    playAndSync(bobDesk, "Bob '; DROP TABLE assignments; --", "south", uriAs(bob, pg));

    PgConnection trainer(uriAs(tessa, pg));
    const std::string toGroup =
        store::pgAddAssignment(trainer, assignment("", "north", "objections", 5000, "Vor Freitag"));
    auto personal = assignment("Ann", "", "discovery", 6000, "\"quotes\" & <tags>");
    personal.dueAtMs = 86400000LL * 20000;
    const std::string toAnn = store::pgAddAssignment(trainer, personal);
    CHECK(store::isAssignmentUid(toGroup));
    // Ann's login and group came from her attempts, which the trainer may read.
    CHECK(admin
              .exec("SELECT trainee_login::text, group_name, assigned_login::text FROM "
                    "assignments WHERE uid = $1",
                    {toAnn})
              .text(0, 0) == ann.name);
    CHECK(store::pgListAssignments(trainer).size() == 2);
    CHECK(store::pgListAssignments(trainer, "", "north").size() == 1);
    CHECK(store::pgListAssignments(trainer, "Ann").size() == 1);

    // Not a group the trainer holds, not a trainee outside it, not HR without a grant.
    CHECK_THROWS_AS(store::pgAddAssignment(trainer, assignment("", "south", "objections", 1)),
                    PgError);
    CHECK_THROWS_AS(store::pgAddAssignment(
                        trainer, assignment("Bob '; DROP TABLE assignments; --", "", "x", 1)),
                    store::AssignmentError);
    {
        PgConnection h(uriAs(hanna, pg));
        CHECK(store::pgListAssignments(h).empty());
        try {
            store::pgAddAssignment(h, assignment("", "north", "objections", 1));
            FAIL("HR without a grant assigned");
        } catch (const PgError& e) {
            CHECK(e.sqlstate() == "42501");
        }
        CHECK_FALSE(store::pgRemoveAssignment(h, toGroup, 7000));
    }
    // A trainer cannot slip a row in under someone else's name or for a trainee of another group.
    CHECK(refusal(trainer,
                  "INSERT INTO assignments (group_name, scenario_id, assigned_at, assigned_login) "
                  "VALUES ('north', 's', 1, $1)",
                  {hanna.name}) == "42501");
    CHECK(refusal(trainer,
                  "INSERT INTO assignments (group_name, trainee_login, trainee_name, scenario_id, "
                  "assigned_at) VALUES ('north', $1, 'Bob', 's', 1)",
                  {bob.name}) == "42501");
    CHECK(refusal(trainer, "DELETE FROM assignments") == "42501");

    // Ann's second desktop: nobody has played there yet, her login still brings both.
    store::ResultsStore annSecond(dir.file("ann-desktop.db"));
    annSecond.upsertTrainee({"Ann", "", "north"});
    const auto first = store::pullAssignments(annSecond, uriAs(ann, pg));
    REQUIRE_MESSAGE(!first.failed, first.error);
    CHECK(first.changes == store::CopyChanges{2, 0, 0});
    const auto local = store::listAssignments(annSecond);
    REQUIRE(local.size() == 2);
    CHECK(local[0].group == "north");
    CHECK(local[0].note == "Vor Freitag");
    CHECK(local[1].trainee == "Ann");
    CHECK(local[1].note == "\"quotes\" & <tags>");
    CHECK(local[1].dueAtMs == personal.dueAtMs);
    CHECK(store::assignmentCentralUid(annSecond, local[1].id) == toAnn);

    const auto open = openAssignments(local, "Ann", "north", {});
    REQUIRE(open.size() == 2);
    const std::vector<ScenarioOption> options = {{"objections", "Objections", {{"c1", "One"}}},
                                                 {"discovery", "Discovery", {{"c1", "One"}}},
                                                 {"warmup", "Warm-up", {{"c1", "One"}}}};
    SkillModel model;
    const auto ranked = recommendScenarios(model, "Ann", options, open, 10000);
    REQUIRE(ranked.size() == 3);
    // Dated first, then undated: both assigned ones before anything else.
    CHECK(ranked[0].scenarioId == "discovery");
    CHECK(ranked[0].reason.kind == RecommendationKind::Assigned);
    CHECK(ranked[1].scenarioId == "objections");
    CHECK(ranked[1].reason.kind == RecommendationKind::Assigned);

    // Idempotent: a second pull changes nothing.
    CHECK(store::pullAssignments(annSecond, uriAs(ann, pg)).changes == store::CopyChanges{});
    CHECK(store::listAssignments(annSecond).size() == 2);

    // Bob's login reads none of north's, and cannot add or remove any.
    {
        PgConnection b(uriAs(bob, pg));
        CHECK(b.exec("SELECT count(*) FROM assignments").integer(0, 0) == 0);
        CHECK(store::pullAssignments(bobDesk, uriAs(bob, pg)).changes == store::CopyChanges{});
        CHECK(store::listAssignments(bobDesk).empty());
        CHECK(refusal(b,
                      "INSERT INTO assignments (group_name, scenario_id, assigned_at) VALUES "
                      "('south', 's', 1)") == "42501");
        CHECK(refusal(b, "UPDATE assignments SET removed_at = 1, removed_login = current_user") ==
              "42501");
        // Even asking for Ann by name, with her group, as the pull's query does.
        CHECK(store::pgAssignmentsFor(b, {"Ann"}, {"north"}).empty());
    }
    {
        PgConnection a(uriAs(ann, pg));
        CHECK(a.exec("SELECT count(*) FROM assignments").integer(0, 0) == 2);
        CHECK(refusal(a, "UPDATE assignments SET note = 'x'") == "42501");
    }

    // A change centrally is an update here; a removal centrally is a removal here.
    admin.exec("UPDATE assignments SET note = 'Bis Freitag' WHERE uid = $1", {toGroup});
    CHECK(store::pullAssignments(annSecond, uriAs(ann, pg)).changes == store::CopyChanges{0, 1, 0});
    CHECK(store::pgRemoveAssignment(trainer, toGroup, 8000));
    CHECK_FALSE(store::pgRemoveAssignment(trainer, toGroup, 8001));  // removed already
    CHECK_FALSE(store::pgRemoveAssignment(trainer, "not-a-uuid", 8001));
    CHECK(store::pgListAssignments(trainer).size() == 1);
    CHECK(store::pgListAssignments(trainer, "", "", true).size() == 2);  // kept as a record
    CHECK(store::pullAssignments(annSecond, uriAs(ann, pg)).changes == store::CopyChanges{0, 0, 1});
    CHECK(store::pullAssignments(annSecond, uriAs(ann, pg)).changes == store::CopyChanges{});
    const auto after = store::listAssignments(annSecond);
    REQUIRE(after.size() == 1);
    CHECK(after[0].scenarioId == "discovery");

    // A desktop's own assignments are never touched by a pull.
    store::addAssignment(annSecond, assignment("Ann", "", "warmup", 9000));
    CHECK(store::pullAssignments(annSecond, uriAs(ann, pg)).changes == store::CopyChanges{});
    CHECK(store::listAssignments(annSecond).size() == 2);
}

TEST_CASE("central assignments: a pull from a server that cannot be reached keeps the copy") {
    TempDir dir;
    store::ResultsStore local(dir.file("r.db"));
    local.upsertTrainee({"Ann", "", "north"});
    store::addAssignment(local, assignment("Ann", "", "warmup", 9000));
    const auto r = store::pullAssignments(
        local, "postgresql://nobody@/nothing?host=" + dir.file("no-socket") + "&connect_timeout=2");
    CHECK(r.failed);
    CHECK_FALSE(r.error.empty());
    CHECK(store::listAssignments(local).size() == 1);
}

TEST_CASE(
    "central assignments: rapport assign --db postgresql://, rapport sync, rapport recommend") {
    PgTestDatabase pg;
    PgConnection admin(pg.uri());
    store::migratePg(admin);
    const Login ann = addLogin(admin, "cann", CentralRole::Trainee, "north");
    const Login tessa = addLogin(admin, "ctessa", CentralRole::Trainer);
    store::grantGroup(admin, tessa.name, "north");
    TempDir dir;
    const std::string desk = dir.file("ann.db");
    {
        store::ResultsStore local(desk);
        playAndSync(local, "Ann", "north", uriAs(ann, pg));
    }
    const std::string cli = shellQuoted(RAPPORT_CLI_PATH);
    const std::string asTessa = " --db " + shellQuoted(uriAs(tessa, pg));
    const std::string scenario = "bank-card-complaint";

    const auto added =
        runCommand(cli + " assign add --scenario " + scenario +
                   " --group north --due 2030-01-31 --note 'Vor Freitag' --by Tessa" + asTessa +
                   " </dev/null");
    REQUIRE_MESSAGE(added.exitCode == 0, added.err);
    // The trainee's own login may not assign, not even to their group: refused, exit 1.
    const auto refused = runCommand(cli + " assign add --scenario " + scenario +
                                    " --group north --db " + shellQuoted(uriAs(ann, pg)));
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.find("refused") != std::string::npos);
    // --data-dir means the local passphrase, which plays no part centrally.
    CHECK(runCommand(cli + " assign add --scenario " + scenario + " --group north --data-dir x" +
                     asTessa)
              .exitCode == 2);

    const auto listed = runCommand(cli + " assign list --format json" + asTessa);
    REQUIRE_MESSAGE(listed.exitCode == 0, listed.err);
    const auto list = nlohmann::json::parse(listed.out)["assignments"];
    REQUIRE(list.size() == 1);
    const std::string uid = list[0]["id"];
    CHECK(store::isAssignmentUid(uid));
    CHECK(list[0]["group"] == "north");
    CHECK(list[0]["due"] == "2030-01-31");
    CHECK(list[0]["removed"] == false);
    CHECK(added.out.find(uid) != std::string::npos);

    const std::string sync =
        cli + " sync --db " + shellQuoted(desk) + " --to " + shellQuoted(uriAs(ann, pg));
    const auto first = runCommand(sync);
    REQUIRE_MESSAGE(first.exitCode == 0, first.err);
    CHECK(first.out.find("1 new, 0 changed, 0 removed") != std::string::npos);
    const auto again = runCommand(sync);
    CHECK(again.exitCode == 0);
    CHECK(again.out.find("assignments from the central store") == std::string::npos);

    const std::string recommend =
        cli + " recommend --trainee Ann --format json --db " + shellQuoted(desk);
    const auto before = runCommand(recommend);
    REQUIRE_MESSAGE(before.exitCode == 0, before.err);
    const auto ranked = nlohmann::json::parse(before.out)["recommendations"];
    REQUIRE(!ranked.empty());
    CHECK(ranked[0]["scenario"] == scenario);
    CHECK(ranked[0]["reason"]["kind"] == "assigned");
    CHECK(ranked[0]["reason"]["note"] == "Vor Freitag");

    const auto removed = runCommand(cli + " assign remove " + uid + asTessa);
    CHECK_MESSAGE(removed.exitCode == 0, removed.err);
    CHECK(runCommand(cli + " assign remove " + uid + asTessa).exitCode == 1);
    CHECK(runCommand(cli + " assign remove 7" + asTessa).exitCode == 2);  // not a uid
    CHECK(runCommand(sync).out.find("0 new, 0 changed, 1 removed") != std::string::npos);
    const auto after = nlohmann::json::parse(runCommand(recommend).out)["recommendations"];
    REQUIRE(!after.empty());
    CHECK(after[0]["reason"]["kind"] != "assigned");
    CHECK(nlohmann::json::parse(runCommand(cli + " assign list --all --format json" + asTessa)
                                    .out)["assignments"][0]["removed"] == true);
}
