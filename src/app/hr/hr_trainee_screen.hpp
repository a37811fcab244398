// HR reports, one trainee: best and last attempt, a trend line per competency, and the attempt
// history under the current filter; an attempt opens its debrief.
#pragma once

namespace rapport::app {

class App;

struct HrTraineeScreen {
    void Draw(App& app);
};

}  // namespace rapport::app
