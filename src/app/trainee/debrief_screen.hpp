// Debrief after an ending: outcome, scores and levels per competency, a radar chart, strengths
// and development areas, and the transcript annotated with the evidence each line earned.
#pragma once

#include <string>
#include <vector>

#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/score_report.hpp"
#include "core/scoring/step_advice.hpp"

namespace rapport::app {

class App;

// What the debrief body shows: the live session's result, or a stored attempt (HR attempt page).
struct DebriefContent {
    const ScoreReport* report = nullptr;  // null when the attempt was not scored
    const Scenario* scenario = nullptr;   // null when the scenario is not loaded: no narrator
                                          // styling, feedback or client name from it
    const Transcript* transcript = nullptr;
    const std::vector<StepAdvice>* advice = nullptr;  // may be null
    std::string endingTitle, endingSummary;
    std::string reportError;             // why there is no report, if known
    bool pending = false;                // the report is still being computed
    std::string clientName = "Client";   // used when `scenario` is null
    std::string traineeCaption = "You";  // caption over the trainee's lines
    std::string transcriptHeading = "Your conversation, annotated";
};

// Summary, competencies, radar, remarks and the annotated transcript, in a child filling the
// rest of the window.
void drawDebriefBody(App& app, const DebriefContent& content);

struct DebriefScreen {
    void Draw(App& app);
};

}  // namespace rapport::app
