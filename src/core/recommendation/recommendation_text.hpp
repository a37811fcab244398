// The reason of a recommendation as one translated sentence for the trainee ("due: objection
// handling — last practised 12 days ago, predicted success 65 %").
#pragma once

#include <string>

#include "core/recommendation/next_scenario.hpp"

namespace rapport {

// The predicted chance as a whole percent, 0-100.
int predictedPercent(const RecommendationReason& reason);

std::string describeRecommendation(const RecommendationReason& reason);

}  // namespace rapport
