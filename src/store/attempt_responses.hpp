// The seam between a results store and core/statistics: finished attempts read back as the
// AttemptResponses item analysis and reliability need, each decision scored against its
// scenario. The central store (PostgreSQL) is to provide the same function over its tables, so
// both feed the same core figures.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/library/scenario_library.hpp"
#include "core/statistics/item_responses.hpp"
#include "store/results_store.hpp"

namespace rapport::store {

// The playable library entry of a scenario id, or nullptr when it is not available.
using ScenarioLookup = std::function<const LibraryEntry*(const std::string& scenarioId)>;

struct ResponsesRead {
    std::vector<AttemptResponses> attempts;  // in the store's order (trainee, start, id)
    int skipped =
        0;  // finished attempts whose scenario was not found: their replies have no points
};

// The finished attempts matching `filter` (finishedOnly is implied), replies scored by the
// scenario `find` returns. The scenario is the one in the library now: an attempt of an older
// version is scored on the decisions and replies that still exist (decisionResponses).
ResponsesRead attemptResponses(ResultsStore& store, AttemptFilter filter,
                               const ScenarioLookup& find);

// One finished attempt's decisions scored by `entry` (which has a scenario and a framework):
// what both stores' readers build from an attempt and its transcript.
AttemptResponses responsesOf(const AttemptRecord& record, const LibraryEntry& entry,
                             const Transcript& transcript);

// A lookup over a loaded library, by scenario id (the first playable entry of each id).
ScenarioLookup libraryLookup(const ScenarioLibrary& library);

}  // namespace rapport::store
