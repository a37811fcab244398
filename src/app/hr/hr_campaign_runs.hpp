// HR reports, one trainee's account campaigns: each run with its campaign, meetings played,
// campaign score and whether it passed, and a button per meeting that opens that meeting's
// attempt. The run's state is core's (core/campaign/campaign_progress.hpp), read off the same
// attempts the history below lists.
#pragma once

#include <vector>

#include "app/hr/hr_actions.hpp"
#include "app/hr/hr_data.hpp"
#include "app/shell/screen_context.hpp"
#include "core/campaign/campaign.hpp"
#include "core/reports/report_model.hpp"

namespace rapport::app {

// Draws nothing when none of `attempts` is a meeting of one of `campaigns`.
void drawCampaignRuns(const ScreenContext& ctx, const std::vector<AttemptRecord>& attempts,
                      const std::vector<Campaign>& campaigns, HrData& hr, HrActions& actions);

}  // namespace rapport::app
