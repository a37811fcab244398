// What every screen draws with: the look (theme and fonts) and the widget locator that records
// where the clickable widgets are, so scripted runs click them as a person would.
#pragma once

#include "app/driver/widget_locator.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/theme.hpp"

namespace rapport::app {

struct ScreenContext {
    const Theme& theme;
    const FontSet& fonts;
    WidgetLocator& locator;
};

}  // namespace rapport::app
