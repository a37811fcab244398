// The app as a script sees it, besides the input the driver writes into ImGui: the current
// screen's name, the widgets of the last frame, whether background work still runs, and the
// theme it may switch. The shell implements it; the driver knows nothing else of the app.
#pragma once

#include <string>

#include "app/driver/widget_locator.hpp"

namespace rapport::app {

class ScriptTarget {
public:
    virtual std::string screenName() const = 0;
    virtual const WidgetLocator& widgets() const = 0;
    // Scoring, store writes or an HR query still running: wait-idle waits for it.
    virtual bool busy() const = 0;
    virtual void setDarkTheme(bool dark) = 0;

protected:
    ~ScriptTarget() = default;
};

}  // namespace rapport::app
