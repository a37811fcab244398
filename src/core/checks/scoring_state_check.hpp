// The validator's side of the best-path search: a scenario whose optimum cannot be found is
// refused before anyone plays it.
#pragma once

#include <cstddef>
#include <optional>

#include "core/diagnostics/diagnostic.hpp"
#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/optimum.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

// RAP0059 (a loop that earns points), located in the scenario file. Returns the optimum when
// the search found one (no diagnostic then).
std::optional<ScenarioOptimum> checkScoringStateSpace(const Scenario& scenario,
                                                      const Framework& framework,
                                                      DiagnosticList& diags,
                                                      std::size_t maxStates = kMaxScoringStates);
// The same over `graph` = exploreStates(scenario, maxStates); same diagnostics.
std::optional<ScenarioOptimum> checkScoringStateSpace(const Scenario& scenario,
                                                      const Framework& framework,
                                                      const StateGraph& graph,
                                                      DiagnosticList& diags,
                                                      std::size_t maxStates = kMaxScoringStates);

}  // namespace rapport
