// Checks a campaign against the scenarios it chains: every meeting names a playable scenario,
// and every carried variable exists on both sides with the same type and range, so the carried
// value is always a valid start for the next meeting.
#pragma once

#include <vector>

#include "core/campaign/campaign.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

// `scenarios` are the playable scenarios a campaign may name (the library's). Adds RAP0110–0112
// to `diagnostics`, located in the campaign file.
void checkCampaign(const Campaign& campaign, const std::vector<const Scenario*>& scenarios,
                   DiagnosticList& diagnostics);

// The scenario of each meeting, in order; null where the id is unknown.
std::vector<const Scenario*> campaignScenarios(const Campaign& campaign,
                                               const std::vector<const Scenario*>& scenarios);

}  // namespace rapport
