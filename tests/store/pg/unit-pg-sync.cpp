// rapport sync against a real PostgreSQL 15 (the pg.cluster.start fixture): several desktops'
// journals, the server SIGKILLed and the connection cut mid-sync, 50 desktops at once, hostile
// texts. Each time the central rows are compared, content and count, with the desktops'.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "store/pg_schema.hpp"
#include "store/sync_upload.hpp"
#include "support/build_paths.hpp"
#include "support/pg_test_cluster.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::test;
using rapport::store::PgConnection;

namespace {

// What the central store must hold of a desktop: one line per attempt and per decision.
std::vector<std::string> localRows(store::Database& db) {
    std::vector<std::string> rows;
    store::Statement a(
        db,
        "SELECT a.uid, t.name, t.group_name, a.scenario_title, a.status, "
        "a.step_count, CASE WHEN a.score IS NULL THEN '-' ELSE printf('%.6f', a.score) END, "
        "coalesce(d.report, '-'), a.timing FROM attempts a JOIN trainees t ON "
        "t.id = a.trainee_id LEFT JOIN attempt_documents d ON d.attempt_id = a.id");
    while (a.step()) {
        std::string r = "A";
        for (int i = 0; i < 9; ++i) r += "|" + a.text(i);
        rows.push_back(r);
    }
    store::Statement d(db,
                       "SELECT s.uid, a.uid, s.step, s.choice, s.step_json, s.evidence FROM "
                       "attempt_steps s JOIN attempts a ON a.id = s.attempt_id");
    while (d.step()) {
        std::string r = "D";
        for (int i = 0; i < 6; ++i) r += "|" + d.text(i);
        rows.push_back(r);
    }
    return rows;
}

std::vector<std::string> centralRows(PgConnection& c, const std::string& where = "true") {
    std::vector<std::string> rows;
    auto a = c.exec(
        "SELECT uid::text, trainee_name, group_name, scenario_title, status, "
        "step_count::text, coalesce(round(score::numeric, 6)::text, '-'), coalesce(report, '-'), "
        "timing FROM attempts WHERE " +
        where);
    for (int r = 0; r < a.rows(); ++r) {
        std::string s = "A";
        for (int i = 0; i < 9; ++i) s += "|" + a.text(r, i);
        rows.push_back(s);
    }
    auto d = c.exec(
        "SELECT d.uid::text, d.attempt_uid::text, d.step::text, d.choice, d.step_json, "
        "d.evidence FROM decisions d JOIN attempts a ON a.uid = d.attempt_uid WHERE " +
        where);
    for (int r = 0; r < d.rows(); ++r) {
        std::string s = "D";
        for (int i = 0; i < 6; ++i) s += "|" + d.text(r, i);
        rows.push_back(s);
    }
    return rows;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

// The two sides, sorted; on a difference the first differing lines are shown.
void checkSame(std::vector<std::string> central, std::vector<std::string> local) {
    central = sorted(std::move(central));
    local = sorted(std::move(local));
    CHECK(central.size() == local.size());
    const auto at = std::mismatch(central.begin(), central.end(), local.begin(), local.end());
    if (at.first != central.end() || at.second != local.end())
        FAIL_CHECK("central: " << (at.first != central.end() ? at.first->substr(0, 300) : "(end)")
                               << "\nlocal:   "
                               << (at.second != local.end() ? at.second->substr(0, 300) : "(end)"));
}

std::int64_t count(PgConnection& c, const std::string& table) {
    return c.exec("SELECT count(*) FROM " + table).integer(0, 0);
}

// A desktop: its own SQLite database with `attempts` attempts of 1–3 decisions, every third one
// left in progress. Written in one transaction (the store's calls nest as savepoints).
void fillDesktop(store::ResultsStore& db, const std::string& desktop, int attempts) {
    store::Transaction tx(db.database());
    const auto t1 = db.upsertTrainee({desktop + " Ada", "E1", "north"});
    const auto t2 = db.upsertTrainee({desktop + " Bo", "E2", "south"});
    for (int i = 0; i < attempts; ++i)
        writeAttempt(db, i % 2 ? t1 : t2, "s" + std::to_string(i % 3), 1000 + i, 1 + i % 3,
                     i % 3 != 2, 40 + i % 50 + 0.1);
    // Some trainees play with adjusted timing (sign-in): it travels with the attempt.
    db.database().exec(
        "UPDATE attempts SET timing = CASE id % 4 WHEN 1 THEN 'extended-x2' WHEN 2 THEN "
        "'untimed' ELSE 'standard' END");
    tx.commit();
}

store::SyncOptions fastRetries() {
    store::SyncOptions o;
    o.retries = 12;
    o.firstBackoffMs = 50;
    o.maxBackoffMs = 2000;
    return o;
}

}  // namespace

TEST_CASE("central store: the schema is created once and recognised") {
    PgTestDatabase pg;
    PgConnection c(pg.uri());
    CHECK(store::pgSchemaVersion(c) == 0);
    CHECK(store::migratePg(c) == 0);
    CHECK(store::migratePg(c) == store::latestPgSchemaVersion());
    CHECK(store::pgSchemaVersion(c) == store::latestPgSchemaVersion());
    // A desktop never syncs into a database nobody set up: it says what to do.
    PgTestDatabase bare;
    TempDir dir;
    store::ResultsStore local(dir.file("d.db"));
    fillDesktop(local, "d", 2);
    auto r = store::syncOutbox(local.database(), bare.uri());
    CHECK(r.unreachable);
    CHECK(r.error.find("rapport admin init") != std::string::npos);
    CHECK(store::pendingCounts(local.database()).total() == 2);
}

TEST_CASE("sync: several desktops' journals arrive once and re-sending changes nothing") {
    PgTestDatabase pg;
    PgConnection c(pg.uri());
    store::migratePg(c);
    TempDir dir;
    std::vector<std::unique_ptr<store::ResultsStore>> desktops;
    std::vector<std::string> expected;
    for (int d = 0; d < 3; ++d) {
        desktops.push_back(
            std::make_unique<store::ResultsStore>(dir.file("d" + std::to_string(d) + ".db")));
        fillDesktop(*desktops.back(), "desk" + std::to_string(d), 12);
        const auto p = store::pendingCounts(desktops.back()->database());
        CHECK(p.total() == 12);
        CHECK(p.inProgress == 4);
        CHECK(p.decisions == 24);
    }
    for (auto& d : desktops) {
        const auto r = store::syncOutbox(d->database(), pg.uri());
        CHECK(r.confirmed == 12);
        CHECK(r.refused.empty());
        CHECK_FALSE(r.unreachable);
        CHECK(store::pendingCounts(d->database()).total() == 0);
        for (auto& row : localRows(d->database())) expected.push_back(row);
    }
    CHECK(count(c, "attempts") == 36);
    CHECK(count(c, "decisions") == 72);
    checkSame(centralRows(c), expected);

    // Nothing pending: a second run sends nothing.
    CHECK(store::syncOutbox(desktops[0]->database(), pg.uri()).confirmed == 0);
    // The desktop forgets what was confirmed (a restored backup): everything is sent again,
    // and the server keeps exactly what it had.
    const auto stamp = c.exec("SELECT max(updated_at)::text FROM attempts").text(0, 0);
    desktops[0]->database().exec("DELETE FROM sync_confirmed");
    CHECK(store::syncOutbox(desktops[0]->database(), pg.uri()).confirmed == 12);
    CHECK(count(c, "attempts") == 36);
    CHECK(count(c, "decisions") == 72);
    CHECK(c.exec("SELECT max(updated_at)::text FROM attempts").text(0, 0) == stamp);
    checkSame(centralRows(c), expected);

    // An attempt in progress goes on and ends: only what is new is pending and sent.
    auto& db = *desktops[1];
    const auto open = db.listIncomplete("desk1 Bo");
    REQUIRE_FALSE(open.empty());
    const auto id = open.front().id;
    const int steps = open.front().steps;
    db.appendStep(id, sampleStep(steps + 1, "late", "end"), nlohmann::json::array(),
                  nlohmann::json{{"step", steps + 1}});
    CHECK(store::pendingCounts(db.database()).decisions == 1);
    db.finishAttempt(id, {"end", "won", 99999, sampleReport(88, true, 80, 60)});
    const auto r = store::syncOutbox(db.database(), pg.uri());
    CHECK(r.confirmed == 1);
    CHECK(count(c, "decisions") == 73);
    checkSame(centralRows(c, "trainee_name LIKE 'desk1 %'"), localRows(db.database()));
}

TEST_CASE(
    "sync: the postmaster SIGKILLed and restarted mid-sync loses nothing and doubles nothing") {
    PgTestDatabase pg;
    {
        PgConnection c(pg.uri());
        store::migratePg(c);
    }
    TempDir dir;
    store::ResultsStore local(dir.file("d.db"));
    fillDesktop(local, "crash", 150);
    auto options = fastRetries();
    options.batchSize = 20;  // several batches, so the server dies between two of them
    std::thread restarter;
    options.onConfirmed = [&](int n) {
        if (n != 60) return;
        pgCluster("kill");
        // The server comes back while the sync is backing off.
        restarter = std::thread([] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            pgCluster("restart");
        });
    };
    const auto r = store::syncOutbox(local.database(), pg.uri(), options);
    restarter.join();
    CHECK_FALSE(r.unreachable);
    CHECK(r.reconnects >= 1);
    CHECK(r.confirmed == 150);
    CHECK(store::pendingCounts(local.database()).total() == 0);
    PgConnection c(pg.uri());
    CHECK(count(c, "attempts") == 150);
    checkSame(centralRows(c), localRows(local.database()));
}

TEST_CASE("sync: a connection cut mid-sync is reopened with nothing lost and nothing twice") {
    PgTestDatabase pg;
    PgConnection c(pg.uri());
    store::migratePg(c);
    TempDir dir;
    store::ResultsStore local(dir.file("d.db"));
    fillDesktop(local, "cut", 120);
    auto options = fastRetries();
    options.batchSize = 20;  // several batches, so the connection is cut between them
    int cuts = 0;
    options.onConfirmed = [&](int n) {
        if (n % 40 != 0) return;
        // What a dropped VPN or a restarted proxy does: the server side of the socket closes.
        auto k = c.exec(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
            "current_database() AND pid <> pg_backend_pid()");
        cuts += int(k.integer(0, 0));
    };
    const auto r = store::syncOutbox(local.database(), pg.uri(), options);
    CHECK(cuts >= 2);
    CHECK_FALSE(r.unreachable);
    CHECK(r.reconnects >= 2);
    CHECK(r.confirmed == 120);
    CHECK(count(c, "attempts") == 120);
    checkSame(centralRows(c), localRows(local.database()));
}

TEST_CASE("sync: an unreachable server leaves everything waiting") {
    TempDir dir;
    store::ResultsStore local(dir.file("d.db"));
    fillDesktop(local, "away", 3);
    store::SyncOptions o;
    o.retries = 2;
    o.firstBackoffMs = 10;
    const auto r = store::syncOutbox(local.database(),
                                     "postgresql://nobody@/x?host=" + dir.path().string(), o);
    CHECK(r.unreachable);
    CHECK(r.error.find("cannot connect") != std::string::npos);
    CHECK(r.confirmed == 0);
    CHECK(store::pendingCounts(local.database()).total() == 3);
}

TEST_CASE("sync: 50 desktops x 200 attempts at once all arrive exactly once") {
    PgTestDatabase pg;
    PgConnection c(pg.uri());
    store::migratePg(c);
    TempDir dir;
    constexpr int kDesktops = 50, kAttempts = 200;
    std::vector<std::unique_ptr<store::ResultsStore>> desktops;
    for (int d = 0; d < kDesktops; ++d) {
        desktops.push_back(
            std::make_unique<store::ResultsStore>(dir.file("d" + std::to_string(d) + ".db")));
        fillDesktop(*desktops.back(), "m" + std::to_string(d), kAttempts);
    }
    std::vector<store::SyncResult> results(kDesktops);
    std::vector<std::thread> threads;
    const auto t0 = std::chrono::steady_clock::now();
    for (int d = 0; d < kDesktops; ++d)
        threads.emplace_back([&, d] {
            results[d] = store::syncOutbox(desktops[d]->database(), pg.uri(), fastRetries());
        });
    for (auto& t : threads) t.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("10,000 attempts from 50 desktops in " << s << " s");
    std::vector<std::string> expected;
    for (int d = 0; d < kDesktops; ++d) {
        CHECK(results[d].confirmed == kAttempts);
        CHECK(results[d].refused.empty());
        for (auto& row : localRows(desktops[d]->database())) expected.push_back(row);
    }
    CHECK(count(c, "attempts") == kDesktops * kAttempts);
    CHECK(count(c, "(SELECT DISTINCT uid FROM attempts) u") == kDesktops * kAttempts);
    checkSame(centralRows(c), expected);
}

TEST_CASE("sync: hostile names and texts arrive intact and NUL is refused clearly") {
    PgTestDatabase pg;
    PgConnection c(pg.uri());
    store::migratePg(c);
    TempDir dir;
    store::ResultsStore local(dir.file("d.db"));
    const std::string names[] = {"O'Brien \"the\" `tick`", "'; DROP TABLE attempts; --",
                                 "Robert'); DELETE FROM decisions WHERE ('1'='1",
                                 "$1 $$ \\x00 %s {{}} 😀 Ünïcødé", std::string(10000, 'x') + "'"};
    for (const auto& n : names) {
        const auto t = local.upsertTrainee({n, "E'1", "g'; --"});
        writeAttempt(local, t, "s'1", 5, 2, true);
    }
    std::string nul = "Nul";
    nul += '\0';
    nul += "Name";
    const auto tn = local.upsertTrainee({nul, "", ""});
    writeAttempt(local, tn, "s", 6, 1, true);
    const auto r = store::syncOutbox(local.database(), pg.uri());
    CHECK(r.confirmed == 5);
    REQUIRE(r.refused.size() == 1);
    CHECK(r.refused[0].message.find("NUL character") != std::string::npos);
    // The refused attempt stays waiting, every other one is there, byte for byte.
    CHECK(store::pendingCounts(local.database()).total() == 1);
    CHECK(count(c, "attempts") == 5);
    auto rows = c.exec("SELECT trainee_name FROM attempts ORDER BY trainee_name");
    std::vector<std::string> got;
    for (int i = 0; i < rows.rows(); ++i) got.push_back(rows.text(i, 0));
    std::vector<std::string> want(std::begin(names), std::end(names));
    CHECK(sorted(got) == sorted(want));
    CHECK(c.exec("SELECT count(*) FROM attempts WHERE employee_id = 'E''1' AND group_name = "
                 "$1",
                 {std::string("g'; --")})
              .integer(0, 0) == 5);
}

TEST_CASE("rapport sync and rapport admin init: status, exit codes and what they print") {
    PgTestDatabase pg;
    TempDir dir;
    const std::string db = dir.file("d.db");
    {
        store::ResultsStore local(db);
        fillDesktop(local, "cli", 4);
    }
    const std::string cli = shellQuoted(RAPPORT_CLI_PATH);
    const std::string env =
        "env -u RAPPORT_CENTRAL_DB XDG_CONFIG_HOME=" + shellQuoted(dir.path().string()) + " ";
    auto status = runCommand(env + cli + " sync --status --db " + shellQuoted(db));
    CHECK(status.exitCode == 0);
    CHECK(status.out == "4 attempts waiting: 1 in progress, 3 ended\n7 decisions waiting\n");
    // No central store configured: a usage error saying where one is set.
    auto none = runCommand(env + cli + " sync --db " + shellQuoted(db));
    CHECK(none.exitCode == 2);
    CHECK(none.err.find("RAPPORT_CENTRAL_DB") != std::string::npos);
    // Unreachable: 3, and everything still waiting.
    auto away = runCommand(env + cli + " sync --retries 1 --db " + shellQuoted(db) +
                           " --to 'postgresql://x@/x?host=" + dir.path().string() + "'");
    CHECK(away.exitCode == 3);
    CHECK(away.err.find("cannot connect") != std::string::npos);
    CHECK(away.err.find("4 attempts stay waiting") != std::string::npos);
    // Set up by admin init, then synced through the config file; the password never printed.
    auto init = runCommand(env + cli + " admin init --to " + shellQuoted(pg.uri()));
    CHECK(init.exitCode == 0);
    CHECK(init.out == "central store schema: version 6 (was 0)\n");
    std::filesystem::create_directories(dir.path() / "rapport");
    writeText((dir.path() / "rapport" / "config").string(),
              "# Rapport\ncentral = " + pg.uri() + "\n");
    auto sync = runCommand(env + cli + " sync --db " + shellQuoted(db));
    CHECK(sync.exitCode == 0);
    CHECK(sync.out == "4 attempts sent; 0 waiting\n");
    status = runCommand(env + cli + " sync --status --db " + shellQuoted(db));
    CHECK(status.out == "synced: nothing waiting\n");
    // One of each: the singular forms.
    {
        store::ResultsStore local(db);
        writeAttempt(local, local.upsertTrainee({"cli Ada", "E1", "north"}), "s9", 5000, 1, true);
    }
    status = runCommand(env + cli + " sync --status --db " + shellQuoted(db));
    CHECK(status.out == "1 attempt waiting: 0 in progress, 1 ended\n1 decision waiting\n");
    sync = runCommand(env + cli + " sync --db " + shellQuoted(db));
    CHECK(sync.out == "1 attempt sent; 0 waiting\n");
    PgConnection c(pg.uri());
    CHECK(count(c, "attempts") == 5);
}
