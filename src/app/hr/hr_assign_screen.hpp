// HR reports, assignments: what trainers have asked trainees to play next (scenario, to whom,
// due, overdue, how many have done it), a form to add one and a confirmed remove. It reads and
// writes through store/assignment_book.hpp, over the same store as the other HR pages (the
// desktop's file, or the central store as the app's login); the rules (who may, what a valid
// due date is, when one is done) are the store's and core's.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/hr/hr_actions.hpp"
#include "app/shell/screen_context.hpp"
#include "core/library/scenario_library.hpp"
#include "store/assignment_book.hpp"

namespace rapport::app {

class HrAssignScreen {
public:
    // `target` is the HR area's store (path or postgresql:// URI). `changed` is called after an
    // assignment was added or removed (the library's recommendation reads them again).
    void Draw(const ScreenContext& ctx, const std::string& target, HrActions& actions,
              const ScenarioLibrary& library, const std::function<void()>& changed);
    // Reads the list again at the next draw (the page was opened again).
    void invalidate() { loaded_ = false; }

    const std::vector<store::AssignmentRow>& rows() const { return rows_; }
    const std::string& error() const { return error_; }

private:
    void reload(const std::string& target);
    void add(const std::string& target, const std::function<void()>& changed);

    bool loaded_ = false;
    std::vector<store::AssignmentRow> rows_;
    store::AssignablePeople people_;
    std::string error_;    // the list could not be read
    std::string message_;  // what the last add or remove did
    bool messageIsError_ = false;
    // The form.
    std::string scenario_;
    bool toGroup_ = true;
    std::string whom_;
    std::string due_;
    std::string note_;
    std::string confirming_;  // the key whose removal is being asked about
};

}  // namespace rapport::app
