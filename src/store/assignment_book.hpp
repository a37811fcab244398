// The assignments as a screen shows and changes them, over whichever store the HR area reads:
// the desktop's SQLite file (store/assignments.hpp) or the central store (pg_assignments.hpp,
// as the app's login, under row-level security). Each call opens the store and closes it again:
// the screen calls on a user's action, never per frame.
#pragma once

#include <string>
#include <vector>

#include "core/recommendation/next_scenario.hpp"

namespace rapport::store {

struct AssignmentRow {
    std::string key;  // the local row id, or the central uid: what remove() takes
    ScenarioAssignment assignment;
    int done = 0;         // trainees who have done it (core/recommendation/assignment_status)
    bool pulled = false;  // a desktop's copy of a central one: removed there, not here
};

struct AssignablePeople {
    std::vector<std::string> trainees, groups;  // sorted, each once
};

class AssignmentBook {
public:
    // `target`: an SQLite path or a postgresql:// URI, as HrData is given.
    explicit AssignmentBook(std::string target);

    bool central() const;
    // Oldest first. Throws StoreError or PgError.
    std::vector<AssignmentRow> list() const;
    // The trainees and groups the store knows (centrally: those the login may read).
    AssignablePeople people() const;
    // Adds `a` (assignedAtMs is set here). Returns the new key. Throws std::invalid_argument,
    // AssignmentError, StoreError or PgError (SQLSTATE 42501: the login may not assign there).
    std::string add(ScenarioAssignment a) const;
    // False when there is no such assignment (or, centrally, none this login may remove).
    // Throws std::invalid_argument for a pulled copy (it is removed centrally), StoreError,
    // PgError.
    bool remove(const std::string& key) const;

private:
    std::string target_;
};

}  // namespace rapport::store
