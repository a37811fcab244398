// Item analysis, reliability and norms from the central store: a small fixture of played
// attempts synced from a desktop file gives, read back from PostgreSQL (store/pg_responses), the
// same AttemptResponses and so the same figures as from SQLite, and the figures that can be
// worked out by hand are checked against the hand.
#include <doctest/doctest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/library/scenario_library.hpp"
#include "core/reports/report_items.hpp"
#include "store/attempt_responses.hpp"
#include "store/pg_responses.hpp"
#include "store/pg_roles.hpp"
#include "store/pg_schema.hpp"
#include "store/sync_upload.hpp"
#include "support/build_paths.hpp"
#include "support/pg_test_cluster.hpp"
// scoring_fixtures.hpp uses checkScenarioScoring without declaring it.
#include "core/checks/evidence_check.hpp"
#include "support/scoring_fixtures.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

struct Sitting {
    const char* trainee;
    AttemptMode mode;
    const char* script;  // replies by number over rules.json's three decisions
    double score;
};

// Seven exam sittings (Ann, Ben and Cat twice: a test-retest of three pairs) and one practice.
const Sitting kSittings[] = {
    {"Ann", AttemptMode::Exam, "2,1,1", 90},     {"Ben", AttemptMode::Exam, "2,2,1", 70},
    {"Cat", AttemptMode::Exam, "1,1,2", 50},     {"Dan", AttemptMode::Exam, "1,2,2", 20},
    {"Eve", AttemptMode::Practice, "2,2,2", 40}, {"Ann", AttemptMode::Exam, "2,1,2", 85},
    {"Ben", AttemptMode::Exam, "1,1,1", 55},     {"Cat", AttemptMode::Exam, "1,2,2", 45},
};

void fill(store::ResultsStore& db, const Loaded& l) {
    std::int64_t start = 1'700'000'000'000;
    for (const auto& s : kSittings) {
        const auto trainee = db.upsertTrainee({s.trainee, "", "north"});
        const Transcript t = play(l.scenario, s.script);
        store::AttemptStart a;
        a.traineeId = trainee;
        a.scenarioId = l.scenario.id;
        a.scenarioVersion = l.scenario.version;
        a.scenarioTitle = l.scenario.title;
        a.contentHash = std::string(64, 'a');
        a.frameworkId = "scoring-test";
        a.frameworkVersion = "1.0.0";
        a.mode = s.mode;
        a.seed = t.seed;
        a.replyOrder = t.replyOrder;
        a.startedAtMs = start += 60'000;
        const auto id = db.beginAttempt(a);
        for (const auto& step : t.steps)
            db.appendStep(id, step, nlohmann::json::array(), nlohmann::json::object());
        db.finishAttempt(id, {t.endingNode, "won", start + 500,
                              sampleReport(s.score, s.score >= 70, s.score, s.score)});
    }
}

nlohmann::json withoutGeneratedAt(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    j.erase("generatedAt");
    return j;
}

}  // namespace

TEST_CASE("item analysis, reliability and norms from PostgreSQL equal SQLite's and the hand's") {
    PgTestDatabase pg;
    store::PgConnection owner(pg.uri());
    store::migratePg(owner);
    TempDir dir;
    const std::string db = dir.file("d.db");
    const auto l = load(kScoring + "rules.json");
    {
        store::ResultsStore local(db);
        fill(local, l);
        REQUIRE(store::syncOutbox(local.database(), pg.uri()).confirmed == 8);
    }
    const ScenarioLibrary library = loadScenarioLibrary({kScoring + "rules.json"});
    const auto lookup = store::libraryLookup(library);

    // The same decisions, attempt by attempt.
    store::ResultsStore local(db, [] {
        store::StoreOptions o;
        o.readOnly = true;
        return o;
    }());
    const auto fromSqlite = store::attemptResponses(local, {}, lookup);
    const auto fromPg = store::pgAttemptResponses(owner, {}, lookup);
    CHECK(fromPg.skipped == 0);
    REQUIRE(fromPg.attempts.size() == 8);
    REQUIRE(fromSqlite.attempts.size() == 8);
    for (std::size_t i = 0; i < 8; ++i) {
        const auto& a = fromSqlite.attempts[i];
        const auto& b = fromPg.attempts[i];
        CHECK(a.trainee == b.trainee);
        CHECK(a.mode == b.mode);
        CHECK(a.startedAtMs == b.startedAtMs);
        CHECK(a.score == b.score);
        REQUIRE(a.decisions.size() == 3);
        REQUIRE(b.decisions.size() == 3);
        for (std::size_t d = 0; d < 3; ++d) {
            CHECK(a.decisions[d].node == b.decisions[d].node);
            CHECK(a.decisions[d].choice == b.decisions[d].choice);
            CHECK(a.decisions[d].shown == b.decisions[d].shown);
            CHECK(a.decisions[d].points == b.decisions[d].points);
            CHECK(a.decisions[d].bestPoints == b.decisions[d].bestPoints);
            CHECK(a.decisions[d].evidence == b.decisions[d].evidence);
        }
    }

    // The figures by hand, from the PostgreSQL read.
    const auto modes = statisticsByMode(fromPg.attempts, std::nullopt);
    REQUIRE(modes.size() == 2);
    const ModeStatistics& exam = modes[1];
    CHECK(exam.mode == AttemptMode::Exam);
    CHECK(exam.attempts == 7);
    REQUIRE(exam.items.size() == 3);
    for (const auto& item : exam.items) {
        CHECK(item.responses == 7);  // every sitting passes all three decisions
        int chosen = 0;
        for (const auto& r : item.replies) chosen += r.chosen;
        CHECK(chosen == 7);
    }
    // open: reply "2" in three exam sittings (Ann twice, Ben once) of seven; Eve practised.
    const auto& open = exam.items[0];
    CHECK(open.node == "open");
    const std::string second = play(l.scenario, "2,1,1").steps[0].choice;
    for (const auto& r : open.replies)
        CHECK(r.rate == doctest::Approx(r.choice == second ? 3.0 / 7 : 4.0 / 7));
    // Test-retest: Ann 90 → 85, Ben 70 → 55, Cat 50 → 45 (Dan sat once).
    // Sxy = 20·23.33 + 0 + (−20)(−16.67) = 800, Sxx = 800, Syy = 866.67: r = √(800/866.67).
    REQUIRE(exam.retest.size() == 1);
    REQUIRE(exam.retest[0].r.value);
    CHECK(*exam.retest[0].r.value == doctest::Approx(0.9607689));
    CHECK(exam.retest[0].r.n == 3);
    CHECK_FALSE(exam.retest[0].r.trustworthy);
    // Norms of the seven exam scores 20 45 50 55 70 85 90 (linear between closest ranks).
    REQUIRE(exam.norms.size() == 1);
    const ScoreNorm& n = exam.norms[0];
    CHECK(n.group == "north");
    CHECK(n.n == 7);
    CHECK(n.mean == doctest::Approx(415.0 / 7));
    REQUIRE(n.sd);
    CHECK(*n.sd == doctest::Approx(24.39750));
    CHECK(n.min == 20);
    CHECK(n.max == 90);
    CHECK(n.p10 == doctest::Approx(35));
    CHECK(n.p25 == doctest::Approx(47.5));
    CHECK(n.p50 == doctest::Approx(55));
    CHECK(n.p75 == doctest::Approx(77.5));
    CHECK(n.p90 == doctest::Approx(87));
    CHECK(modes[0].attempts == 1);  // Eve's practice, apart

    // The CLI: the same document from either store, every figure included.
    const std::string cli = shellQuoted(RAPPORT_CLI_PATH);
    auto report = [&](const std::string& from, const std::string& args) {
        const auto r = runCommand(cli + " report --db " + shellQuoted(from) + " --scenarios " +
                                  shellQuoted(kScoring) + " " + args);
        CHECK_MESSAGE(r.exitCode == 0, r.err);
        return r.out;
    };
    for (const std::string filter : {"", "--mode exam", "--trainee Ann"}) {
        CAPTURE(filter);
        CHECK(withoutGeneratedAt(report(pg.uri(), "--format items-json " + filter)) ==
              withoutGeneratedAt(report(db, "--format items-json " + filter)));
        CHECK(report(pg.uri(), "--format items " + filter) ==
              report(db, "--format items " + filter));
    }
    const std::string page = report(pg.uri(), "--format html-items --lang en");
    CHECK(page.find("<html lang=\"en\">") != std::string::npos);
    CHECK(page.find("Exam attempts") != std::string::npos);

    // An HR login without a grant reads no attempt, so no figure.
    const std::string hr = "hri" + std::to_string(::getpid());
    store::addLogin(owner, {hr, store::CentralRole::Hr, "", "hr-pw"});
    const std::string hrUri =
        "postgresql://" + hr + ":hr-pw@/" + pg.name() + "?host=" + pgClusterDir();
    const auto none = withoutGeneratedAt(report(hrUri, "--format items-json"));
    CHECK(none["modes"][1]["attempts"] == 0);
    store::grantGroup(owner, hr, "north");
    CHECK(withoutGeneratedAt(report(hrUri, "--format items-json")) ==
          withoutGeneratedAt(report(db, "--format items-json")));
}
