// AttemptRecorder: a Session's decisions journaled as they happen, the ending with its score
// report, and resume from the journaled state (refused when the scenario file changed).
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>

#include "core/checks/scenario_check.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/play/scripted_play.hpp"
#include "core/scoring/scoring.hpp"
#include "store/attempt_recorder.hpp"
#include "store/store_schema.hpp"
#include "support/build_paths.hpp"
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

// Plays `script` ("1,2,1") on `s`, journaling each decision through `rec`.
void play(Session& s, ManualClock& clock, AttemptRecorder& rec, const char* script) {
    std::string error;
    auto entries = parseChoiceScript(script, error);
    REQUIRE(entries);
    std::string result =
        playScript(s, clock, *entries, [&](const Session& after) { rec.record(after); });
    // A partial script stops short of an ending: that is the interruption under test.
    if (!result.empty())
        CHECK(result.find("the script ended but the conversation did not") != std::string::npos);
}

}  // namespace

TEST_CASE("recorder: each decision is journaled as it happens, the ending with its report") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    Scenario hub = loadHub();
    ManualClock clock;
    Session s(hub, clock, 17);
    AttemptRecorder rec = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                 AttemptMode::Exam, 17, 1'735'689'600'000);

    StoredAttempt fresh = db.loadAttempt(rec.attemptId());
    CHECK(fresh.record.status == AttemptStatus::InProgress);
    CHECK(fresh.record.trainee == "Anna Petrova");
    CHECK(fresh.record.group == "Sales North");
    CHECK(fresh.record.mode == AttemptMode::Exam);
    CHECK(fresh.record.contentHash == hub.contentHash);
    CHECK(fresh.record.frameworkId == "account-manager");
    CHECK_FALSE(fresh.record.frameworkVersion.empty());
    CHECK(fresh.record.steps == 0);

    // Positions as seed 17 shows the hub: swap leave needs drain budget (pitch once asked).
    play(s, clock, rec, "1,3");
    CHECK(rec.journaledSteps() == 2);
    StoredAttempt mid = db.loadAttempt(rec.attemptId());
    CHECK(mid.record.steps == 2);
    CHECK(mid.transcript.steps[1].choice == "needs");
    CHECK(mid.sessionState == s.save());
    rec.record(s);  // nothing new: no-op
    CHECK(db.loadAttempt(rec.attemptId()).record.steps == 2);

    play(s, clock, rec, "4,3,1");
    REQUIRE(s.finished());
    PlayScore scored = rec.finish(s, 1'735'689'700'000);
    REQUIRE(scored.report);
    CHECK(rec.done());

    StoredAttempt done = db.loadAttempt(rec.attemptId());
    CHECK(done.record.status == AttemptStatus::Finished);
    CHECK(done.record.steps == 5);
    CHECK(done.record.endingNode == "won_end");
    CHECK(done.record.outcome == "won");
    CHECK(done.record.endedAtMs == 1'735'689'700'000);
    CHECK(done.report == reportToJson(*scored.report));
    CHECK(done.record.score == doctest::Approx(scored.report->score));
    CHECK(done.sessionState.is_null());
    CHECK(transcriptToJson(done.transcript)["steps"] == transcriptToJson(s.transcript())["steps"]);
    REQUIRE(done.evidence.size() == 5);
    for (const auto& e : done.evidence) CHECK(e.is_array());
    CHECK_THROWS_AS(rec.record(s), std::logic_error);
}

TEST_CASE(
    "recorder: the evidence journaled beside a step is the taken choice's, or the timeout's") {
    Scenario hub = loadHub();
    TranscriptStep greet;
    greet.node = "opening";
    greet.choice = "greet";
    CHECK(stepEvidence(hub, nullptr, greet) == json::array());  // hub's choices carry no evidence
    TranscriptStep lost;
    lost.node = "no-such-node";
    CHECK(stepEvidence(hub, nullptr, lost) == json::array());
}

TEST_CASE("recorder: an interrupted attempt resumes exactly where its journal stopped") {
    TempDir dir;
    const std::string path = dir.file("results.db");
    Scenario hub = loadHub();
    std::int64_t attempt = 0;
    json savedAfterTwo;
    {
        ResultsStore db(path);
        ManualClock clock;
        Session s(hub, clock, 5);
        AttemptRecorder rec = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                     AttemptMode::Practice, 5, 1000);
        attempt = rec.attemptId();
        play(s, clock, rec, "1,3");  // greet, budget: seed 5 shows needs leave budget drain swap
        savedAfterTwo = s.save();
    }  // the process "dies" here: no finish, no abandon

    ResultsStore db(path);
    auto newest = newestIncomplete(db, "Anna Petrova", "session-hub");
    REQUIRE(newest);
    CHECK(newest->id == attempt);
    CHECK_FALSE(newestIncomplete(db, "Anna Petrova", "other-scenario"));
    ManualClock clock;
    ResumedAttempt r = AttemptRecorder::resume(db, attempt, hub, findScenarioFramework(hub), clock);
    CHECK(r.record.steps == 2);
    CHECK(r.recorder.journaledSteps() == 2);
    CHECK(r.session.save() == savedAfterTwo);
    CHECK(r.session.node().id == "hub");
    CHECK(r.session.transcript().seed == 5);
    play(r.session, clock, r.recorder, "1,t");  // pitch comes first under seed 5
    REQUIRE(r.session.finished());
    r.recorder.finish(r.session, 2000);
    StoredAttempt done = db.loadAttempt(attempt);
    CHECK(done.record.status == AttemptStatus::Finished);
    CHECK(done.record.steps == 4);
    CHECK(done.transcript.steps[3].timedOut);
    CHECK_FALSE(newestIncomplete(db, "Anna Petrova", "session-hub"));
    CHECK_THROWS_WITH_AS(
        AttemptRecorder::resume(db, attempt, hub, findScenarioFramework(hub), clock),
        doctest::Contains("is finished, not in progress"), ResumeError);
}

TEST_CASE("recorder: an attempt keeps the trainee's timing and resumes under it") {
    TempDir dir;
    const std::string path = dir.file("results.db");
    Scenario hub = loadHub();
    std::int64_t attempt = 0;
    {
        ResultsStore db(path);
        ManualClock clock;
        Session s(hub, clock, 5, ReplyOrder::Seeded, Timing::Extended);
        AttemptRecorder rec = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                     AttemptMode::Exam, 5, 1000, Timing::Extended);
        attempt = rec.attemptId();
        play(s, clock, rec, "1,3,1");  // to the 10 s pressure node, 20 s for this trainee
        REQUIRE(s.node().id == "pressure");
        CHECK(s.timeLeftMs() == 20'000);
    }
    ResultsStore db(path);
    StoredAttempt stored = db.loadAttempt(attempt);
    CHECK(stored.record.timing == Timing::Extended);
    CHECK(stored.transcript.timing == Timing::Extended);
    store::AttemptFilter everyone;
    const auto listed = db.attempts(everyone);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].timing == Timing::Extended);

    ManualClock clock;
    ResumedAttempt r = AttemptRecorder::resume(db, attempt, hub, findScenarioFramework(hub), clock);
    CHECK(r.session.timing() == Timing::Extended);
    CHECK(r.session.node().id == "pressure");
    CHECK(r.session.timeLeftMs() == 20'000);

    // Attempts started without an adjustment say so.
    const auto plain = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                              AttemptMode::Practice, 6, 3000)
                           .attemptId();
    CHECK(db.loadAttempt(plain).record.timing == Timing::Standard);
}

TEST_CASE(
    "recorder: an attempt killed before its first decision resumes from the start with its seed") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    Scenario hub = loadHub();
    auto attempt = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                          AttemptMode::Practice, 99, 1000)
                       .attemptId();
    ManualClock clock;
    ResumedAttempt r = AttemptRecorder::resume(db, attempt, hub, findScenarioFramework(hub), clock);
    CHECK(r.session.node().id == "opening");
    CHECK(r.session.transcript().steps.empty());
    CHECK(r.session.transcript().seed == 99);
}

TEST_CASE("recorder: resume is refused when the scenario file changed, and nothing is touched") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    Scenario hub = loadHub();
    std::int64_t attempt = 0;
    {
        ManualClock clock;
        Session s(hub, clock);
        AttemptRecorder rec = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                     AttemptMode::Practice, 0, 1000);
        attempt = rec.attemptId();
        play(s, clock, rec, "1");
    }
    Scenario edited = hub;
    edited.contentHash = std::string(64, 'f');
    ManualClock clock;
    CHECK_THROWS_WITH_AS(
        AttemptRecorder::resume(db, attempt, edited, findScenarioFramework(edited), clock),
        doctest::Contains("was made on another version of the scenario file"), ResumeError);
    Scenario other = hub;
    other.id = "another-scenario";
    CHECK_THROWS_WITH_AS(
        AttemptRecorder::resume(db, attempt, other, findScenarioFramework(other), clock),
        doctest::Contains("is not an attempt of scenario \"another-scenario\""), ResumeError);
    StoredAttempt a = db.loadAttempt(attempt);
    CHECK(a.record.status == AttemptStatus::InProgress);
    CHECK(a.record.steps == 1);

    // Abandoning it is the way out.
    ResumedAttempt r = AttemptRecorder::resume(db, attempt, hub, findScenarioFramework(hub), clock);
    r.recorder.abandon(5000);
    CHECK(db.loadAttempt(attempt).record.status == AttemptStatus::Abandoned);
    CHECK_FALSE(newestIncomplete(db, "Anna Petrova", "session-hub"));
}

// A scenario whose framework cannot be found: unit-store-truth.cpp (kept unfinished, no score).

TEST_CASE("recorder: a new attempt is stored seeded and resumes in its seed's order") {
    TempDir dir;
    const std::string path = dir.file("results.db");
    Scenario hub = loadHub();
    std::int64_t attempt = 0;
    std::vector<std::string> shownBefore;
    {
        ResultsStore db(path);
        ManualClock clock;
        Session s(hub, clock, 3);
        AttemptRecorder rec = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                     AttemptMode::Practice, 3, 1000);
        attempt = rec.attemptId();
        play(s, clock, rec, "1,4");  // greet, then the 4th shown under seed 3: budget
        for (int c : s.choices()) shownBefore.push_back(s.node().choices[std::size_t(c)].id);
    }
    ResultsStore db(path);
    {
        Statement order(db.database(), "SELECT reply_order FROM attempts WHERE id = ?");
        order.bind(1, attempt);
        REQUIRE(order.step());
        CHECK(order.text(0) == "seeded");
    }
    CHECK(db.loadAttempt(attempt).transcript.replyOrder == ReplyOrder::Seeded);
    CHECK(db.loadAttempt(attempt).transcript.steps[1].choice == "budget");
    ManualClock clock;
    ResumedAttempt r = AttemptRecorder::resume(db, attempt, hub, findScenarioFramework(hub), clock);
    std::vector<std::string> shownNow;
    for (int c : r.session.choices())
        shownNow.push_back(r.session.node().choices[std::size_t(c)].id);
    CHECK(shownNow == shownBefore);
    CHECK(shownNow == std::vector<std::string>{"needs", "pitch", "leave", "swap", "drain"});
}

TEST_CASE("recorder: attempts stored before replies were shuffled resume and re-score as shown") {
    // results-v3.db was written by the store of schema v3 (tests/fixtures/store/README.md):
    // every attempt there showed file order, whatever its seed.
    TempDir dir;
    const std::string path = dir.file("results.db");
    std::filesystem::copy_file(std::string(RAPPORT_FIXTURES_DIR) + "/store/results-v3.db", path);
    {
        Database raw(path);
        CHECK(schemaVersion(raw) == 3);
    }
    ResultsStore db(path);
    CHECK(db.schemaVersion() == latestSchemaVersion());
    CHECK(db.integrityCheck() == "ok");
    {
        Statement s(db.database(), "SELECT count(*) FROM attempts WHERE reply_order = 'authored'");
        REQUIRE(s.step());
        CHECK(s.integer(0) == 3);
    }

    // The finished attempt re-scores to the score stored with it.
    const StoredAttempt finished = db.loadAttempt(1);
    CHECK(finished.transcript.seed == 7);
    CHECK(finished.transcript.replyOrder == ReplyOrder::Authored);
    const Scenario scoringHub = [] {
        ScenarioCheck c =
            checkScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/scoring/hub.json");
        REQUIRE(c.playable());
        return std::move(*c.scenario);
    }();
    const ScenarioFramework f = findScenarioFramework(scoringHub);
    REQUIRE(f.framework);
    CHECK(scoreTranscript(scoringHub, *f.framework, finished.transcript).score ==
          finished.report.at("overall").at("score").get<double>());

    // The in-progress one resumes in file order and goes on to an ending.
    Scenario hub = loadHub();
    ManualClock clock;
    ResumedAttempt r = AttemptRecorder::resume(db, 2, hub, findScenarioFramework(hub), clock);
    CHECK(r.session.seed() == 7);
    CHECK(r.session.replyOrder() == ReplyOrder::Authored);
    std::vector<std::string> shown;
    for (int c : r.session.choices()) shown.push_back(r.session.node().choices[std::size_t(c)].id);
    CHECK(shown == std::vector<std::string>{"needs", "swap", "drain", "pitch", "leave"});
    play(r.session, clock, r.recorder, "5");  // leave
    REQUIRE(r.session.finished());
    r.recorder.finish(r.session, 2000);
    const StoredAttempt done = db.loadAttempt(2);
    CHECK(done.record.status == AttemptStatus::Finished);
    CHECK(done.transcript.replyOrder == ReplyOrder::Authored);

    // A new attempt in the migrated database is seeded.
    AttemptRecorder fresh = AttemptRecorder::begin(db, kAnna, hub, findScenarioFramework(hub),
                                                   AttemptMode::Practice, 9, 3000);
    CHECK(db.loadAttempt(fresh.attemptId()).transcript.replyOrder == ReplyOrder::Seeded);
}

TEST_SUITE_END();
