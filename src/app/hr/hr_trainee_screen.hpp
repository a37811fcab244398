// HR reports, one trainee: best and last attempt, a trend line per competency, and the attempt
// history under the current filter; an attempt opens its debrief.
#pragma once

#include "app/hr/hr_actions.hpp"
#include "app/hr/hr_data.hpp"
#include "app/shell/screen_context.hpp"
#include "core/campaign/campaign.hpp"

namespace rapport::app {

struct HrTraineeScreen {
    // `campaigns` (may be null): the library's, whose runs the page lists above the history.
    void Draw(const ScreenContext& ctx, HrData& hr, HrActions& actions,
              const std::vector<Campaign>* campaigns = nullptr);
};

}  // namespace rapport::app
