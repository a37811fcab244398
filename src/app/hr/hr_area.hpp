// The HR reports area: the results it reads (HrData), its pages (table, trainee, attempt, group,
// assignments, item analysis) and moving between them. Opening HR remembers the screen it was
// opened from; leaving goes back there, or to sign-in when that screen needs a trainee who has
// signed out since.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "app/hr/hr_actions.hpp"
#include "app/hr/hr_assign_screen.hpp"
#include "app/hr/hr_attempt_screen.hpp"
#include "app/hr/hr_data.hpp"
#include "app/hr/hr_group_screen.hpp"
#include "app/hr/hr_items_screen.hpp"
#include "app/hr/hr_sources.hpp"
#include "app/hr/hr_table_screen.hpp"
#include "app/hr/hr_trainee_screen.hpp"
#include "app/shell/navigator.hpp"
#include "app/shell/screen_context.hpp"

namespace rapport::app {

class HrArea final : private HrActions {
public:
    // Reads the results database at `database` ("" = none) once a page is drawn.
    HrArea(std::string database, Navigator& shell);

    HrData& data() { return data_; }
    const HrData& data() const { return data_; }
    HrTableScreen& table() { return table_; }  // the first page, as last drawn
    const HrAssignScreen& assignments() const { return assign_; }
    HrItemsScreen& items() { return items_; }
    // Called after the assignments page added or removed one.
    std::function<void()> onAssignmentsChanged;

    bool showing() const { return isHrScreen(shell_.screen()); }  // an HR page is the screen
    void open(ScreenId page = ScreenId::HrTable);                 // an Hr* page; others are ignored
    void leave() override;  // back to where HR was opened from

    // Takes finished queries; per frame.
    void poll() {
        data_.poll();
        // A save finished after HR left the page still tells the library (and reads the list).
        assign_.poll(target_, onAssignmentsChanged);
    }
    // True while a query runs on its worker.
    bool busy() const { return data_.busy() || items_.busy() || assign_.busy(); }
    // Changes when loaded results may hold text the fonts lack.
    std::uint64_t revision() const { return data_.revision(); }
    std::string glyphText() const { return data_.glyphText(); }

    // Draws the current HR page.
    void Draw(const ScreenContext& ctx, const HrSources& sources);

private:
    void openPage(ScreenId page) override { open(page); }

    Navigator& shell_;
    std::string target_;  // the store the pages read, for the assignments page's writes
    HrData data_;
    ScreenId returnTo_ = ScreenId::SignIn;
    HrTableScreen table_;
    HrTraineeScreen trainee_;
    HrAttemptScreen attempt_;
    HrGroupScreen group_;
    HrAssignScreen assign_;
    HrItemsScreen items_;
};

}  // namespace rapport::app
