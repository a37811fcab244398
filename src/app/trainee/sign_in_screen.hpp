// Sign-in: the trainee's name (required), employee id and group (optional). Pre-filled with the
// remembered profile, so a returning trainee just presses Enter.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/shell/screen_context.hpp"
#include "app/trainee/trainee_actions.hpp"
#include "app/trainee/trainee_profile.hpp"

namespace rapport::app {

struct SignInScreen {
    TraineeProfile draft;
    bool prefilled = false;     // draft taken from the remembered profile once
    bool focusName = true;      // put the caret in the name field on first show
    std::string languageError;  // the language choice could not be remembered
    float contentH = 0;         // the card's content height last frame (it grows with the language)

    // `remembered` pre-fills the form once; `dataDir` and `database` ("" = attempts not
    // recorded) are named in the small print. "Start training" calls signIn.
    void Draw(const ScreenContext& ui, const std::optional<TraineeProfile>& remembered,
              const std::filesystem::path& dataDir, const std::string& database,
              TraineeActions& actions);
};

}  // namespace rapport::app
