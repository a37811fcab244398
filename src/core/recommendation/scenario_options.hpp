// The scenarios of a library as the recommendation sees them: id, title and the competencies
// each one assesses (its primary competencies, named as its framework names them).
#pragma once

#include <vector>

#include "core/library/scenario_library.hpp"
#include "core/recommendation/next_scenario.hpp"

namespace rapport {

// Playable entries only, in library order; a scenario id found twice keeps its first entry.
std::vector<ScenarioOption> scenarioOptions(const ScenarioLibrary& library);

}  // namespace rapport
