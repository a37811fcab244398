// The dominated-reply check of scenario analysis.
#pragma once

#include "core/analysis/evidence_profile.hpp"
#include "core/analysis/scenario_analysis.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

// Appends to a.dominated every reply never better on any competency than a sibling shown with
// it in a reachable state of graph, naming the sibling with the highest weighted points.
void findDominatedReplies(const Scenario& s, const Framework& f, const StateGraph& graph,
                          const ScenarioEvidence& ev, ScenarioAnalysis& a);

}  // namespace rapport
