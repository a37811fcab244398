// Debrief after an ending: outcome, scores and levels per competency, a radar chart, strengths
// and development areas, and the transcript annotated with the evidence each line earned.
#pragma once

namespace rapport::app {

class App;

struct DebriefScreen {
    void Draw(App& app);
};

}  // namespace rapport::app
