// A trainee's best score per scenario, as the library shows it beside each scenario.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/reports/report_model.hpp"

namespace rapport {

// By scenario id, the score of the best finished attempt (bestAttempt in group_statistics),
// rounded to a whole number; scenarios without a scored finished attempt are left out.
std::map<std::string, int> bestScores(const std::vector<AttemptRecord>& attempts);

}  // namespace rapport
