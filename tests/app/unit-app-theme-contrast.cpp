// WCAG 2.2 contrast, computed from the theme colours themselves (relative luminance of sRGB,
// (L1 + 0.05) / (L2 + 0.05)): light and dark meet AA for text (4.5:1, 1.4.3) and high contrast
// meets AAA for text (7:1, 1.4.6) and 3:1 for control edges and bar fills (1.4.11).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "app/shell/theme.hpp"

using namespace rapport::app;

namespace {

double channel(float c) {
    // sRGB as WCAG defines it (its 0.04045 threshold); the palette holds 8-bit values.
    const double v = std::round(double(c) * 255.0) / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& c) {
    return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

using Pair = std::pair<const char*, ImVec4>;

std::vector<Pair> textColours(const Palette& p) {
    return {{"text", p.text}, {"textMuted", p.textMuted}, {"narrator", p.narrator}};
}

std::vector<Pair> surfaces(const Palette& p) {
    return {{"background", p.background}, {"surface", p.surface},
            {"surfaceAlt", p.surfaceAlt}, {"clientBubble", p.clientBubble},
            {"castBubble", p.castBubble}, {"traineeBubble", p.traineeBubble}};
}

void checkText(ThemeMode mode, double minimum) {
    const Palette p = paletteFor(mode);
    for (const auto& [fgName, fg] : textColours(p))
        for (const auto& [bgName, bg] : surfaces(p)) {
            INFO(themeModeName(mode), ": ", fgName, " on ", bgName, " = ", contrast(fg, bg));
            CHECK(contrast(fg, bg) >= minimum);
        }
    INFO(themeModeName(mode), ": accentText on accent = ", contrast(p.accentText, p.accent));
    CHECK(contrast(p.accentText, p.accent) >= minimum);
}

}  // namespace

TEST_CASE("contrast: the formula gives WCAG's known values") {
    const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1),
        grey(0x76 / 255.f, 0x76 / 255.f, 0x76 / 255.f, 1);
    CHECK(contrast(black, white) == doctest::Approx(21.0));
    CHECK(contrast(white, white) == doctest::Approx(1.0));
    CHECK(contrast(grey, white) == doctest::Approx(4.54).epsilon(0.01));  // #767676: just AA
}

TEST_CASE("contrast: light and dark text meet AA (4.5:1) on every surface and bubble") {
    checkText(ThemeMode::Light, 4.5);
    checkText(ThemeMode::Dark, 4.5);
}

TEST_CASE("contrast: high contrast meets 7:1 for all text and 3:1 for controls and bar fills") {
    const Palette p = paletteFor(ThemeMode::HighContrast);
    checkText(ThemeMode::HighContrast, 7.0);
    // Meaning colours are drawn as text too (meter changes, pass / fail).
    for (const auto& [name, c] : std::vector<Pair>{{"accent", p.accent},
                                                   {"success", p.success},
                                                   {"warning", p.warning},
                                                   {"danger", p.danger}}) {
        for (const auto& [bgName, bg] : surfaces(p)) {
            INFO(name, " on ", bgName, " = ", contrast(c, bg));
            CHECK(contrast(c, bg) >= 7.0);
        }
        INFO(name, " on track = ", contrast(c, p.track));
        CHECK(contrast(c, p.track) >= 3.0);  // a bar's fill against its empty part
    }
    for (const auto& [bgName, bg] : surfaces(p)) {
        INFO("border on ", bgName, " = ", contrast(p.border, bg));
        CHECK(contrast(p.border, bg) >= 3.0);  // every field's and button's edge
        CHECK(contrast(p.accent, bg) >= 3.0);  // focus ring
    }
}

TEST_CASE("themes: the button cycles light, dark, high contrast; names round-trip") {
    CHECK(nextThemeMode(ThemeMode::Light) == ThemeMode::Dark);
    CHECK(nextThemeMode(ThemeMode::Dark) == ThemeMode::HighContrast);
    CHECK(nextThemeMode(ThemeMode::HighContrast) == ThemeMode::Light);
    for (ThemeMode m : {ThemeMode::Light, ThemeMode::Dark, ThemeMode::HighContrast})
        CHECK(themeModeFromName(themeModeName(m)) == m);
    CHECK_FALSE(themeModeFromName("sepia").has_value());
}
