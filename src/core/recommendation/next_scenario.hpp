// Which scenario a trainee should play next, and why. Scenarios a trainer assigned come first,
// in the order they were assigned; the rest are ranked by how weak and how due their
// competencies are, at a moderate predicted chance of success (hard enough to learn from, easy
// enough not to discourage). The reason is data, so the library, the CLI and JSON all say the
// same thing; recommendation_text turns it into a sentence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/recommendation/skill_model.hpp"

namespace rapport {

struct ScenarioCompetency {
    std::string id;
    std::string name;
};

// A scenario the trainee may play, with the competencies it assesses.
struct ScenarioOption {
    std::string id;
    std::string title;
    std::vector<ScenarioCompetency> competencies;
};

// A trainer's "play this next", to one trainee or to every trainee of a group (stored by the
// results store; plain data here). core/recommendation/assignment_status decides whom it
// concerns and when it is done.
struct ScenarioAssignment {
    std::int64_t id = 0;  // the store's row id; 0 before it is stored
    std::string trainee;  // exactly one of trainee and group is set
    std::string group;
    std::string scenarioId;
    std::string assignedBy;  // as the trainer gave it; may be empty ("your trainer")
    std::int64_t assignedAtMs = 0;
    std::optional<std::int64_t> dueAtMs;
    std::string note;  // the trainer's words to the trainee; may be empty
};

enum class RecommendationKind {
    Assigned,  // a trainer assigned it
    New,       // the focus competency has never been practised
    Due,       // practised, but not for spacingDays or more
    Weak,      // practised recently, still below an even chance
    Practice,  // nothing weak or due: the best next step anyway
};

const char* recommendationKindName(RecommendationKind k);  // "assigned", "new", "due", …

struct RecommendationReason {
    RecommendationKind kind = RecommendationKind::Practice;
    std::string competencyId;  // the competency the scenario is chosen for; empty if it has none
    std::string competencyName;
    std::optional<int> daysSincePractised;  // whole days; absent when never practised
    double predictedSuccess = 0.5;          // P(pass) of that competency in this scenario
    std::string assignedBy;                 // Assigned only
    std::optional<std::int64_t> assignedAtMs;
    std::optional<std::int64_t> dueAtMs;  // Assigned with a due date only
    // Assigned: the due day (UTC) is over and the assignment is still open. A due date names a
    // day, so "due 12 March" is not overdue on the 12th.
    bool overdue = false;
    std::string note;  // Assigned only: the trainer's note
};

struct Recommendation {
    std::string scenarioId;
    std::string title;
    double priority = 0;  // 0..1 for ranked ones; assigned ones are listed first regardless
    RecommendationReason reason;
};

struct RecommendationSettings {
    // The chance band of "desirable difficulty": success rates of about 60-75 % keep practice
    // both informative and motivating (docs/recommendation.md gives the sources).
    double targetLow = 0.60;
    double targetHigh = 0.75;
    // Outside the band the fit falls linearly to 0 over this distance in probability.
    double bandFalloff = 0.25;
    // A competency not practised for this many days is "due" (weekly practice).
    double spacingDays = 7;
};

// How well a predicted chance fits the band: 1 inside, falling to 0 bandFalloff outside it.
double chanceFit(double p, const RecommendationSettings& settings = {});

// Every scenario in `options` the trainee can be recommended, best first: assigned ones (those
// in `assignments` naming this trainee: pass openAssignments() to leave out group ones of other
// groups and done ones) by due date, undated last, then in assignment order; then the others by
// priority, ties by scenario id.
// Scenarios that assess no competency are only listed when assigned. An assignment to a
// scenario missing from `options` is skipped (the scenario was removed from the library).
std::vector<Recommendation> recommendScenarios(const SkillModel& model, const std::string& trainee,
                                               const std::vector<ScenarioOption>& options,
                                               const std::vector<ScenarioAssignment>& assignments,
                                               std::int64_t nowMs,
                                               const RecommendationSettings& settings = {});

}  // namespace rapport
