// Bounds of the scenario optimum for a scenario too large to search exactly (RAP0053, a
// warning): computed over the node graph alone, as if every reply were always shown and no
// variable, once-choice or rule state existed. docs/scoring.md 5.3 says what they promise.
#pragma once

#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/optimum.hpp"

namespace rapport {

// `best` is at least the exact best total: every real path is a path of the node graph, and
// inside a loop each reply's points are counted once (a reply that could be collected again and
// again is a points loop, which the exact search reports on scenarios small enough to search).
// Behaviour-rule violations only cost points, so leaving them out keeps it an upper bound.
// `worst` is the node graph's lowest total (rules left out too), an estimate the score clamps
// against. `bestPath` is empty and `exact` false. Nullopt when no ending can be reached.
std::optional<ScenarioOptimum> boundOptimum(const Scenario& scenario, const Framework& framework);

}  // namespace rapport
