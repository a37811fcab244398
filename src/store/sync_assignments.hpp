// The pull half of `rapport sync`: the central store's live assignments that concern this
// desktop's trainees (store/pg_assignments.hpp) are copied into its results database
// (store/assignments.hpp, keyed by the central uid since schema v9), so the library's
// recommendation, which reads only the local file, shows them offline. A pull replaces the
// desktop's copy as a whole: run twice it changes nothing, and a removal centrally is a
// removal here at the next pull.
#pragma once

#include <string>

#include "store/assignments.hpp"
#include "store/pg_db.hpp"
#include "store/results_store.hpp"

namespace rapport::store {

// Over an open connection. Throws PgError (server) or StoreError (local file).
CopyChanges pullAssignments(PgConnection& c, ResultsStore& local);

struct PullResult {
    CopyChanges changes;
    // The server could not be reached, has no or another schema, or refused the read.
    bool failed = false;
    std::string error;  // why, when failed
};

// Connects to `uri` and pulls. Never throws PgError: a failure is `failed` with `error`, and
// the desktop's copy stays as it was. Throws StoreError for a local database failure.
PullResult pullAssignments(ResultsStore& local, const std::string& uri);

}  // namespace rapport::store
