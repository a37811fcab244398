// Scenario library: a grid of scenario cards with filters by sector and competency and a search
// box; each card starts the scenario in practice or exam mode.
#pragma once

#include "core/library/scenario_library.hpp"

namespace rapport::app {

class App;

struct LibraryScreen {
    LibraryFilter filter;
    bool showProblems = false;  // list of files that did not load, for trainers

    void Draw(App& app);
};

}  // namespace rapport::app
