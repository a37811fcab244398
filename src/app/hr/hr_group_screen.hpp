// HR reports, one group: the distribution of trainees' mean scores per competency (histogram and
// box plot) and who passed (finished, passed, best and last score per trainee).
#pragma once

#include "app/hr/hr_actions.hpp"
#include "app/hr/hr_data.hpp"
#include "app/shell/screen_context.hpp"

namespace rapport::app {

struct HrGroupScreen {
    void Draw(const ScreenContext& ctx, HrData& hr, HrActions& actions);
};

}  // namespace rapport::app
