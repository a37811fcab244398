// AttemptRecorder: a Session's decisions journaled as they happen, the ending with its score
// report, and resume from the journaled state (refused when the scenario file changed).
#include <doctest/doctest.h>

#include <optional>

#include "core/checks/scenario_check.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/play/scripted_play.hpp"
#include "store/attempt_recorder.hpp"
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

    play(s, clock, rec, "1,2");
    CHECK(rec.journaledSteps() == 2);
    StoredAttempt mid = db.loadAttempt(rec.attemptId());
    CHECK(mid.record.steps == 2);
    CHECK(mid.transcript.steps[1].choice == "needs");
    CHECK(mid.sessionState == s.save());
    rec.record(s);  // nothing new: no-op
    CHECK(db.loadAttempt(rec.attemptId()).record.steps == 2);

    play(s, clock, rec, "1,3,2");
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
        play(s, clock, rec, "1,1");
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
    play(r.session, clock, r.recorder, "4,t");
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

TEST_SUITE_END();
