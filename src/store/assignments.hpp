// A trainer's assignments in the results database (schema v8; v9 marks those pulled from the
// central store): added, listed and removed here;
// whom they concern and when they are done is core's (core/recommendation/assignment_status).
// Who may assign is the caller's to check (the CLI asks for the administrator passphrase).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/recommendation/next_scenario.hpp"
#include "store/results_store.hpp"

namespace rapport::store {

// Stores `a` (its id is ignored) and returns the new id. Throws std::invalid_argument unless
// exactly one of trainee and group is set and the scenario id is not empty; StoreError when the
// database cannot be written.
std::int64_t addAssignment(ResultsStore& store, const ScenarioAssignment& a);

// Every assignment, oldest first (assigned time, then id); only those naming `trainee` or
// `group` when either is given (an assignment to the trainee's group is not one naming them:
// use openAssignments() for what a trainee should play).
std::vector<ScenarioAssignment> listAssignments(ResultsStore& store,
                                                const std::string& trainee = {},
                                                const std::string& group = {});

// Removes the assignment; false when there is none with that id.
bool removeAssignment(ResultsStore& store, std::int64_t id);

// The central store's uid of an assignment pulled from it (store/sync_assignments.hpp); nullopt
// for one made on this desktop or no such id. A pulled one is removed centrally, not here: the
// next pull would bring it back.
std::optional<std::string> assignmentCentralUid(ResultsStore& store, std::int64_t id);

// One live central assignment as this desktop keeps it.
struct CentralCopy {
    std::string uid;
    ScenarioAssignment assignment;  // exactly one of trainee and group
};
struct CopyChanges {
    int added = 0, updated = 0, removed = 0;
    bool operator==(const CopyChanges&) const = default;
};

// Makes the pulled rows of this desktop exactly `live`, in one transaction: a new uid is added,
// a known one updated when it changed, one no longer in `live` (removed centrally, or no longer
// concerning this desktop) deleted. Rows made here are left alone. Throws StoreError.
CopyChanges mirrorCentralAssignments(ResultsStore& store, const std::vector<CentralCopy>& live);

// The trainees' names and the groups they have in this database (who the desktop pulls for).
struct KnownPeople {
    std::vector<std::string> names, groups;
};
KnownPeople knownPeople(ResultsStore& store);

// The group the trainee has in this database; empty when none is set or the trainee is unknown.
std::string traineeGroup(ResultsStore& store, const std::string& trainee);

}  // namespace rapport::store
