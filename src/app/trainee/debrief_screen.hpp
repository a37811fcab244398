// Debrief after an ending: outcome, scores and levels per competency, a radar chart, strengths
// and development areas, and the transcript annotated with the evidence each line earned.
#pragma once

#include <string>
#include <vector>

#include "app/shell/framework_shelf.hpp"
#include "app/shell/screen_context.hpp"
#include "app/trainee/campaign_track.hpp"
#include "app/trainee/save_state.hpp"
#include "app/trainee/trainee_actions.hpp"
#include "core/play/attempt_progress.hpp"
#include "core/play/session.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/score_report.hpp"
#include "core/scoring/step_advice.hpp"
#include "core/text/trainee_text.hpp"

namespace rapport::app {

// What the debrief body shows: the live session's result, or a stored attempt (HR attempt page).
struct DebriefContent {
    const ScoreReport* report = nullptr;  // null when the attempt was not scored
    const Scenario* scenario = nullptr;   // null when the scenario is not loaded: no narrator
                                          // styling, feedback or client name from it
    const Transcript* transcript = nullptr;
    const std::vector<StepAdvice>* advice = nullptr;  // may be null
    // Against the trainee's previous attempt of the scenario; null on a first attempt.
    const AttemptProgress* progress = nullptr;
    std::string endingTitle, endingSummary;
    std::string reportError;  // why there is no report, if known
    bool pending = false;     // the report is still being computed
    // In the interface language, set by the screen that shows the debrief.
    std::string clientName;      // used when `scenario` is null
    std::string traineeCaption;  // caption over the trainee's lines
    std::string transcriptHeading;
    TraineeForms trainee;  // {trainee} and {masculine|feminine} in lines and replies
};

// Summary, competencies, radar, remarks and the annotated transcript, in a child filling the
// rest of the window. Indicators are described in the words of `frameworks`.
void drawDebriefBody(const ScreenContext& ctx, const DebriefContent& content,
                     const FrameworkShelf& frameworks);

// The live attempt the trainee's debrief shows.
struct DebriefView {
    const Session* session = nullptr;  // not finished (or null): the screen goes to the library
    SaveState saveState = SaveState::None;
    const ScoreReport* report = nullptr;  // null while scoring or when it could not be scored
    const std::vector<StepAdvice>* advice = nullptr;
    const AttemptProgress* progress = nullptr;  // null on a first attempt
    std::string reportError;
    bool pending = false;  // being scored
    TraineeForms trainee;  // whom the transcript's lines address
    // Set when the attempt is a campaign's meeting: its progress is shown, and "Next meeting"
    // replaces "Try again" and "Next scenario" (meetings are played once each, in order).
    const CampaignCard* campaign = nullptr;
    bool campaignCounted = false;  // the campaign's state includes this meeting already
};

struct DebriefScreen {
    void Draw(const ScreenContext& ctx, const DebriefView& view, const FrameworkShelf& frameworks,
              TraineeActions& actions);
};

}  // namespace rapport::app
