// Whole-scenario checks that need the graph: reachability from start (respecting conditions
// and once-choices where that can be decided), dead ends, endings that cannot be reached,
// portraits outside the scenario's folder. Same diagnostics as the loader.
#pragma once

#include "core/diagnostics/diagnostic.hpp"
#include "core/scenario/scenario.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

void validateScenario(const Scenario& scenario, DiagnosticList& diags);
// The same over the scenario's state graph already explored (exploreStates(scenario) with the
// default bound), for a caller that also needs it: the space is not explored again.
void validateScenario(const Scenario& scenario, const StateGraph& graph, DiagnosticList& diags);

}  // namespace rapport
