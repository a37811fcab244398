// HR reports, assignments: what trainers have asked trainees to play next (scenario, to whom,
// due, overdue, how many have done it), a form to add one and a confirmed remove. It reads and
// writes through store/assignment_book.hpp, over the same store as the other HR pages (the
// desktop's file, or the central store as the app's login); the rules (who may, what a valid
// due date is, when one is done) are the store's and core's. Every store call runs on a worker
// (HrJob, as the other HR pages): a central store that is down or slow to answer shows
// "Loading…" / "Saving…" and then its error, and never holds up the window.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/hr/hr_actions.hpp"
#include "app/hr/hr_data.hpp"
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
    // Picks up a finished list or write (each frame, shown or not: a finished save calls
    // `changed` even after HR left the page).
    void poll(const std::string& target, const std::function<void()>& changed);
    // Reads the list again at the next draw (the page was opened again).
    void invalidate() { loaded_ = false; }

    const std::vector<store::AssignmentRow>& rows() const { return rows_; }
    const std::string& error() const { return list_.error(); }
    const std::string& note() const { return note_; }
    bool busy() const { return list_.running() || write_.running(); }
    bool saving() const { return write_.running(); }
    // Blocks until the running list and write are done (tests); the next Draw picks them up.
    void waitIdle() { write_.wait(), list_.wait(); }

    // What a write on the worker came to; worded on the UI thread.
    struct Outcome {
        enum class Kind { Added, Removed, Gone, Failed } kind = Kind::Failed;
        std::string error;      // Failed: the store's own words
        bool refused = false;   // Failed: the central store's row-level security said no
        std::string due, note;  // Added: what was sent, so a field edited since is kept
    };
    struct Listing {
        std::vector<store::AssignmentRow> rows;
        store::AssignablePeople people;
    };

private:
    void reload(const std::string& target);
    void add(const std::string& target);
    void finished(const Outcome& o, const std::string& target,
                  const std::function<void()>& changed);

    bool loaded_ = false;
    HrJob<Listing> list_;
    HrJob<Outcome> write_;
    std::vector<store::AssignmentRow> rows_;  // the last list read (kept while another loads)
    store::AssignablePeople people_;
    std::string writing_;  // the scenario being assigned, for the message when it is saved
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
