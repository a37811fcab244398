// HR reports, first page: trainees x competencies (mean score per cell; best, last and the number
// of attempts in a tooltip), sortable by any column, filtered by group, scenario and date range
// through the results store. A trainee opens their page; a group opens the group page.
#pragma once

#include <cstdint>
#include <string>

#include "app/hr/hr_actions.hpp"
#include "app/hr/hr_data.hpp"
#include "app/hr/hr_table_model.hpp"
#include "app/shell/screen_context.hpp"
#include "core/library/scenario_library.hpp"

namespace rapport::app {

struct HrTableScreen {
    // `library`: the scenarios the filter offers.
    void Draw(const ScreenContext& ctx, HrData& hr, HrActions& actions,
              const ScenarioLibrary& library);

    // The table as drawn (rows in display order), rebuilt when a new result arrives or the sort
    // changes; tests read it.
    HrTable table;
    HrSort sort;  // the last header clicked (over `table`'s columns); the store's is hr.sort()
    std::string since, until;  // date fields as typed
    std::string dateError;

private:
    void rebuild(const HrData& hr);
    const void* builtFrom_ = nullptr;
    std::uint64_t builtRevision_ = ~std::uint64_t(0);
    unsigned tableId_ = 0;  // the ImGui table last drawn (one per column set)
};

}  // namespace rapport::app
