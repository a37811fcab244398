// Whom a trainer's assignment concerns and when it is done. The rule (docs/recommendation.md,
// "Assigned scenarios"): an assignment is done for a trainee once they have a finished attempt
// of its scenario, practice or exam, pass or not, started at or after the moment it was
// assigned. Not "passed": a trainer assigns practice to be done, and a trainee who keeps
// failing it would otherwise see the same assignment on top for ever while the ranking below
// already favours the weak competency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/recommendation/next_scenario.hpp"
#include "core/reports/report_model.hpp"

namespace rapport {

// True when the assignment names the trainee, or names `group` and `group` is not empty.
bool assignedTo(const ScenarioAssignment& assignment, const std::string& trainee,
                const std::string& group);

// The start of the trainee's first finished attempt of the assignment's scenario started at or
// after it was assigned; nullopt while it is still open. `attempts` may hold anyone's.
std::optional<std::int64_t> completedAtMs(const ScenarioAssignment& assignment,
                                          const std::string& trainee,
                                          const std::vector<AttemptRecord>& attempts);

// Who has done the assignment: the trainee it names, or the trainees whose attempts carry its
// group, each once, by name (byte order).
std::vector<std::string> completedBy(const ScenarioAssignment& assignment,
                                     const std::vector<AttemptRecord>& attempts);

// The assignments that concern the trainee (of `group`) and are not done, each with `trainee`
// set to them (a group's assignment becomes the trainee's own), in the order given.
std::vector<ScenarioAssignment> openAssignments(const std::vector<ScenarioAssignment>& all,
                                                const std::string& trainee,
                                                const std::string& group,
                                                const std::vector<AttemptRecord>& attempts);

// A due date as a trainer types it: exactly "YYYY-MM-DD", the start of that day (UTC); nullopt
// for anything else (a time, an impossible day, stray text).
std::optional<std::int64_t> parseDueDate(std::string_view text);

// True once the assignment's due day (UTC) is over; never for one without a due date.
bool isOverdue(const ScenarioAssignment& assignment, std::int64_t nowMs);

}  // namespace rapport
