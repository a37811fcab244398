// HR reports, item analysis: per decision point and reply of one scenario, under the practice /
// exam filter, the figures core computes (choice share, difficulty, point-biserial, points lost,
// flags), read on a worker from the HR area's store (store/item_report_reader.hpp), with the
// same printable page as `rapport report --format html-items`.
#pragma once

#include <string>

#include "app/hr/hr_actions.hpp"
#include "app/hr/hr_data.hpp"
#include "app/shell/screen_context.hpp"
#include "core/library/scenario_library.hpp"
#include "core/reports/report_items.hpp"

namespace rapport::app {

class HrItemsScreen {
public:
    void Draw(const ScreenContext& ctx, const std::string& target, HrData& hr, HrActions& actions,
              const ScenarioLibrary& library);

    const HrJob<ItemReport>& report() const { return job_; }
    void waitIdle() { job_.wait(); }
    bool busy() const { return job_.running(); }

private:
    void start(const std::string& target, const ScenarioLibrary& library);

    std::string scenario_;
    std::string mode_;  // "", "practice", "exam"
    HrJob<ItemReport> job_;
    std::string printed_;  // the printable page's path, or why it could not be written
    bool printedOk_ = false;
};

}  // namespace rapport::app
