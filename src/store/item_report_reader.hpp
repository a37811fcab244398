// The item analysis (core/reports/report_items.hpp) of the finished attempts matching a filter,
// from the desktop's SQLite file or the central store (as the login's row-level security lets
// it read): one function so the HR page and `rapport report --format items` read the same way.
#pragma once

#include <string>

#include "core/library/scenario_library.hpp"
#include "core/reports/report_items.hpp"
#include "store/results_store.hpp"

namespace rapport::store {

// `target`: an SQLite path or a postgresql:// URI. The library scores every reply (an attempt
// of a scenario not in it is counted in skippedAttempts). Throws StoreError or PgError.
ItemReport readItemReport(const std::string& target, const AttemptFilter& filter,
                          const ScenarioLibrary& library);

}  // namespace rapport::store
