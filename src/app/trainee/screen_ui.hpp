// What every trainee screen draws with: the theme, the fonts and the widget locator scripts use.
#pragma once

#include "app/driver/widget_locator.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/theme.hpp"

namespace rapport::app {

struct ScreenUi {
    const Theme& theme;
    const FontSet& fonts;
    WidgetLocator& loc;
};

}  // namespace rapport::app
