// The debrief's scoring job on a recorded attempt: scored once, by the recorder's definition, and
// stored byte for byte as `rapport play --trainee` (AttemptRecorder::finish) stores it, whether
// the best path is searched by the job or reused from an earlier attempt.
#include <doctest/doctest.h>

#include "app/trainee/scoring_job.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/play/scripted_play.hpp"
#include "store/attempt_recorder.hpp"
#include "store/sqlite_db.hpp"
#include "store/write_queue.hpp"
#include "support/build_paths.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::TempDir;

namespace {

// The stored report exactly as it is in the database file.
std::string storedReportText(store::ResultsStore& db, std::int64_t attempt) {
    store::Statement s(db.database(), "SELECT report FROM attempt_documents WHERE attempt_id = ?");
    s.bind(1, attempt);
    REQUIRE(s.step());
    return s.text(0);
}

struct Played {
    ManualClock clock;
    std::optional<Session> session;
};

void play(Played& p, const Scenario& s, const std::string& choices) {
    std::string error;
    auto entries = parseChoiceScript(choices, error);
    REQUIRE(entries);
    p.session.emplace(s, p.clock, 0);
    CHECK(playScript(*p.session, p.clock, *entries) == "");
    REQUIRE(p.session->finished());
}

// A playable scenario with its framework, as the app opens one.
struct Opened {
    ScenarioCheck check;
    FrameworkLookup found;
};

void open(Opened& o, const std::string& path) {
    o.check = checkScenarioFile(path);
    REQUIRE(o.check.playable());
    o.found = lookupFramework(o.check.scenario->framework,
                              frameworkSearchPath(o.check.scenario->sourcePath));
    REQUIRE(o.found.framework);
}

}  // namespace

TEST_CASE(
    "scoring job: a recorded attempt's stored report is byte-identical to the recorder's own "
    "finish") {
    Opened o;
    open(o, std::string(RAPPORT_SOURCE_DIR) + "/scenarios/loyal-client-referrals.json");
    const Scenario& s = *o.check.scenario;
    const Framework& f = *o.found.framework;
    OptimumOutcome best = computeOptimum(s, f);
    REQUIRE(best.optimum);

    TempDir dir;
    store::ResultsStore db(dir.file("results.db"));
    const store::TraineeInfo anna{"Anna Petrova", "", ""};
    const std::int64_t endedAt = 1'735'689'700'000;
    // The best path and a first-reply-everywhere path: one passes, one does not.
    for (const std::string& choices : {best.optimum->bestPath, std::string()}) {
        CAPTURE(choices);
        Played p;
        std::string path = choices;
        if (path.empty()) {
            // Always the first reply shown, until an ending.
            p.session.emplace(s, p.clock, 0);
            while (!p.session->finished()) {
                if (p.session->choices().empty())
                    p.session->timeout();
                else
                    REQUIRE(p.session->choose(0));
            }
        } else {
            play(p, s, path);
        }
        const Session& done = *p.session;

        // As the CLI stores it: the recorder scores and stores (the behaviour before this change:
        // scoreTranscript with no optimum given, searched inside).
        auto cli = store::AttemptRecorder::begin(db, anna, s, findScenarioFramework(s),
                                                 AttemptMode::Practice, 0, 1000);
        PlayScore cliScore = cli.finish(done, endedAt);
        REQUIRE(cliScore.report);
        const std::string expected = reportToJson(scoreTranscript(s, f, done.transcript())).dump();
        CHECK(storedReportText(db, cli.attemptId()) == expected);

        // As the app stores it, twice: the job searching the best path itself, then reusing it.
        std::optional<ScenarioOptimum> known;
        std::string knownFramework;
        for (int round = 0; round < 2; ++round) {
            CAPTURE(round);
            store::WriteQueue writes;
            ScoringInput in;
            in.scenario = &s;
            in.sessionState = done.save();
            in.framework = &f;
            in.optimum = known;
            in.optimumFramework = knownFramework;
            in.recorder = std::make_shared<store::AttemptRecorder>(store::AttemptRecorder::begin(
                db, anna, s, findScenarioFramework(s), AttemptMode::Practice, 0, 1000));
            const std::int64_t attempt = in.recorder->attemptId();
            in.writes = &writes;
            in.endedAtMs = endedAt;
            ScoringResult r = scoreFinishedAttempt(std::move(in));
            CHECK(r.saving);
            REQUIRE(r.report);
            CHECK(r.error.empty());
            if (round == 0) {
                // Searched once here and handed back ...
                REQUIRE(r.optimum);
                CHECK(r.optimum->best == best.optimum->best);
                CHECK(r.optimumFramework == f.contentHash);
                known = r.optimum;
                knownFramework = r.optimumFramework;
            } else {
                CHECK_FALSE(r.optimum);  // ... and not searched again
            }
            writes.drain();
            CHECK(writes.takeFailures().empty());
            CHECK(reportToJson(*r.report).dump() == expected);  // what the debrief shows
            CHECK(storedReportText(db, attempt) == expected);   // what is stored
            store::StoredAttempt a = db.loadAttempt(attempt);
            CHECK(a.record.status == AttemptStatus::Finished);
            CHECK(a.record.endedAtMs == endedAt);
            CHECK(a.record.steps == int(done.transcript().steps.size()));
        }
    }
}

TEST_CASE("scoring job: an optimum found under another framework version is not reused") {
    Opened o;
    open(o, std::string(RAPPORT_FIXTURES_DIR) + "/gui/unicode-trio.json");
    const Scenario& s = *o.check.scenario;
    const FrameworkLookup& found = o.found;
    Played p;
    play(p, s, "1,1,1");
    ScoringInput in;
    in.scenario = &s;
    in.sessionState = p.session->save();
    in.framework = &*found.framework;
    in.optimum = ScenarioOptimum{1, "1", 1, 0};  // wrong on purpose: must not be used
    in.optimumFramework = "another framework's hash";
    ScoringResult r = scoreFinishedAttempt(std::move(in));
    REQUIRE(r.report);
    REQUIRE(r.optimum);  // searched again
    CHECK(reportToJson(*r.report) ==
          reportToJson(scoreTranscript(s, *found.framework, p.session->transcript())));
}
