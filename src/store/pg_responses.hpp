// The central store's half of the seam to core/statistics (store/attempt_responses.hpp is the
// desktop's): the finished attempts a login may read, each decision scored against its
// scenario, as the same AttemptResponses, so item analysis, reliability and norms computed from
// PostgreSQL are the desktop's figures for the same attempts.
#pragma once

#include "store/attempt_responses.hpp"
#include "store/pg_db.hpp"

namespace rapport::store {

// The finished attempts matching `filter` (finishedOnly is implied) in pgAttempts' order, which
// is the desktop's (trainee byte-wise, start), replies scored by the scenario `find` returns.
// Row-level security decides what is visible: an HR login without grants reads nothing.
// Throws PgError; StoreError when a stored decision cannot be read back as a transcript step.
ResponsesRead pgAttemptResponses(PgConnection& c, AttemptFilter filter, const ScenarioLookup& find);

}  // namespace rapport::store
