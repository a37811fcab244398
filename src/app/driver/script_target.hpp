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
    // "light", "dark" or "high-contrast" (the parser has checked the name).
    virtual void setTheme(const std::string& name) = 0;
    // 1 to 2: the reader's text size (100 % to 200 %).
    virtual void setTextScale(float textScale) = 0;
    // As the window's close button: the app may ask about unsaved edits first.
    virtual void requestQuit() = 0;

protected:
    ~ScriptTarget() = default;
};

}  // namespace rapport::app
