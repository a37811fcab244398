// Whom an assignment concerns and when it is done (core/recommendation/assignment_status), and
// how assigned scenarios are ordered and worded in the recommendation.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/recommendation/assignment_status.hpp"
#include "core/recommendation/next_scenario.hpp"
#include "core/recommendation/recommendation_text.hpp"

using namespace rapport;

namespace {

constexpr std::int64_t kDay0 = 1'772'442'000'000;  // 2026-03-02 09:00 UTC
constexpr std::int64_t kDayMs = 86'400'000;

AttemptRecord attempt(const std::string& trainee, const std::string& group,
                      const std::string& scenario, int day, AttemptStatus status) {
    AttemptRecord r;
    r.trainee = trainee;
    r.group = group;
    r.scenarioId = scenario;
    r.startedAtMs = kDay0 + day * kDayMs;
    r.status = status;
    return r;
}

ScenarioAssignment toTrainee(const std::string& trainee, const std::string& scenario, int day) {
    ScenarioAssignment a;
    a.trainee = trainee;
    a.scenarioId = scenario;
    a.assignedAtMs = kDay0 + day * kDayMs;
    return a;
}

ScenarioAssignment toGroup(const std::string& group, const std::string& scenario, int day) {
    ScenarioAssignment a;
    a.group = group;
    a.scenarioId = scenario;
    a.assignedAtMs = kDay0 + day * kDayMs;
    return a;
}

}  // namespace

TEST_CASE("assignment: done by a finished attempt started after it was assigned, pass or not") {
    const auto a = toTrainee("Ann", "objection", 5);
    std::vector<AttemptRecord> log = {
        attempt("Ann", "north", "objection", 3, AttemptStatus::Finished),    // before: no
        attempt("Ann", "north", "objection", 6, AttemptStatus::Abandoned),   // not finished
        attempt("Ann", "north", "objection", 7, AttemptStatus::InProgress),  // not finished
        attempt("Ann", "north", "closing", 8, AttemptStatus::Finished),      // other scenario
        attempt("Ben", "north", "objection", 8, AttemptStatus::Finished),    // someone else
    };
    CHECK_FALSE(completedAtMs(a, "Ann", log));
    CHECK(openAssignments({a}, "Ann", "north", log).size() == 1);
    log.push_back(attempt("Ann", "north", "objection", 10, AttemptStatus::Finished));
    log.back().passed = false;  // a failed attempt still does it
    log.push_back(attempt("Ann", "north", "objection", 9, AttemptStatus::Finished));
    CHECK(completedAtMs(a, "Ann", log) == kDay0 + 9 * kDayMs);  // the first one after
    CHECK(openAssignments({a}, "Ann", "north", log).empty());
    // The attempt may start at the very moment it was assigned.
    CHECK(completedAtMs(toTrainee("Ann", "objection", 9), "Ann", log) == kDay0 + 9 * kDayMs);
}

TEST_CASE("assignment to a group: each trainee of it, done one by one") {
    const auto g = toGroup("north", "objection", 1);
    CHECK(assignedTo(g, "Ann", "north"));
    CHECK_FALSE(assignedTo(g, "Cho", "south"));
    CHECK_FALSE(assignedTo(g, "Dan", ""));
    CHECK_FALSE(assignedTo(toGroup("", "x", 0), "Dan", ""));  // no group is not a group
    CHECK(assignedTo(toTrainee("Ann", "x", 0), "Ann", "whatever"));
    CHECK_FALSE(assignedTo(toTrainee("Ann", "x", 0), "Ben", "north"));

    const std::vector<AttemptRecord> log = {
        attempt("Ann", "north", "objection", 2, AttemptStatus::Finished),
        attempt("Ben", "north", "closing", 2, AttemptStatus::Finished),
        attempt("Cho", "south", "objection", 2, AttemptStatus::Finished),
    };
    CHECK(openAssignments({g}, "Ann", "north", log).empty());
    const auto ben = openAssignments({g}, "Ben", "north", log);
    REQUIRE(ben.size() == 1);
    CHECK(ben[0].trainee == "Ben");  // the group's assignment became Ben's own
    CHECK(ben[0].group == "north");
    CHECK(openAssignments({g}, "Cho", "south", log).empty());  // not Cho's group
    CHECK(completedBy(g, log) == std::vector<std::string>{"Ann"});
    CHECK(completedBy(toTrainee("Cho", "objection", 0), log) == std::vector<std::string>{"Cho"});
}

TEST_CASE("assigned scenarios: earliest due date first, undated last, then by assignment") {
    const std::vector<ScenarioOption> options = {{"a", "A", {{"c1", "One"}}},
                                                 {"b", "B", {{"c1", "One"}}},
                                                 {"c", "C", {}},
                                                 {"d", "D", {{"c2", "Two"}}}};
    auto late = toTrainee("Ann", "a", 1);
    late.dueAtMs = kDay0 + 20 * kDayMs;
    auto soon = toTrainee("Ann", "b", 3);
    soon.dueAtMs = kDay0 + 10 * kDayMs;
    soon.note = "Before the Friday call";
    const auto undated = toTrainee("Ann", "c", 0);
    const SkillModel model;
    const auto r =
        recommendScenarios(model, "Ann", options, {undated, late, soon}, kDay0 + 4 * kDayMs);
    REQUIRE(r.size() == 4);
    CHECK(r[0].scenarioId == "b");
    CHECK(r[0].reason.note == "Before the Friday call");
    CHECK(r[0].reason.dueAtMs == soon.dueAtMs);
    CHECK(r[1].scenarioId == "a");
    CHECK(r[2].scenarioId == "c");  // assesses nothing, but assigned: listed
    CHECK(r[3].scenarioId == "d");
    CHECK(r[3].reason.kind == RecommendationKind::New);

    // No trainer named: "your trainer"; the due date as a day.
    CHECK(describeRecommendation(r[0].reason) ==
          "assigned by your trainer, due 2026-03-12: One — predicted success 50 %");
    CHECK(describeRecommendation(r[2].reason) == "assigned by your trainer");
    auto named = r[2].reason;
    named.assignedBy = "Trainer Kim";
    named.dueAtMs = kDay0;
    CHECK(describeRecommendation(named) == "assigned by Trainer Kim, due 2026-03-02");
}

TEST_CASE("an assignment is overdue once its due day is over, not on the day itself") {
    const std::vector<ScenarioOption> options = {{"a", "A", {{"c1", "One"}}}};
    auto a = toTrainee("Ann", "a", 0);
    a.dueAtMs = kDay0 + 10 * kDayMs;  // 2026-03-12 09:00 UTC: due that day
    const SkillModel model;
    auto at = [&](std::int64_t nowMs) {
        return recommendScenarios(model, "Ann", options, {a}, nowMs).at(0).reason;
    };
    CHECK_FALSE(at(kDay0 + 9 * kDayMs).overdue);
    CHECK_FALSE(at(kDay0 + 10 * kDayMs + 14 * 3600 * 1000).overdue);  // 23:00 on the due day
    const auto late = at(kDay0 + 11 * kDayMs);
    CHECK(late.overdue);
    CHECK(describeRecommendation(late) ==
          "assigned by your trainer, overdue since 2026-03-12: One — predicted success 50 %");
}

TEST_CASE("due dates: exactly YYYY-MM-DD; overdue once the day (UTC) is over") {
    const auto due = parseDueDate("2026-03-12");
    REQUIRE(due);
    CHECK(*due == 1'773'273'600'000);  // 2026-03-12T00:00:00Z
    for (const char* bad : {"", "2026-3-12", "12.03.2026", "2026-02-30", "2026-03-12T10:00",
                            "2026-03-12 ", " 2026-03-12", "2026/03/12", "20260312xx"})
        CHECK_MESSAGE(!parseDueDate(bad), bad);
    ScenarioAssignment a;
    CHECK_FALSE(isOverdue(a, 4'000'000'000'000));  // no due date: never
    a.dueAtMs = due;
    constexpr std::int64_t kDay = 86'400'000;
    CHECK_FALSE(isOverdue(a, *due));
    CHECK_FALSE(isOverdue(a, *due + kDay - 1));  // the last millisecond of the due day
    CHECK(isOverdue(a, *due + kDay));
}
