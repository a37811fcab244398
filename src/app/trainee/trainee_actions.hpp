// What the trainee screens (sign-in, library, conversation, resume prompt, debrief) ask for. They
// take the data they draw and this interface, never the App, so they can be drawn and tested apart
// from it; TraineeArea implements it.
#pragma once

#include <string_view>

#include "app/trainee/trainee_profile.hpp"
#include "core/play/attempt_mode.hpp"

namespace rapport::app {

class TraineeActions {
public:
    virtual ~TraineeActions() = default;
    virtual void signIn(const TraineeProfile& profile) = 0;
    // Opens library entry `entry` in `mode`, or first offers to resume an unfinished attempt.
    virtual void openScenario(int entry, AttemptMode mode) = 0;
    virtual void resumeAttempt() = 0;  // continues the offered attempt
    virtual void startOver() = 0;      // abandons the offered attempt and starts a new one
    virtual void cancelResume() = 0;
    virtual void choose(int position) = 0;  // the reply at `position` among the shown choices
    virtual void showDebrief() = 0;
    virtual void tryAgain() = 0;      // the same scenario again, in the same mode
    virtual void nextScenario() = 0;  // the library's next playable scenario, else the library
    virtual void backToLibrary() = 0;
    // Plays what campaign `campaign` (the library's track index) allows next: its next meeting
    // from the carried start, the interrupted one resumed, or meeting 1 of a new run.
    virtual void openCampaign(int campaign) = 0;
    // From a meeting's debrief: the campaign's next meeting (openCampaign of the same campaign).
    virtual void nextMeeting() = 0;
    // Text about to be drawn that may hold characters the fonts lack (a typed name).
    virtual void requireGlyphs(std::string_view text) = 0;
};

}  // namespace rapport::app
