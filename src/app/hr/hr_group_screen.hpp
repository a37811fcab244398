// HR reports, one group: the distribution of trainees' mean scores per competency (histogram and
// box plot) and who passed (finished, passed, best and last score per trainee).
#pragma once

namespace rapport::app {

class App;

struct HrGroupScreen {
    void Draw(App& app);
};

}  // namespace rapport::app
