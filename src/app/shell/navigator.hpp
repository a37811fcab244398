// The shell as the areas (HR, author) see it: the current screen, moving to another, and the
// trainee's state, which decides where leaving an area may land.
#pragma once

#include "app/shell/screen_id.hpp"

namespace rapport::app {

class Navigator {
public:
    virtual ScreenId screen() const = 0;
    virtual void show(ScreenId screen) = 0;
    // A trainee is signed in: the library and debrief can be shown.
    virtual bool signedIn() const = 0;
    // A session is being played or was just finished: the conversation can be shown.
    virtual bool playing() const = 0;

protected:
    ~Navigator() = default;
};

}  // namespace rapport::app
