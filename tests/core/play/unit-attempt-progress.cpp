#include <doctest/doctest.h>

#include "core/play/attempt_progress.hpp"

using namespace rapport;

namespace {

AttemptRecord attempt(std::int64_t id, std::string scenario, std::int64_t start,
                      AttemptStatus status = AttemptStatus::Finished) {
    AttemptRecord a;
    a.id = id;
    a.uid = "uid-" + std::to_string(id);
    a.scenarioId = std::move(scenario);
    a.startedAtMs = start;
    a.status = status;
    return a;
}

CompetencyResult result(std::string id, std::optional<double> score) {
    CompetencyResult r;
    r.id = std::move(id);
    r.assessed = true;
    r.rated = score.has_value();
    r.score = score;
    return r;
}

CompetencyScore rated(std::string id, std::string name, std::optional<double> score) {
    CompetencyScore c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.assessed = true;
    c.rated = score.has_value();
    c.score = score;
    return c;
}

}  // namespace

TEST_CASE("previousAttempt: the latest finished attempt of the same scenario before this one") {
    std::vector<AttemptRecord> history = {
        attempt(1, "cold-call", 1000),
        attempt(2, "cold-call", 3000),
        attempt(3, "cold-call", 4000, AttemptStatus::Abandoned),  // not finished
        attempt(4, "renewal", 4500),                              // another scenario
        attempt(5, "cold-call", 5000),                            // the attempt itself
        attempt(6, "cold-call", 9000),                            // after it
    };
    const AttemptRecord* p = previousAttempt(history, "cold-call", 5000);
    REQUIRE(p);
    CHECK(p->id == 2);
    // The attempt being compared is skipped by its uid even when it started earlier (a resumed
    // attempt keeps its first start).
    p = previousAttempt(history, "cold-call", 9500, "uid-6");
    REQUIRE(p);
    CHECK(p->id == 5);
    CHECK(previousAttempt(history, "cold-call", 1000) == nullptr);
    CHECK(previousAttempt(history, "renewal", 4500) == nullptr);
    CHECK(previousAttempt({}, "cold-call", 5000) == nullptr);
    // Equal starts: the later row wins, as the HR table's "latest".
    history.push_back(attempt(7, "cold-call", 3000));
    CHECK(previousAttempt(history, "cold-call", 4000)->id == 7);
}

TEST_CASE(
    "progressSince: score, pass and the competencies rated both times, biggest change first") {
    AttemptRecord before = attempt(1, "cold-call", 1000);
    before.mode = AttemptMode::Exam;
    before.score = 58.0;
    before.passed = false;
    before.competencies = {result("closing", 50), result("discovery", 40), result("objections", 80),
                           result("rapport", std::nullopt)};
    ScoreReport now;
    now.score = 71.5;
    now.passed = true;
    now.competencies = {rated("discovery", "Needs discovery", 62),
                        rated("objections", "Objection handling", 75),
                        rated("closing", "Closing", 50),
                        rated("rapport", "Rapport", 70),        // not rated before
                        rated("presenting", "Presenting", 90),  // not in the previous attempt
                        rated("listening", "Listening", std::nullopt)};
    const AttemptProgress p = progressSince(before, now);
    CHECK(p.previousStartedAtMs == 1000);
    CHECK(p.previousMode == AttemptMode::Exam);
    REQUIRE(p.scoreBefore);
    CHECK(*p.scoreBefore == doctest::Approx(58.0));
    CHECK(p.scoreAfter == doctest::Approx(71.5));
    REQUIRE(p.passedBefore);
    CHECK_FALSE(*p.passedBefore);
    CHECK(p.passedAfter);
    REQUIRE(p.competencies.size() == 3);
    CHECK(p.competencies[0].id == "discovery");
    CHECK(p.competencies[0].name == "Needs discovery");
    CHECK(p.competencies[0].change() == doctest::Approx(22.0));
    CHECK(p.competencies[1].id == "objections");
    CHECK(p.competencies[1].change() == doctest::Approx(-5.0));
    CHECK(p.competencies[2].id == "closing");
    CHECK(p.competencies[2].change() == doctest::Approx(0.0));
}

TEST_CASE("progressSince: an unscored previous attempt compares nothing but says so") {
    AttemptRecord before = attempt(1, "cold-call", 1000);
    ScoreReport now;
    now.score = 40;
    now.competencies = {rated("discovery", "Needs discovery", 62)};
    const AttemptProgress p = progressSince(before, now);
    CHECK_FALSE(p.scoreBefore);
    CHECK_FALSE(p.passedBefore);
    CHECK(p.competencies.empty());
}
