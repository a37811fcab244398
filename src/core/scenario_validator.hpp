// Whole-scenario checks that need the graph: reachability from start (respecting conditions
// and once-choices where that can be decided), dead ends, endings that cannot be reached,
// portraits outside the scenario's folder. Same diagnostics as the loader.
#pragma once

#include "diagnostic.hpp"
#include "scenario.hpp"

namespace rapport {

void validateScenario(const Scenario& scenario, DiagnosticList& diags);

}  // namespace rapport
