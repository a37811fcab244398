// The designed look: one palette per mode (light, dark, high contrast) and the sizes that go with
// it, scaled for the monitor's content scale. Screens take colours from the palette, never
// literals, so both modes stay consistent.
#pragma once

#include <imgui.h>

#include <optional>
#include <string_view>

namespace rapport::app {

// High contrast is for low vision and glare: every text colour at least 7:1 against the
// surfaces it is drawn on and every control edge at least 3:1 (WCAG 2.2 1.4.6 and 1.4.11),
// checked from these colours by tests/app/unit-app-theme-contrast.cpp.
enum class ThemeMode { Light, Dark, HighContrast };

// The theme a button press moves to: light, dark, high contrast, then light again.
ThemeMode nextThemeMode(ThemeMode mode);
// "light", "dark", "high-contrast": the names --theme, the script and settings.json use.
const char* themeModeName(ThemeMode mode);
std::optional<ThemeMode> themeModeFromName(std::string_view name);

struct Palette {
    ImVec4 background;  // window background
    ImVec4 surface;     // cards, panels
    ImVec4 surfaceAlt;  // hovered cards, table stripes
    ImVec4 border;
    ImVec4 text;
    ImVec4 textMuted;
    ImVec4 accent;  // primary actions, trainee bubbles' edge, focus
    ImVec4 accentHover;
    ImVec4 accentText;  // text on accent
    ImVec4 clientBubble;
    ImVec4 castBubble;  // named speakers besides the client
    ImVec4 traineeBubble;
    ImVec4 narrator;  // narrator lines
    ImVec4 success;
    ImVec4 warning;
    ImVec4 danger;
    ImVec4 track;  // empty part of bars
};

struct Theme {
    ThemeMode mode = ThemeMode::Light;
    float scale = 1.0f;  // content scale: 1 at 96 dpi
    Palette palette;

    float px(float size) const { return size * scale; }  // design pixels -> screen pixels
};

// A theme for `mode` at content scale `scale` (clamped to 0.5–4).
Theme makeTheme(ThemeMode mode, float scale);
// The palette of `mode` alone (tests measure its contrast).
Palette paletteFor(ThemeMode mode);
// Writes the theme's colours, rounding and spacing (scaled) into `style`, replacing all of it.
void applyTheme(const Theme& theme, ImGuiStyle& style);

ImU32 toU32(const ImVec4& c, float alphaScale = 1.0f);
// `c` blended toward `toward` by t (0..1); used for hover shades and meter fills.
ImVec4 mix(const ImVec4& c, const ImVec4& toward, float t);

}  // namespace rapport::app
