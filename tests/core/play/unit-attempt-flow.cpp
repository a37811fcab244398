// The attempt flow both front ends play through: start, choose, the late-answer rule, timeouts,
// what each step changed (the same whether answered one by one, as the app does, or by script,
// as `rapport play --choices` does), resume from a saved session, practice vs exam visibility,
// the resume check and best scores.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/checks/scenario_validator.hpp"
#include "core/play/attempt_flow.hpp"
#include "core/play/best_scores.hpp"
#include "core/play/resume_check.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

namespace {

Scenario loadFixture(const std::string& name) {
    LoadResult r = loadScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/session/" + name);
    REQUIRE(r.scenario);
    validateScenario(*r.scenario, r.diagnostics);
    REQUIRE_FALSE(r.diagnostics.hasErrors());
    return std::move(*r.scenario);
}

int positionOf(const Session& s, const std::string& id) {
    const auto& shown = s.choices();
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (s.node().choices[std::size_t(shown[i])].id == id) return int(i);
    FAIL("choice " << id << " is not shown at " << s.node().id);
    return -1;
}

// Counts what the flow hands to the journal: the transcript length at each call.
struct CountingJournal : AttemptJournal {
    std::vector<std::size_t> lengths;
    void record(const Session& session) override {
        lengths.push_back(session.transcript().steps.size());
    }
};

void checkSameEffects(const std::vector<StepEffect>& a, const std::vector<StepEffect>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].timedOut == b[i].timedOut);
        CHECK(a[i].feedback == b[i].feedback);
        REQUIRE(a[i].meters.size() == b[i].meters.size());
        for (std::size_t m = 0; m < a[i].meters.size(); ++m) {
            CHECK(a[i].meters[m].label == b[i].meters[m].label);
            CHECK(a[i].meters[m].before == b[i].meters[m].before);
            CHECK(a[i].meters[m].after == b[i].meters[m].after);
        }
    }
}

// hub.json to its timed node "pressure": greet, ask the budget, pitch.
void playToPressure(AttemptFlow& flow) {
    REQUIRE(flow.choose(0) == AttemptFlow::Result::Taken);
    REQUIRE(flow.choose(positionOf(flow.session(), "budget")) == AttemptFlow::Result::Taken);
    REQUIRE(flow.choose(positionOf(flow.session(), "pitch")) == AttemptFlow::Result::Taken);
    REQUIRE(flow.session().node().id == "pressure");
}

}  // namespace

TEST_CASE("a new attempt starts at the scenario's start with nothing changed yet") {
    const Scenario sc = loadFixture("feedback.json");
    ManualClock clock;
    CountingJournal journal;
    AttemptFlow flow(sc, clock, AttemptMode::Practice, 7, &journal);
    CHECK(flow.session().node().id == "opening");
    CHECK(flow.session().transcript().seed == 7);
    CHECK(flow.effects().empty());
    CHECK(journal.lengths.empty());
    CHECK_FALSE(flow.answerTooLate());
    CHECK_FALSE(flow.expireIfDue());
}

TEST_CASE("each reply's effect is its feedback and the meters it moved, journaled at once") {
    const Scenario sc = loadFixture("feedback.json");
    ManualClock clock;
    CountingJournal journal;
    AttemptFlow flow(sc, clock, AttemptMode::Practice, 0, &journal);
    REQUIRE(flow.choose(positionOf(flow.session(), "pitch")) == AttemptFlow::Result::Taken);
    REQUIRE(flow.effects().size() == 1);
    CHECK_FALSE(flow.effects()[0].timedOut);
    CHECK(flow.effects()[0].feedback == "FEEDBACK-PITCH: the catalogue before any question.");
    REQUIRE(flow.effects()[0].meters.size() == 1);
    CHECK(flow.effects()[0].meters[0].label == "Mood");
    CHECK(flow.effects()[0].meters[0].before == 5);
    CHECK(flow.effects()[0].meters[0].after == 3);
    CHECK(journal.lengths == std::vector<std::size_t>{1});

    // "confirm" moves no meter.
    REQUIRE(flow.choose(positionOf(flow.session(), "confirm")) == AttemptFlow::Result::Taken);
    CHECK(flow.finished());
    CHECK(flow.effects()[1].meters.empty());
    // The decision that reaches the ending is the finish's to journal, with the score.
    CHECK(journal.lengths == std::vector<std::size_t>{1});
    // Nothing more is taken once the conversation has ended.
    CHECK(flow.choose(0) == AttemptFlow::Result::Refused);
    CHECK(journal.lengths.size() == 1);
}

TEST_CASE("a choice that is not shown is refused and changes nothing") {
    const Scenario sc = loadFixture("feedback.json");
    ManualClock clock;
    CountingJournal journal;
    AttemptFlow flow(sc, clock, AttemptMode::Practice, 0, &journal);
    CHECK(flow.choose(2) == AttemptFlow::Result::Refused);
    CHECK(flow.choose(-1) == AttemptFlow::Result::Refused);
    CHECK(flow.session().transcript().steps.empty());
    CHECK(flow.effects().empty());
    CHECK(journal.lengths.empty());
}

TEST_CASE("an answer after the time limit counts as no answer") {
    const Scenario sc = loadFixture("hub.json");
    ManualClock clock;
    CountingJournal journal;
    AttemptFlow flow(sc, clock, AttemptMode::Practice, 0, &journal);
    playToPressure(flow);
    clock.advance(9'999);
    CHECK_FALSE(flow.answerTooLate());
    clock.advance(1);
    CHECK(flow.answerTooLate());
    CHECK(flow.choose(positionOf(flow.session(), "discount")) == AttemptFlow::Result::TimedOut);
    CHECK(flow.session().node().id == "lost_end");
    const TranscriptStep& last = flow.session().transcript().steps.back();
    CHECK(last.timedOut);
    CHECK(last.timeTakenMs == 10'000);
    CHECK(flow.effects().back().timedOut);
    CHECK(flow.effects().back().feedback == kTimeoutFeedback);
    CHECK(journal.lengths.back() == 3);  // the timeout ended it: the finish journals it
}

TEST_CASE("an answer within the limit is taken") {
    const Scenario sc = loadFixture("hub.json");
    ManualClock clock;
    AttemptFlow flow(sc, clock, AttemptMode::Practice);
    playToPressure(flow);
    clock.advance(9'000);
    CHECK(flow.choose(positionOf(flow.session(), "discount")) == AttemptFlow::Result::Taken);
    CHECK(flow.session().node().id == "partial_end");
}

TEST_CASE("the timeout is taken only once the limit has passed") {
    const Scenario sc = loadFixture("hub.json");
    ManualClock clock;
    CountingJournal journal;
    AttemptFlow flow(sc, clock, AttemptMode::Practice, 0, &journal);
    playToPressure(flow);
    clock.advance(5'000);
    CHECK_FALSE(flow.expireIfDue());
    CHECK(flow.session().node().id == "pressure");
    clock.advance(5'000);
    CHECK(flow.expireIfDue());
    CHECK(flow.session().node().id == "lost_end");
    CHECK(flow.effects().back().feedback == kTimeoutFeedback);
    CHECK(journal.lengths == std::vector<std::size_t>{1, 2, 3});  // the 4th ends it
    CHECK_FALSE(flow.expireIfDue());  // finished: nothing left to expire
}

TEST_CASE("practice shows feedback and meters while playing, exam only after the ending") {
    const Scenario sc = loadFixture("feedback.json");
    ManualClock clock;
    AttemptFlow practice(sc, clock, AttemptMode::Practice);
    AttemptFlow exam(sc, clock, AttemptMode::Exam);
    CHECK(practice.feedbackVisible());
    CHECK(practice.metersVisible());
    CHECK_FALSE(exam.feedbackVisible());
    CHECK_FALSE(exam.metersVisible());
    for (AttemptFlow* f : {&practice, &exam}) {
        REQUIRE(f->choose(positionOf(f->session(), "ask")) == AttemptFlow::Result::Taken);
        REQUIRE(f->choose(positionOf(f->session(), "leave")) == AttemptFlow::Result::Taken);
    }
    CHECK(exam.finished());
    CHECK(exam.feedbackVisible());
    CHECK(exam.metersVisible());
    // The effects are kept in both modes; the mode only decides when they are shown.
    checkSameEffects(practice.effects(), exam.effects());
}

TEST_CASE("scripted play gives the same step effects as answering one by one") {
    // The app answers one by one; `rapport play --choices` plays a script. Both see the same
    // effects, timeouts included.
    const Scenario sc = loadFixture("hub.json");
    ManualClock liveClock;
    AttemptFlow live(sc, liveClock, AttemptMode::Practice);
    playToPressure(live);
    liveClock.advance(10'000);
    REQUIRE(live.expireIfDue());

    ManualClock scriptClock;
    CountingJournal journal;
    AttemptFlow scripted(sc, scriptClock, AttemptMode::Practice, 0, &journal);
    std::string error;
    auto script = parseChoiceScript("1,1,4,t", error);
    REQUIRE(script);
    CHECK(scripted.playScript(scriptClock, *script) == "");
    CHECK(scripted.session().node().id == "lost_end");
    checkSameEffects(live.effects(), scripted.effects());
    CHECK(journal.lengths == std::vector<std::size_t>{1, 2, 3});  // the 4th ends it
    CHECK(scripted.effects()[1].meters.size() == 1);              // the budget question moved trust
}

TEST_CASE("a resumed attempt continues where it stopped and keeps the earlier effects") {
    const Scenario sc = loadFixture("hub.json");
    ManualClock clock;
    AttemptFlow live(sc, clock, AttemptMode::Exam, 3);
    REQUIRE(live.choose(0) == AttemptFlow::Result::Taken);
    REQUIRE(live.choose(positionOf(live.session(), "needs")) == AttemptFlow::Result::Taken);
    const auto saved = live.session().save();

    ManualClock later;
    CountingJournal journal;
    AttemptFlow resumed =
        AttemptFlow::resumed(Session::resume(sc, later, saved), AttemptMode::Exam, &journal);
    CHECK(resumed.mode() == AttemptMode::Exam);
    CHECK(resumed.session().node().id == "hub");
    CHECK(resumed.session().transcript().steps.size() == 2);
    checkSameEffects(live.effects(), resumed.effects());
    CHECK(journal.lengths.empty());  // the steps already journaled are not journaled again
    REQUIRE(resumed.choose(positionOf(resumed.session(), "leave")) == AttemptFlow::Result::Taken);
    CHECK(resumed.finished());
    CHECK(journal.lengths.empty());  // the ending's decision is journaled by the finish
    CHECK(resumed.effects().size() == 3);
}

TEST_CASE("an unfinished attempt may be continued only on the same scenario file") {
    const Scenario sc = loadFixture("feedback.json");
    AttemptRecord a;
    a.scenarioId = sc.id;
    a.contentHash = sc.contentHash;
    a.status = AttemptStatus::InProgress;
    CHECK(resumeRefusal(a, sc) == ResumeRefusal::None);
    AttemptRecord changed = a;
    changed.contentHash = "0000";
    CHECK(resumeRefusal(changed, sc) == ResumeRefusal::ScenarioChanged);
    AttemptRecord other = a;
    other.scenarioId = "another";
    CHECK(resumeRefusal(other, sc) == ResumeRefusal::OtherScenario);
    AttemptRecord done = a;
    done.status = AttemptStatus::Finished;
    CHECK(resumeRefusal(done, sc) == ResumeRefusal::NotInProgress);
}

TEST_CASE("the best score per scenario is its best finished attempt's, rounded") {
    auto attempt = [](const std::string& scenario, AttemptStatus status,
                      std::optional<double> score) {
        AttemptRecord a;
        a.scenarioId = scenario;
        a.status = status;
        a.score = score;
        return a;
    };
    const std::vector<AttemptRecord> attempts = {
        attempt("a", AttemptStatus::Finished, 61.4),
        attempt("a", AttemptStatus::Finished, 72.5),
        attempt("a", AttemptStatus::InProgress, 99.0),
        attempt("b", AttemptStatus::Finished, std::nullopt),
        attempt("c", AttemptStatus::Abandoned, 80.0),
        attempt("d", AttemptStatus::Finished, 40.0),
    };
    const auto best = bestScores(attempts);
    CHECK(best == std::map<std::string, int>{{"a", 73}, {"d", 40}});
}
