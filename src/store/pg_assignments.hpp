// Trainers' assignments in the central store (schema v7, docs/central-store.md "Assignments"):
// added, listed and removed as the connection's login, so PostgreSQL's row-level security decides
// who may: trainers and HR for the groups granted to them, admins for all; a trainee only reads
// the live ones naming them or their group. The desktop's copy is store/sync_assignments.hpp's.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/recommendation/next_scenario.hpp"
#include "store/pg_db.hpp"

namespace rapport::store {

// A request the central store's rules refuse before any row is written: no trainee of that
// name in the groups the login reads, or a name that means two trainees. Distinct from PgError.
class AssignmentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CentralAssignment {
    std::string uid;
    // Always set: the group whose grant covers it. For one trainee also their login and name
    // (`assignment.trainee`); for the group, `assignment.group` and no trainee.
    std::string group;
    std::string traineeLogin;
    ScenarioAssignment assignment;  // id 0: the central key is `uid`
    std::string assignedLogin;
    std::optional<std::int64_t> removedAtMs;
};

// Adds `a` (exactly one of trainee and group set, as for the desktop's addAssignment). A trainee
// is found by name among the attempts the login may read: their login and group come from
// there, and `a.group` must then be empty. Returns the new uid. Throws std::invalid_argument for
// a malformed `a`, AssignmentError (no such trainee, two logins of that name), PgError (refused
// by the server: SQLSTATE 42501 when the login may not assign to that group).
std::string pgAddAssignment(PgConnection& c, const ScenarioAssignment& a);

// Those the login may read, oldest first; removed ones only with `withRemoved`; only those
// naming `trainee` or (as their group) `group` when either is given.
std::vector<CentralAssignment> pgListAssignments(PgConnection& c, const std::string& trainee = {},
                                                 const std::string& group = {},
                                                 bool withRemoved = false);

// The live ones that concern a desktop whose trainees are `names` in `groups`: naming the
// connection's own login or one of the names, or for one of the groups or the login's own
// group. Under RLS a trainee login gets only its own anyway; an admin login shared by a desktop
// gets only that desktop's people. Throws PgError.
std::vector<CentralAssignment> pgAssignmentsFor(PgConnection& c,
                                                const std::vector<std::string>& names,
                                                const std::vector<std::string>& groups);

// Marks the assignment removed (it stays as a record). False when the login sees no live
// assignment with that uid (none, removed already, or another group's). Throws PgError.
bool pgRemoveAssignment(PgConnection& c, const std::string& uid, std::int64_t nowMs);

// True when `text` is a UUID in PostgreSQL's text form (8-4-4-4-12 hex digits).
bool isAssignmentUid(const std::string& text);

}  // namespace rapport::store
