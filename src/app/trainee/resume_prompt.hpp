// The question asked when a trainee opens a scenario they left unfinished: resume it where it
// stopped, or start over (the old attempt is then kept as abandoned). A modal over any screen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/shell/screen_context.hpp"
#include "app/trainee/resume_offer.hpp"
#include "app/trainee/trainee_actions.hpp"

namespace rapport::app {

struct ResumePrompt {
    // Draws the modal while `offer` is set; its buttons call resumeAttempt, startOver or
    // cancelResume.
    void Draw(const ScreenContext& ui, const std::optional<ResumeOffer>& offer,
              TraineeActions& actions);
};

}  // namespace rapport::app
