// Roles and row-level security (schema v2) against a real PostgreSQL 15: every check logs in AS
// the role it is about and runs plain SQL, the way a curious trainee with psql would, because
// the policies (not Rapport's own queries) are what keeps people's rows apart.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>

#include "store/pg_roles.hpp"
#include "store/pg_schema.hpp"
#include "store/sync_upload.hpp"
#include "support/build_paths.hpp"
#include "support/pg_test_cluster.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::test;
using rapport::store::CentralRole;
using rapport::store::PgConnection;
using rapport::store::PgError;

namespace {

// Roles are cluster-wide and outlive each test's database: every login name is unique.
std::string uniqueLogin(const std::string& stem) {
    static std::atomic<int> n{0};
    return stem + std::to_string(::getpid()) + "x" + std::to_string(n++);
}

struct Login {
    std::string name;
    std::string password;
};

Login addLogin(PgConnection& admin, const std::string& stem, CentralRole role,
               const std::string& group = "") {
    Login l{uniqueLogin(stem), "pw-" + stem + "-'\"$1"};
    store::addLogin(admin, {l.name, role, group, l.password});
    return l;
}

std::string uriAs(const Login& l, const PgTestDatabase& pg) {
    // The login may hold characters a URI must escape; the key=value form quotes instead.
    auto q = [](const std::string& s) {
        std::string out = "'";
        for (char ch : s) {
            if (ch == '\'' || ch == '\\') out += '\\';
            out += ch;
        }
        return out + "'";
    };
    return "host=" + q(pgClusterDir()) + " dbname=" + q(pg.name()) + " user=" + q(l.name) +
           " password=" + q(l.password);
}

std::int64_t count(PgConnection& c, const std::string& from) {
    return c.exec("SELECT count(*) FROM " + from).integer(0, 0);
}

// The SQLSTATE a statement fails with ("" when it succeeds).
std::string refusal(PgConnection& c, const std::string& sql,
                    const std::vector<store::PgParam>& params = {}) {
    try {
        c.exec(sql, params);
        return "";
    } catch (const PgError& e) {
        return e.sqlstate();
    }
}

// A desktop of `n` finished attempts by one trainee in `group`, synced as `login`.
void syncDesktop(const TempDir& dir, const std::string& file, const std::string& trainee,
                 const std::string& group, int n, const std::string& uri) {
    store::ResultsStore local(dir.file(file));
    const auto t = local.upsertTrainee({trainee, "E-" + trainee, group});
    for (int i = 0; i < n; ++i)
        writeAttempt(local, t, "s" + std::to_string(i % 2), 100 + i, 2, true);
    const auto r = store::syncOutbox(local.database(), uri);
    CHECK_MESSAGE(r.error.empty(), r.error);
    CHECK(r.refused.empty());
    CHECK(r.confirmed == n);
    CHECK(store::pendingCounts(local.database()).total() == 0);
}

}  // namespace

TEST_CASE("roles: a trainee syncs under RLS and reads, changes or deletes only their own rows") {
    PgTestDatabase pg;
    PgConnection admin(pg.uri());
    store::migratePg(admin);
    const Login ann = addLogin(admin, "ann", CentralRole::Trainee, "sales");
    const Login bob = addLogin(admin, "bob", CentralRole::Trainee, "sales");
    TempDir dir;
    syncDesktop(dir, "ann.db", "Ann O'Hara", "sales", 3, uriAs(ann, pg));
    syncDesktop(dir, "bob.db", "Bob '; DROP TABLE attempts; --", "sales", 4, uriAs(bob, pg));
    CHECK(count(admin, "attempts") == 7);
    CHECK(count(admin, "attempts WHERE owner_login = '" + ann.name + "'") == 3);

    PgConnection a(uriAs(ann, pg));
    CHECK(a.user() == ann.name);
    CHECK(count(a, "attempts") == 3);
    CHECK(count(a, "decisions") == 6);
    CHECK(a.exec("SELECT DISTINCT trainee_name FROM attempts").text(0, 0) == "Ann O'Hara");
    // Bob's rows do not exist for Ann: updates match nothing, even naming them outright.
    const std::string bobUid =
        admin.exec("SELECT uid::text FROM attempts WHERE owner_login = $1 LIMIT 1", {bob.name})
            .text(0, 0);
    CHECK(a.exec("UPDATE attempts SET score = 0 WHERE uid = $1", {bobUid}).affected() == 0);
    CHECK(a.exec("UPDATE attempts SET score = 0").affected() == 3);
    // Never the owner, the name or the group; never a delete.
    CHECK(refusal(a, "UPDATE attempts SET owner_login = $1", {bob.name}) == "42501");
    CHECK(refusal(a, "UPDATE attempts SET group_name = 'hr'") == "42501");
    CHECK(refusal(a, "UPDATE attempts SET trainee_name = 'x'") == "42501");
    CHECK(refusal(a, "DELETE FROM attempts") == "42501");
    CHECK(refusal(a, "DELETE FROM decisions") == "42501");
    CHECK(refusal(a, "TRUNCATE attempts") == "42501");
    // No rows in someone else's name or group, no decision added to someone else's attempt.
    const std::string insert =
        "INSERT INTO attempts (uid, owner_login, trainee_name, group_name, scenario_id, "
        "scenario_version, scenario_title, content_hash, framework_id, framework_version, mode, "
        "seed, reply_order, started_at, status, step_count) VALUES (gen_random_uuid(), $1, 'x', "
        "$2, 's', '1', 't', 'h', 'f', '1', 'practice', 1, 'fixed', 1, 'in_progress', 0)";
    CHECK(refusal(a, insert, {bob.name, std::string("sales")}) == "42501");
    CHECK(refusal(a, insert, {ann.name, std::string("board")}) == "42501");
    CHECK(refusal(a, insert, {ann.name, std::string("sales")}).empty());
    CHECK(refusal(a,
                  "INSERT INTO decisions (uid, attempt_uid, step, node, choice, timed_out, "
                  "step_json, evidence, recorded_at) VALUES (gen_random_uuid(), $1, 99, 'n', "
                  "'c', false, '{}', '[]', 1)",
                  {bobUid}) == "42501");
    // Re-sending an attempt under Bob's UUID (sync's upsert) is refused, Bob's row untouched.
    CHECK(refusal(a,
                  "INSERT INTO attempts (uid, trainee_name, group_name, scenario_id, "
                  "scenario_version, scenario_title, content_hash, framework_id, "
                  "framework_version, mode, seed, reply_order, started_at, status, step_count) "
                  "VALUES ($1, 'x', 'sales', 's', '1', 't', 'h', 'f', '1', 'practice', 1, "
                  "'fixed', 1, 'finished', 9) ON CONFLICT (uid) DO UPDATE SET step_count = 9",
                  {bobUid}) == "42501");
    CHECK(admin.exec("SELECT step_count, trainee_name FROM attempts WHERE uid = $1", {bobUid})
              .text(0, 1) == "Bob '; DROP TABLE attempts; --");
    CHECK(count(admin, "attempts WHERE owner_login = '" + bob.name + "' AND score = 75") == 4);
    // Ann sees her own login row only, no grants and no analytics views.
    CHECK(count(a, "logins") == 1);
    CHECK(refusal(a, "SELECT * FROM group_grants") == "42501");
    CHECK(refusal(a, "SELECT * FROM scenario_attempts") == "42501");
    CHECK(refusal(a, "INSERT INTO logins (login, role) VALUES ('x', 'admin')") == "42501");
}

TEST_CASE("roles: HR reads only granted groups, a trainer reads analytics without names") {
    PgTestDatabase pg;
    PgConnection admin(pg.uri());
    store::migratePg(admin);
    const std::string hostileGroup = "Sales \"EU\"'; DROP TABLE attempts; --";
    const Login ann = addLogin(admin, "ann", CentralRole::Trainee, hostileGroup);
    const Login cy = addLogin(admin, "cy", CentralRole::Trainee);  // any group
    const Login hr = addLogin(admin, "hr", CentralRole::Hr);
    const Login coach = addLogin(admin, "coach", CentralRole::Trainer);
    TempDir dir;
    const std::string annName = "Ann \"Zoë\" O'Hara 😀 $1 %s";
    syncDesktop(dir, "ann.db", annName, hostileGroup, 3, uriAs(ann, pg));
    syncDesktop(dir, "cy.db", "Cy", "ops", 2, uriAs(cy, pg));

    PgConnection h(uriAs(hr, pg));
    CHECK(count(h, "attempts") == 0);
    CHECK(count(h, "decisions") == 0);
    CHECK(store::grantGroup(admin, hr.name, hostileGroup));
    CHECK_FALSE(store::grantGroup(admin, hr.name, hostileGroup));
    CHECK(count(h, "attempts") == 3);
    CHECK(count(h, "decisions") == 6);
    auto names = h.exec("SELECT DISTINCT trainee_name, group_name FROM attempts");
    REQUIRE(names.rows() == 1);
    CHECK(names.text(0, 0) == annName);
    CHECK(names.text(0, 1) == hostileGroup);
    // HR reads, never writes, and cannot grant itself more.
    CHECK(refusal(h, "UPDATE attempts SET score = 0") == "42501");
    CHECK(refusal(h, "DELETE FROM attempts") == "42501");
    CHECK(refusal(h,
                  "INSERT INTO group_grants (login, group_name) VALUES (current_user, "
                  "'ops')") == "42501");
    CHECK(count(h, "group_grants") == 1);
    CHECK(store::revokeGroup(admin, hr.name, hostileGroup));
    CHECK_FALSE(store::revokeGroup(admin, hr.name, hostileGroup));
    CHECK(count(h, "attempts") == 0);

    // A trainer: every attempt's analytics, no names; names only of a granted group.
    PgConnection t(uriAs(coach, pg));
    CHECK(count(t, "attempts") == 0);
    CHECK(count(t, "scenario_attempts") == 5);
    CHECK(count(t, "scenario_decisions") == 10);
    auto cols = t.exec(
        "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM "
        "information_schema.columns WHERE table_name IN ('scenario_attempts', "
        "'scenario_decisions')");
    const std::string columns = cols.text(0, 0);
    for (const char* personal : {"trainee_name", "employee_id", "group_name", "owner_login", "uid"})
        CHECK_MESSAGE(
            ("," + columns + ",").find("," + std::string(personal) + ",") == std::string::npos,
            personal << " in " << columns);
    CHECK(count(t, "scenario_attempts a JOIN scenario_decisions d USING (attempt_key)") == 10);
    store::grantGroup(admin, coach.name, "ops");
    CHECK(count(t, "attempts") == 2);
    CHECK(t.exec("SELECT DISTINCT trainee_name FROM attempts").text(0, 0) == "Cy");
    // A trainee is never granted groups.
    CHECK_THROWS_AS(store::grantGroup(admin, ann.name, "ops"), store::RoleError);
    CHECK_THROWS_AS(store::grantGroup(admin, "nobody", "ops"), store::RoleError);
}

TEST_CASE("roles: an admin login adds users, names are checked, passwords stored as SCRAM") {
    PgTestDatabase pg;
    PgConnection owner(pg.uri());
    store::migratePg(owner);
    const Login boss = addLogin(owner, "boss", CentralRole::Admin);
    PgConnection b(uriAs(boss, pg));
    // A login with quotes and spaces is created and can log in with its name intact.
    const Login odd{"o'brien \"x\"; drop " + std::to_string(::getpid()), "s3cr'et \"pw\""};
    store::addLogin(b, {odd.name, CentralRole::Trainee, "", odd.password});
    PgConnection o(uriAs(odd, pg));
    CHECK(o.user() == odd.name);
    CHECK(count(b, "logins WHERE role = 'trainee'") == 1);
    auto pw = owner.exec("SELECT rolpassword FROM pg_authid WHERE rolname = $1", {odd.name});
    REQUIRE(pw.rows() == 1);
    CHECK(pw.text(0, 0).starts_with("SCRAM-SHA-256$"));
    CHECK(pw.text(0, 0).find(odd.password) == std::string::npos);
    CHECK_THROWS_AS(store::addLogin(b, {odd.name, CentralRole::Hr, "", "x"}), store::RoleError);
    CHECK_THROWS_AS(store::addLogin(b, {"rapport_admin", CentralRole::Hr, "", "x"}),
                    store::RoleError);
    CHECK_THROWS_AS(store::addLogin(b, {"pg_x", CentralRole::Hr, "", "x"}), store::RoleError);
    CHECK_THROWS_AS(store::addLogin(b, {std::string(64, 'l'), CentralRole::Hr, "", "x"}),
                    store::RoleError);
    // A trainee cannot add users.
    CHECK_THROWS_AS(store::addLogin(o, {uniqueLogin("z"), CentralRole::Admin, "", "x"}), PgError);
}

TEST_CASE("rapport admin add-user, grant, revoke: exit codes, no password on screen") {
    PgTestDatabase pg;
    TempDir dir;
    const std::string cli = shellQuoted(RAPPORT_CLI_PATH);
    const std::string env =
        "env -u RAPPORT_CENTRAL_DB XDG_CONFIG_HOME=" + shellQuoted(dir.path().string()) + " ";
    const std::string to = " --to " + shellQuoted(pg.uri());
    auto run = [&](const std::string& args) { return runCommand(env + cli + " admin " + args); };
    REQUIRE(run("init" + to).exitCode == 0);
    const std::string password = "Tr0ub4dor&3 'quoted'";
    writeText(dir.file("pw"), password + "\n");
    const std::string trainee = uniqueLogin("dee");
    auto add = run("add-user " + trainee + " --role trainee --group north --password-file " +
                   shellQuoted(dir.file("pw")) + to);
    CHECK(add.exitCode == 0);
    CHECK(add.out == "login " + trainee + " added as trainee\n");
    CHECK(add.out.find(password) == std::string::npos);
    CHECK(run("add-user " + trainee + " --role trainee" + to).exitCode == 1);
    CHECK(run("add-user x --role boss" + to).exitCode == 2);
    CHECK(run("add-user x" + to).exitCode == 2);
    CHECK(run("add-user x --role hr --password-file " + shellQuoted(dir.file("none")) + to)
              .exitCode == 2);
    CHECK(run("add-user x --role hr --password " + shellQuoted(password) + to).exitCode == 2);
    const std::string hr = uniqueLogin("hr");
    CHECK(runCommand("printf 'pw\\n' | " + env + cli + " admin add-user " + hr +
                     " --role hr --password-file -" + to)
              .exitCode == 0);
    auto grant = run("grant " + hr + " north" + to);
    CHECK(grant.exitCode == 0);
    CHECK(grant.out == hr + " may now read group north\n");
    CHECK(run("grant " + hr + " north" + to).out == hr + " could already read group north\n");
    CHECK(run("grant " + trainee + " north" + to).exitCode == 1);
    CHECK(run("revoke " + hr + " north" + to).exitCode == 0);
    auto again = run("revoke " + hr + " north" + to);
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("had no grant") != std::string::npos);
    CHECK(run("grant " + hr + to).exitCode == 2);
    CHECK(run("grant " + hr + " north --to 'postgresql://x@/x?host=" + dir.path().string() + "'")
              .exitCode == 3);
    // The trainee syncs with `rapport sync` as their own login.
    const std::string db = dir.file("d.db");
    {
        store::ResultsStore local(db);
        const auto t = local.upsertTrainee({"Dee", "E9", "north"});
        writeAttempt(local, t, "s", 1, 2, true);
        writeAttempt(local, t, "s", 2, 1, false);
    }
    // No password in the URI: libpq takes it from PGPASSWORD, as a desktop's pgpass would.
    const std::string traineeUri =
        "postgresql://" + trainee + "@/" + pg.name() + "?host=" + pgClusterDir();
    auto sync =
        runCommand("PGPASSFILE=/dev/null PGPASSWORD=" + shellQuoted(password) + " " + env + cli +
                   " sync --db " + shellQuoted(db) + " --to " + shellQuoted(traineeUri));
    CHECK_MESSAGE(sync.exitCode == 0, sync.err);
    CHECK(sync.out == "2 attempts sent; 0 waiting\n");
    PgConnection c(pg.uri());
    CHECK(count(c, "attempts WHERE owner_login = '" + trainee + "'") == 2);
}

TEST_CASE("rapport admin set-password and remove-user: the old password stops, the login goes") {
    PgTestDatabase pg;
    TempDir dir;
    const std::string cli = shellQuoted(RAPPORT_CLI_PATH);
    const std::string env =
        "env -u RAPPORT_CENTRAL_DB XDG_CONFIG_HOME=" + shellQuoted(dir.path().string()) + " ";
    const std::string to = " --to " + shellQuoted(pg.uri());
    auto run = [&](const std::string& args) { return runCommand(env + cli + " admin " + args); };
    REQUIRE(run("init" + to).exitCode == 0);
    const std::string login = uniqueLogin("eve");
    writeText(dir.file("old"), "old-pw\n");
    writeText(dir.file("new"), "new 'pw' $1\n");
    REQUIRE(
        run("add-user " + login + " --role hr --password-file " + shellQuoted(dir.file("old")) + to)
            .exitCode == 0);
    CHECK_NOTHROW(PgConnection(pgUriAs(login, "old-pw", pg.name())));
    auto set =
        run("set-password " + login + " --password-file " + shellQuoted(dir.file("new")) + to);
    CHECK_MESSAGE(set.exitCode == 0, set.err);
    CHECK(set.out == "login " + login + " has a new password\n");
    CHECK(set.out.find("new 'pw'") == std::string::npos);
    CHECK_THROWS_AS(PgConnection(pgUriAs(login, "old-pw", pg.name())), PgError);
    {
        PgConnection c("host=" + pgClusterDir() + " dbname=" + pg.name() + " user=" + login +
                       " password='new \\'pw\\' $1'");
        CHECK(c.user() == login);
    }
    CHECK(run("set-password " + login + to).exitCode == 2);  // no --password-file
    CHECK(run("set-password nobody" + std::to_string(::getpid()) + " --password-file " +
              shellQuoted(dir.file("new")) + to)
              .exitCode == 1);

    PgConnection owner(pg.uri());
    store::grantGroup(owner, login, "north");
    auto removed = run("remove-user " + login + to);
    CHECK_MESSAGE(removed.exitCode == 0, removed.err);
    CHECK(count(owner, "pg_roles WHERE rolname = '" + login + "'") == 0);
    CHECK(count(owner, "logins WHERE login = '" + login + "'") == 0);
    CHECK(count(owner, "group_grants WHERE login = '" + login + "'") == 0);
    CHECK(run("remove-user " + login + to).exitCode == 1);  // gone already
    CHECK(run("remove-user" + to).exitCode == 2);
    // Nobody removes the login they are connected as.
    CHECK_THROWS_AS(store::removeLogin(owner, owner.user()), store::RoleError);
}
