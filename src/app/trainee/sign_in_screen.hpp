// Sign-in: the trainee's name (required), employee id and group (optional). Pre-filled with the
// remembered profile, so a returning trainee just presses Enter.
#pragma once

#include "app/trainee/trainee_profile.hpp"

namespace rapport::app {

class App;

struct SignInScreen {
    TraineeProfile draft;
    bool prefilled = false;  // draft taken from the remembered profile once
    bool focusName = true;   // put the caret in the name field on first show

    void Draw(App& app);
};

}  // namespace rapport::app
