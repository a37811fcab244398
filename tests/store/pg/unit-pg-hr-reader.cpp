// The HR pages' data layer over the central store (store/results_reader.hpp), against a real
// PostgreSQL 15: an HR login sees the attempts other desktops synced, with the same figures as
// those desktops' own files, and nothing of a group it was not granted. Also the schema v4 step
// that gives rows synced before it their competency summary.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <set>

#include "store/pg_competencies.hpp"
#include "store/pg_reports.hpp"
#include "store/pg_roles.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_target.hpp"
#include "store/results_reader.hpp"
#include "store/sync_upload.hpp"
#include "support/pg_test_cluster.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::test;
using rapport::store::CentralRole;
using rapport::store::PgConnection;

namespace {

struct Login {
    std::string name, uri;
};

// Roles are cluster-wide and outlive each test's database: every login name is unique.
Login loginFor(PgConnection& owner, const PgTestDatabase& pg, const std::string& stem,
               CentralRole role, const std::string& group = "") {
    static std::atomic<int> n{0};
    const std::string name = stem + std::to_string(::getpid()) + "h" + std::to_string(n++);
    store::addLogin(owner, {name, role, group, "pw-" + stem});
    return {name, pgUriAs(name, "pw-" + stem, pg.name())};
}

// One desktop: its own file, one trainee, `finished` attempts and one in progress, synced as
// the desktop's trainee login.
struct Desktop {
    TempDir dir;
    std::string file = dir.file("d.db");
    Desktop(const std::string& trainee, const std::string& group, int finished, int start,
            const std::string& uri) {
        store::ResultsStore db(file);
        const auto t = db.upsertTrainee({trainee, "E-" + trainee, group});
        for (int i = 0; i < finished; ++i)
            writeAttempt(db, t, "s" + std::to_string(i % 2), start + i, 2 + i, true,
                         52.5 + 11.25 * i);
        writeAttempt(db, t, "s0", start + 50, 1, false);
        const auto r = store::syncOutbox(db.database(), uri);
        REQUIRE(r.confirmed == finished + 1);
        REQUIRE(r.refused.empty());
    }
};

void checkSameCells(const std::vector<CompetencyCell>& central,
                    const std::vector<CompetencyCell>& local) {
    REQUIRE(central.size() == local.size());
    for (std::size_t i = 0; i < local.size(); ++i) {
        CAPTURE(local[i].trainee);
        CAPTURE(local[i].competencyId);
        CHECK(central[i].trainee == local[i].trainee);
        CHECK(central[i].group == local[i].group);
        CHECK(central[i].competencyId == local[i].competencyId);
        CHECK(central[i].competencyName == local[i].competencyName);
        CHECK(central[i].assessedAttempts == local[i].assessedAttempts);
        CHECK(central[i].mean == local[i].mean);  // bit for bit, not approximately
        CHECK(central[i].best == local[i].best);
        CHECK(central[i].last == local[i].last);
    }
}

}  // namespace

TEST_CASE("HR over the central store reads other desktops' attempts, only of granted groups") {
    PgTestDatabase pg;
    PgConnection owner(pg.uri());
    store::migratePg(owner);
    Desktop ann("Ann", "north", 3, 1000,
                loginFor(owner, pg, "ann", CentralRole::Trainee, "north").uri);
    Desktop bob("Bob", "north", 2, 2000,
                loginFor(owner, pg, "bob", CentralRole::Trainee, "north").uri);
    Desktop cleo("Cleo", "south", 2, 3000,
                 loginFor(owner, pg, "cleo", CentralRole::Trainee, "south").uri);
    const Login hrLogin = loginFor(owner, pg, "hr", CentralRole::Hr);
    store::grantGroup(owner, hrLogin.name, "north");

    auto hr = store::openResultsReader(hrLogin.uri);
    const auto all = hr->attempts({}, true);
    std::set<std::string> trainees;
    for (const auto& a : all) trainees.insert(a.trainee);
    CHECK(all.size() == 4 + 3);  // Ann's and Bob's, each with one in progress
    CHECK(trainees == std::set<std::string>{"Ann", "Bob"});
    store::AttemptFilter south;
    south.group = "south";
    CHECK(hr->attempts(south, true).empty());
    CHECK(hr->competencyTable(south).empty());

    // Bob's figures as Bob's own desktop gives them, page by page.
    auto bobsFile = store::openResultsReader(bob.file);
    store::AttemptFilter bobOnly;
    bobOnly.trainee = "Bob";
    checkSameCells(hr->competencyTable(bobOnly), bobsFile->competencyTable(bobOnly));
    const auto central = hr->attempts(bobOnly, true);
    const auto local = bobsFile->attempts(bobOnly, true);
    REQUIRE(central.size() == local.size());
    for (std::size_t i = 0; i < local.size(); ++i) {
        CHECK(central[i].uid == local[i].uid);
        CHECK(central[i].score == local[i].score);
        CHECK(central[i].passed == local[i].passed);
        REQUIRE(central[i].competencies.size() == local[i].competencies.size());
        for (std::size_t k = 0; k < local[i].competencies.size(); ++k) {
            CHECK(central[i].competencies[k].id == local[i].competencies[k].id);
            CHECK(central[i].competencies[k].score == local[i].competencies[k].score);
            CHECK(central[i].competencies[k].level == local[i].competencies[k].level);
            CHECK(central[i].competencies[k].rated == local[i].competencies[k].rated);
        }
    }
    // The attempt page: Bob's decisions and report, read from the server.
    const auto& last = central[1];
    const auto stored = hr->loadAttempt(last);
    const auto mine = bobsFile->loadAttempt(local[1]);
    CHECK(stored.record.uid == last.uid);
    CHECK(stored.record.id == last.id);
    CHECK(stored.transcript.steps.size() == mine.transcript.steps.size());
    CHECK(stored.transcript.steps.back().choiceText == mine.transcript.steps.back().choiceText);
    CHECK(stored.evidence == mine.evidence);
    CHECK(stored.report == mine.report);

    // Cleo's attempt cannot be opened by its uid either: to HR it does not exist.
    auto cleosFile = store::openResultsReader(cleo.file);
    const auto hidden = cleosFile->attempts({}, false).front();
    CHECK_THROWS_AS(hr->loadAttempt(hidden), store::PgError);

    // The whole table: Ann's and Bob's rows, as the two desktops' files give them.
    auto table = hr->competencyTable({});
    std::vector<CompetencyCell> both = store::openResultsReader(ann.file)->competencyTable({});
    for (auto& c : bobsFile->competencyTable({})) both.push_back(c);
    checkSameCells(table, both);
    // The table's narrow read gives the cells of the attempts themselves.
    checkSameCells(table, buildCompetencyTable(hr->attempts({}, true)));
}

TEST_CASE("schema v4 gives attempts synced before it their competency summary") {
    PgTestDatabase pg;
    PgConnection owner(pg.uri());
    store::migratePg(owner);
    Desktop ann("Ann", "north", 3, 1000, pg.uri());
    const auto before = store::pgAttempts(owner, {});
    // As a v3 server had them: no columns, no HR aggregate (v6), no assignments, version 3.
    owner.execScript(
        "DROP FUNCTION rapport_cells_maintain() CASCADE; DROP FUNCTION rapport_recount_cell; "
        "DROP FUNCTION rapport_cells_of; DROP FUNCTION rapport_add_in_order; "
        "DROP FUNCTION rapport_cell_items; DROP TABLE hr_cells; "
        "ALTER TABLE attempts DROP COLUMN competencies; ALTER TABLE attempts DROP COLUMN timing; "
        "DROP TABLE assignments; "
        "ALTER TABLE attempts DROP COLUMN campaign_id, DROP COLUMN campaign_version, "
        "DROP COLUMN campaign_run, DROP COLUMN campaign_meeting, DROP COLUMN carried_start, "
        "DROP COLUMN final_state; "
        "UPDATE rapport_schema SET version = 3");
    CHECK(store::migratePg(owner) == 3);
    CHECK(store::pgSchemaVersion(owner) == store::latestPgSchemaVersion());
    auto r = owner.exec("SELECT status, report, competencies FROM attempts ORDER BY started_at");
    REQUIRE(r.rows() == 4);
    for (int i = 0; i < r.rows(); ++i) {
        CAPTURE(i);
        if (r.text(i, 0) == "finished")
            CHECK(r.text(i, 2) == store::competencySummaryText(r.text(i, 1)).value());
        else
            CHECK(r.isNull(i, 2));
    }
    // A row still without one (an older desktop's upload) is read from its report, the same.
    owner.execScript("UPDATE attempts SET competencies = NULL");
    const auto after = store::pgAttempts(owner, {});
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        REQUIRE(after[i].competencies.size() == before[i].competencies.size());
        for (std::size_t k = 0; k < after[i].competencies.size(); ++k) {
            CHECK(after[i].competencies[k].id == before[i].competencies[k].id);
            CHECK(after[i].competencies[k].score == before[i].competencies[k].score);
            CHECK(after[i].competencies[k].earned == before[i].competencies[k].earned);
            CHECK(after[i].competencies[k].confidence == before[i].competencies[k].confidence);
        }
    }
}

TEST_CASE("the competency summary gives back every field of the report's competencies") {
    const auto report = sampleReport(61.7, false, 1.0 / 3.0, 50).dump();
    const auto summary = store::competencySummaryText(report);
    REQUIRE(summary);
    const auto fromReport = store::competenciesOfReport(report);
    const auto back = store::parseCompetencySummary(*summary);
    REQUIRE(back.size() == fromReport.size());
    REQUIRE(back.size() == 3);
    CHECK(back[0].id == "closing");  // id order, as the desktop's competency rows come back
    for (std::size_t i = 0; i < back.size(); ++i) {
        CAPTURE(back[i].id);
        CHECK(back[i].id == fromReport[i].id);
        CHECK(back[i].name == fromReport[i].name);
        CHECK(back[i].score == fromReport[i].score);  // 1/3 exactly, not to some digits
        CHECK(back[i].earned == fromReport[i].earned);
        CHECK(back[i].available == fromReport[i].available);
        CHECK(back[i].level == fromReport[i].level);
        CHECK(back[i].assessed == fromReport[i].assessed);
        CHECK(back[i].rated == fromReport[i].rated);
        CHECK(back[i].opportunities == fromReport[i].opportunities);
        CHECK(back[i].confidence == fromReport[i].confidence);
    }
    // Names with every kind of character JSON escapes, or does not, come back as they were.
    auto hostile = sampleReport(50, false, 40, 50);
    const std::string name = "Quote \" back\\slash /tab\t ctl\x01 nul" + std::string(1, '\0') +
                             " ünï 😀 '; DROP TABLE attempts; --";
    hostile["competencies"][0]["name"] = name;
    hostile["competencies"][1]["confidence"] = "\n";
    const auto odd =
        store::parseCompetencySummary(store::competencySummaryText(hostile.dump()).value());
    REQUIRE(odd.size() == 3);
    CHECK(odd[1].name == name);  // needs_discovery, second in id order
    CHECK(odd[2].confidence == "\n");
    // What a later version may append is skipped.
    const auto longer =
        store::parseCompetencySummary(R"([["a","A",1.5,0,2,"L",true,true,3,"ok","new field"]])");
    REQUIRE(longer.size() == 1);
    CHECK(longer[0].score == 1.5);
    CHECK(longer[0].available == 2);
    CHECK_FALSE(store::competencySummaryText("{not json"));
    CHECK(store::parseCompetencySummary("[[1,2]]").empty());
    CHECK(store::parseCompetencySummary("garbage").empty());
}

TEST_CASE("array parameters carry quotes, backslashes, braces and NULL through unnest") {
    PgTestDatabase pg;
    PgConnection c(pg.uri());
    const std::vector<store::PgParam> values = {std::string("plain"),
                                                std::string("a \"quoted\" \\ back\\slash"),
                                                std::nullopt,
                                                std::string("{braces},commas"),
                                                std::string(""),
                                                std::string("NULL"),
                                                std::string("'; DROP TABLE x; --")};
    auto r = c.exec("SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n",
                    {store::pgArray(values)});
    REQUIRE(r.rows() == int(values.size()));
    for (int i = 0; i < r.rows(); ++i) {
        CAPTURE(i);
        CHECK(r.optText(i, 0) == values[std::size_t(i)]);
    }
    CHECK_THROWS_AS(c.exec("SELECT $1::text[]",
                           {store::pgArray(std::vector<std::string>{std::string("a\0b", 3)})}),
                    store::PgError);
}

TEST_CASE("the source HR sees is named without its password") {
    CHECK(store::shownUri("postgresql://hanna:s3cret@db.example.com:5432/rapport?sslmode=verify-"
                          "full&password=x") == "postgresql://hanna@db.example.com:5432/rapport");
    CHECK(store::shownUri("postgres://db/rapport") == "postgres://db/rapport");
    CHECK(store::shownUri("postgresql://u:p@w@/db?host=/tmp") == "postgresql://u@/db");
}
