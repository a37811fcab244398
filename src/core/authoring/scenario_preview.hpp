// Preview for authors: play a scenario from any node with chosen variable values, to try one
// branch without clicking through everything before it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/scenario/scenario.hpp"

namespace rapport {

// A copy of `scenario` whose sessions start at node `node` with `values` (one per variable,
// booleans as 0/1; meter variables clamped to their meter's range). Start a Session on it.
// Throws std::logic_error when `node` is out of range or `values` has the wrong size.
Scenario scenarioStartingAt(const Scenario& scenario, int node,
                            const std::vector<std::int64_t>& values);

}  // namespace rapport
