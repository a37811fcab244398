// The central store's HR aggregate (schema v6, hr_cells; store/pg_hr_cells.hpp) against a real
// PostgreSQL 15: after concurrent uploads, uploads out of start order and re-sent batches it
// holds exactly what counting the attempts again gives, its cells and totals are bit for bit
// those the attempts give, row-level security shows it as it shows the attempts, and the table
// pages through its trainees.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <thread>

#include "store/pg_hr_cells.hpp"
#include "store/pg_reports.hpp"
#include "store/pg_roles.hpp"
#include "store/pg_schema.hpp"
#include "store/results_reader.hpp"
#include "store/sync_upload.hpp"
#include "support/pg_test_cluster.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::test;
using rapport::store::CentralRole;
using rapport::store::PgConnection;

namespace {

std::string loginFor(PgConnection& owner, const PgTestDatabase& pg, const std::string& stem,
                     CentralRole role, const std::string& group, std::string* name = nullptr) {
    static std::atomic<int> n{0};
    const std::string login = stem + std::to_string(::getpid()) + "c" + std::to_string(n++);
    store::addLogin(owner, {login, role, group, "pw-" + stem});
    if (name) *name = login;
    return pgUriAs(login, "pw-" + stem, pg.name());
}

// A desktop with `count` attempts of `trainee`, started at first, first + step, …: scores whose
// sums depend on the order they are added in, every third one in exam mode, one in progress.
struct Desktop {
    TempDir dir;
    std::unique_ptr<store::ResultsStore> db;
    Desktop(const std::string& trainee, const std::string& group, int count, int first, int step) {
        db = std::make_unique<store::ResultsStore>(dir.file("d.db"));
        const auto t = db->upsertTrainee({trainee, "E-" + trainee, group});
        for (int i = 0; i < count; ++i) {
            const int start = first + i * step;
            writeAttempt(*db, t, "s" + std::to_string(i % 3), start, 1, true,
                         40 + 60.0 * double((start * 7919) % 1000) / 997.0);
        }
        writeAttempt(*db, t, "s0", first + count * step, 1, false);
        db->database().exec(
            "UPDATE attempts SET mode = CASE WHEN id % 3 = 0 THEN 'exam' ELSE 'practice' END");
    }
    store::SyncResult sync(const std::string& uri, int batch = 7) {
        store::SyncOptions o;
        o.batchSize = batch;
        return store::syncOutbox(db->database(), uri, o);
    }
};

std::int64_t count(PgConnection& c, const std::string& sql) {
    return c.exec("SELECT count(*) FROM (" + sql + ") x").integer(0, 0);
}

// hr_cells is what counting every attempt again gives, row for row, bit for bit.
void checkAggregateIsRecount(PgConnection& c) {
    const std::string of =
        c.exec("SELECT rapport_cells_of('SELECT * FROM attempts WHERE status = ''finished''')")
            .text(0, 0);
    const std::string recount =
        "SELECT mode, group_name, trainee_name, owner_login, item, n, passed, "
        "rapport_add_in_order(0, scores), best, l_at, l_uid, l_score, l_name FROM (" +
        of + ") k";
    const std::string kept = "SELECT * FROM hr_cells";
    CHECK(count(c, kept) > 0);
    CHECK(count(c, kept) == count(c, recount));
    CHECK(count(c, kept + " EXCEPT " + recount) == 0);
    CHECK(count(c, recount + " EXCEPT " + kept) == 0);
}

void checkSameCells(const std::vector<CompetencyCell>& got,
                    const std::vector<CompetencyCell>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(want[i].trainee);
        CAPTURE(want[i].competencyId);
        CHECK(got[i].trainee == want[i].trainee);
        CHECK(got[i].group == want[i].group);
        CHECK(got[i].competencyId == want[i].competencyId);
        CHECK(got[i].competencyName == want[i].competencyName);
        CHECK(got[i].assessedAttempts == want[i].assessedAttempts);
        CHECK(got[i].mean == want[i].mean);  // bit for bit
        CHECK(got[i].best == want[i].best);
        CHECK(got[i].last == want[i].last);
    }
}

// The table from the aggregate against the same table from the attempts, for every mode.
void checkTableAsAttempts(PgConnection& c, store::AttemptFilter f = {}) {
    for (const auto mode : {std::optional<AttemptMode>{}, std::optional(AttemptMode::Practice),
                            std::optional(AttemptMode::Exam)}) {
        f.mode = mode;
        const auto page = store::pgTablePage(c, f, 0, 0);
        checkSameCells(page.cells, store::pgCompetencyTableOfAttempts(c, f));
        const auto totals = store::traineeTotalsOf(store::pgAttempts(c, f, false));
        REQUIRE(page.totals.size() == totals.size());
        for (const auto& [name, t] : totals) {
            CAPTURE(name);
            REQUIRE(page.totals.count(name) == 1);
            CHECK(page.totals.at(name).attempts == t.attempts);
            CHECK(page.totals.at(name).passed == t.passed);
            CHECK(page.totals.at(name).overall == t.overall);
        }
    }
}

}  // namespace

TEST_CASE("hr_cells: concurrent and out-of-order uploads, then a re-sent batch, equal a recount") {
    PgTestDatabase pg;
    PgConnection owner(pg.uri());
    store::migratePg(owner);
    // Eight desktops of one login and trainee, their attempts interleaved in time and synced at
    // once in small batches: the same rows, locked by all of them, mostly out of start order.
    // Eight more trainees, one desktop each, beside them.
    const std::string shared = loginFor(owner, pg, "dana", CentralRole::Trainee, "north");
    std::vector<std::unique_ptr<Desktop>> desks;
    std::vector<std::string> uris;
    for (int d = 0; d < 8; ++d) {
        desks.push_back(std::make_unique<Desktop>("Dana", "north", 30, 1000 + d, 8));
        uris.push_back(shared);
        const std::string name = "T" + std::to_string(d);
        desks.push_back(std::make_unique<Desktop>(name, "south", 20, 5000, 3));
        uris.push_back(loginFor(owner, pg, "t", CentralRole::Trainee, "south"));
    }
    std::vector<store::SyncResult> results(desks.size());
    std::vector<std::thread> threads;
    for (std::size_t d = 0; d < desks.size(); ++d)
        threads.emplace_back([&, d] { results[d] = desks[d]->sync(uris[d]); });
    for (auto& t : threads) t.join();
    for (const auto& r : results) {
        CHECK(r.refused.empty());
        CHECK_FALSE(r.unreachable);
    }
    CHECK(count(owner, "SELECT * FROM attempts WHERE status = 'finished'") == 8 * 30 + 8 * 20);
    checkAggregateIsRecount(owner);
    checkTableAsAttempts(owner);

    // A desktop that forgot what was confirmed sends everything again: nothing changes.
    const std::string before = owner
                                   .exec(
                                       "SELECT md5(string_agg(c::text, '|' ORDER BY "
                                       "c::text)) FROM hr_cells c")
                                   .text(0, 0);
    desks[0]->db->database().exec("DELETE FROM sync_confirmed");
    CHECK(desks[0]->sync(uris[0]).confirmed == 31);
    CHECK(owner.exec("SELECT md5(string_agg(c::text, '|' ORDER BY c::text)) FROM hr_cells c")
              .text(0, 0) == before);

    // A desktop that was offline brings older attempts, then the open ones finish.
    Desktop late("Dana", "north", 5, 500, 1);
    CHECK(late.sync(shared).refused.empty());
    auto open = desks[2]->db->listIncomplete("Dana");
    REQUIRE_FALSE(open.empty());
    desks[2]->db->finishAttempt(open.front().id,
                                {"end", "won", 99999, sampleReport(66.6, false, 33.3, 77.7)});
    CHECK(desks[2]->sync(uris[2]).confirmed == 1);
    checkAggregateIsRecount(owner);
    checkTableAsAttempts(owner);

    // An administrator's edits and deletes recount what they touch.
    owner.exec("UPDATE attempts SET score = score + 0.1 WHERE trainee_name = 'T3'");
    owner.exec("DELETE FROM attempts WHERE trainee_name = 'T4'");
    checkAggregateIsRecount(owner);
    checkTableAsAttempts(owner);
}

TEST_CASE("hr_cells: row-level security as on attempts, no login writes it, mixed groups read") {
    PgTestDatabase pg;
    PgConnection owner(pg.uri());
    store::migratePg(owner);
    std::string annLogin;
    const std::string ann = loginFor(owner, pg, "ann", CentralRole::Trainee, "", &annLogin);
    const std::string bob = loginFor(owner, pg, "bob", CentralRole::Trainee, "north");
    // Ann moved from north to south; her name's attempts now carry two groups.
    Desktop a1("Ann", "north", 4, 100, 10), a2("Ann", "south", 4, 105, 10);
    Desktop b("Bob", "north", 6, 200, 10);
    REQUIRE(a1.sync(ann).refused.empty());
    REQUIRE(a2.sync(ann).refused.empty());
    REQUIRE(b.sync(bob).refused.empty());
    std::string hrLogin;
    const std::string hr = loginFor(owner, pg, "hr", CentralRole::Hr, "", &hrLogin);
    store::grantGroup(owner, hrLogin, "north");

    PgConnection asAnn(ann), asHr(hr);
    CHECK(count(asAnn, "SELECT * FROM hr_cells WHERE trainee_name <> 'Ann'") == 0);
    CHECK(count(asAnn, "SELECT * FROM hr_cells") > 0);
    CHECK(count(asHr, "SELECT * FROM hr_cells WHERE group_name <> 'north'") == 0);
    CHECK_THROWS_AS(asAnn.exec("UPDATE hr_cells SET best = 100"), store::PgError);
    CHECK_THROWS_AS(asAnn.exec("DELETE FROM hr_cells"), store::PgError);
    CHECK_THROWS_AS(asAnn.exec("INSERT INTO hr_cells SELECT * FROM hr_cells"), store::PgError);

    // HR's table: Ann's north attempts only, as the attempts HR may read give them; the owner's
    // table: Ann over both groups (read from her attempts), the same as counting them.
    checkTableAsAttempts(asHr);
    checkTableAsAttempts(owner);
    store::AttemptFilter north;
    north.group = "north";
    checkTableAsAttempts(owner, north);
    // A date range is answered from the attempts.
    store::AttemptFilter since;
    since.sinceMs = 130;
    CHECK_FALSE(store::hrCellsAnswer(since));
    checkSameCells(store::pgTablePage(owner, since, 0, 0).cells,
                   store::pgCompetencyTableOfAttempts(owner, since));
}

TEST_CASE("HR table pages: trainees in name order, the whole count and groups on every page") {
    PgTestDatabase pg;
    PgConnection owner(pg.uri());
    store::migratePg(owner);
    std::vector<std::unique_ptr<Desktop>> desks;
    for (int t = 0; t < 7; ++t) {
        desks.push_back(std::make_unique<Desktop>("P" + std::to_string(6 - t),
                                                  t % 2 ? "odd" : "even", 2, 100 * t, 1));
        REQUIRE(desks.back()->sync(pg.uri()).refused.empty());
    }
    const auto whole = store::pgTablePage(owner, {}, 0, 0);
    CHECK(whole.trainees == 7);
    std::vector<CompetencyCell> joined;
    std::vector<std::string> seen;
    for (std::size_t offset = 0; offset < 9; offset += 3) {
        const auto page = store::pgTablePage(owner, {}, offset, 3);
        CHECK(page.trainees == 7);
        CHECK(page.groups == std::vector<std::string>{"even", "odd"});
        CHECK(page.totals.size() == std::min<std::size_t>(3, 7 - offset));
        for (const auto& c : page.cells) {
            if (seen.empty() || seen.back() != c.trainee) seen.push_back(c.trainee);
            joined.push_back(c);
        }
    }
    CHECK(seen == std::vector<std::string>{"P0", "P1", "P2", "P3", "P4", "P5", "P6"});
    checkSameCells(joined, whole.cells);
    CHECK(store::pgTablePage(owner, {}, 7, 3).cells.empty());
    CHECK(store::pgTablePage(owner, {}, 7, 3).trainees == 7);
    // The desktop's file pages the same way.
    const auto local =
        store::openResultsReader(desks[0]->dir.file("d.db"))->tablePage({}, 0, 1, {});
    CHECK(local.trainees == 1);
    CHECK(local.cells.front().trainee == "P6");
}

TEST_CASE("HR table pages: a sort orders every trainee of the filter before the page is cut") {
    PgTestDatabase pg;
    PgConnection owner(pg.uri());
    store::migratePg(owner);
    std::vector<std::unique_ptr<Desktop>> desks;
    for (int t = 0; t < 7; ++t) {
        desks.push_back(std::make_unique<Desktop>("P" + std::to_string(t), t % 2 ? "odd" : "even",
                                                  2 + t % 3, 37 * t, 1 + t));
        REQUIRE(desks.back()->sync(pg.uri()).refused.empty());
    }
    // The pages of `sort`, three trainees at a time, joined: names in order, and each page's
    // cells and totals those of the whole table for its trainees.
    auto pagedOrder = [&](const store::AttemptFilter& f, const store::TableSort& sort) {
        const auto whole = store::pgTablePage(owner, f, 0, 0);
        std::vector<std::string> order;
        for (std::size_t offset = 0; offset < 9; offset += 3) {
            const auto page = store::pgTablePage(owner, f, offset, 3, sort);
            CHECK(page.trainees == whole.trainees);
            CHECK(page.groups == whole.groups);
            CHECK(page.order.size() == std::min<std::size_t>(3, whole.trainees - offset));
            std::vector<CompetencyCell> expected;
            for (const auto& c : whole.cells)
                if (std::find(page.order.begin(), page.order.end(), c.trainee) != page.order.end())
                    expected.push_back(c);
            checkSameCells(page.cells, expected);
            for (const auto& name : page.order) {
                REQUIRE(page.totals.count(name));
                CHECK(page.totals.at(name).overall == whole.totals.at(name).overall);
            }
            order.insert(order.end(), page.order.begin(), page.order.end());
        }
        return order;
    };

    // Highest overall score first, from the attempts themselves.
    std::map<std::string, std::pair<double, int>> sums;
    for (const auto& a : store::pgAttempts(owner, {}, false))
        if (a.status == AttemptStatus::Finished && a.score) {
            sums[a.trainee].first += *a.score;
            ++sums[a.trainee].second;
        }
    std::vector<std::pair<double, std::string>> overall;
    for (const auto& [name, s] : sums) overall.push_back({s.first / s.second, name});
    std::sort(overall.begin(), overall.end(), [](auto& a, auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> expected;
    for (const auto& o : overall) expected.push_back(o.second);
    REQUIRE(expected.size() == 7);
    REQUIRE(expected != std::vector<std::string>{"P0", "P1", "P2", "P3", "P4", "P5", "P6"});
    store::TableSort byOverall{store::TableSort::Key::Overall, "", true};
    CHECK(pagedOrder({}, byOverall) == expected);
    // The same order when the table comes from the attempts (a date filter) and from SQLite.
    store::AttemptFilter since;
    since.sinceMs = 0;
    CHECK(pagedOrder(since, byOverall) == expected);

    // A competency, lowest mean first.
    const auto whole = store::pgTablePage(owner, {}, 0, 0);
    const std::string comp = whole.cells.front().competencyId;
    std::vector<std::pair<double, std::string>> means;
    for (const auto& c : whole.cells)
        if (c.competencyId == comp) means.push_back({c.mean, c.trainee});
    std::sort(means.begin(), means.end());
    expected.clear();
    for (const auto& m : means) expected.push_back(m.second);
    for (const auto& c : whole.cells)
        if (std::find(expected.begin(), expected.end(), c.trainee) == expected.end())
            expected.push_back(c.trainee);
    CHECK(pagedOrder({}, {store::TableSort::Key::Competency, comp, false}) == expected);
    // Name Z→A over the pages too.
    CHECK(pagedOrder({}, {store::TableSort::Key::Trainee, "", true}) ==
          std::vector<std::string>{"P6", "P5", "P4", "P3", "P2", "P1", "P0"});

    // The desktop's file sorts the same way before cutting.
    const auto local =
        store::openResultsReader(desks[0]->dir.file("d.db"))->tablePage({}, 0, 1, byOverall);
    CHECK(local.order == std::vector<std::string>{"P0"});
}
