#include "app/shell/theme.hpp"

#include <algorithm>

namespace rapport::app {
namespace {

ImVec4 rgb(int hex, float a = 1.0f) {
    return ImVec4(float((hex >> 16) & 0xFF) / 255.0f, float((hex >> 8) & 0xFF) / 255.0f,
                  float(hex & 0xFF) / 255.0f, a);
}

// Calm, office-like colours: a slate neutral scale and one blue accent, with green/amber/red kept
// for meaning (pass, caution, fail) only.
Palette lightPalette() {
    Palette p;
    p.background = rgb(0xF3F5F8);
    p.surface = rgb(0xFFFFFF);
    p.surfaceAlt = rgb(0xEEF2F7);
    p.border = rgb(0xD5DBE3);
    p.text = rgb(0x1E2430);
    p.textMuted = rgb(0x525C6A);
    p.accent = rgb(0x2C6BD9);
    p.accentHover = rgb(0x245BBB);
    p.accentText = rgb(0xFFFFFF);
    p.clientBubble = rgb(0xE9EDF2);
    p.castBubble = rgb(0xF1ECE3);
    p.traineeBubble = rgb(0xDCE8FC);
    p.narrator = rgb(0x4F5A68);  // body text: AA (4.5:1) on every bubble
    p.success = rgb(0x1F8A4C);
    p.warning = rgb(0xB7791F);
    p.danger = rgb(0xC53A3A);
    p.track = rgb(0xE1E6ED);
    return p;
}

Palette darkPalette() {
    Palette p;
    p.background = rgb(0x14171C);
    p.surface = rgb(0x1D2128);
    p.surfaceAlt = rgb(0x252A33);
    p.border = rgb(0x333A45);
    p.text = rgb(0xE4E8EE);
    p.textMuted = rgb(0x98A2B0);
    p.accent = rgb(0x4C8DF6);
    p.accentHover = rgb(0x6A9FF7);
    p.accentText = rgb(0x0B1220);  // white on this blue is only 3.3:1
    p.clientBubble = rgb(0x262C36);
    p.castBubble = rgb(0x33302B);
    p.traineeBubble = rgb(0x1F3557);
    p.narrator = rgb(0x9DA8B8);
    p.success = rgb(0x3DB46D);
    p.warning = rgb(0xD9A13B);
    p.danger = rgb(0xE05D5D);
    p.track = rgb(0x2C323C);
    return p;
}

// Near-black with pure white text and a yellow accent, as in the high-contrast modes people
// already know; bubbles stay apart by their borders, not by faint tints.
Palette highContrastPalette() {
    Palette p;
    p.background = rgb(0x000000);
    p.surface = rgb(0x0A0A0A);
    p.surfaceAlt = rgb(0x1F1F1F);
    p.border = rgb(0xFFFFFF);
    p.text = rgb(0xFFFFFF);
    p.textMuted = rgb(0xE0E0E0);
    p.accent = rgb(0xFFE14D);
    p.accentHover = rgb(0xFFF0A0);
    p.accentText = rgb(0x000000);
    p.clientBubble = rgb(0x101010);
    p.castBubble = rgb(0x14101A);
    p.traineeBubble = rgb(0x001A33);
    p.narrator = rgb(0xE0E0E0);
    p.success = rgb(0x5CFF8A);
    p.warning = rgb(0xFFC94D);
    p.danger = rgb(0xFF8C8C);
    p.track = rgb(0x3A3A3A);  // every fill colour is ≥ 3:1 against it
    return p;
}

}  // namespace

ThemeMode nextThemeMode(ThemeMode mode) {
    switch (mode) {
        case ThemeMode::Light:
            return ThemeMode::Dark;
        case ThemeMode::Dark:
            return ThemeMode::HighContrast;
        case ThemeMode::HighContrast:
            break;
    }
    return ThemeMode::Light;
}

const char* themeModeName(ThemeMode mode) {
    switch (mode) {
        case ThemeMode::Dark:
            return "dark";
        case ThemeMode::HighContrast:
            return "high-contrast";
        case ThemeMode::Light:
            break;
    }
    return "light";
}

std::optional<ThemeMode> themeModeFromName(std::string_view name) {
    for (ThemeMode m : {ThemeMode::Light, ThemeMode::Dark, ThemeMode::HighContrast})
        if (name == themeModeName(m)) return m;
    return std::nullopt;
}

Palette paletteFor(ThemeMode mode) {
    switch (mode) {
        case ThemeMode::Dark:
            return darkPalette();
        case ThemeMode::HighContrast:
            return highContrastPalette();
        case ThemeMode::Light:
            break;
    }
    return lightPalette();
}

ImU32 toU32(const ImVec4& c, float alphaScale) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, c.w * alphaScale));
}

ImVec4 mix(const ImVec4& c, const ImVec4& t, float k) {
    return ImVec4(c.x + (t.x - c.x) * k, c.y + (t.y - c.y) * k, c.z + (t.z - c.z) * k,
                  c.w + (t.w - c.w) * k);
}

Theme makeTheme(ThemeMode mode, float scale) {
    Theme t;
    t.mode = mode;
    t.scale = std::clamp(scale, 0.5f, 4.0f);
    t.palette = paletteFor(mode);
    return t;
}

void applyTheme(const Theme& theme, ImGuiStyle& style) {
    const Palette& p = theme.palette;
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(10, 7);
    style.CellPadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.IndentSpacing = 18;
    style.ScrollbarSize = 12;
    style.GrabMinSize = 12;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    // High contrast draws every control's edge thicker, so its outline reads at a glance.
    style.FrameBorderSize = theme.mode == ThemeMode::HighContrast ? 2 : 1;
    style.WindowRounding = 0;
    style.ChildRounding = 10;
    style.FrameRounding = 7;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 7;
    style.SelectableTextAlign = ImVec2(0, 0.5f);
    style.ScaleAllSizes(theme.scale);

    ImVec4* c = style.Colors;
    const ImVec4 clear(0, 0, 0, 0);
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textMuted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = clear;
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = clear;
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = p.surfaceAlt;
    c[ImGuiCol_FrameBgActive] = p.surfaceAlt;
    c[ImGuiCol_TitleBg] = p.surface;
    c[ImGuiCol_TitleBgActive] = p.surface;
    c[ImGuiCol_TitleBgCollapsed] = p.surface;
    c[ImGuiCol_MenuBarBg] = p.surface;
    c[ImGuiCol_ScrollbarBg] = clear;
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.textMuted;
    c[ImGuiCol_ScrollbarGrabActive] = p.textMuted;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accentHover;
    c[ImGuiCol_Button] = p.surface;
    c[ImGuiCol_ButtonHovered] = p.surfaceAlt;
    c[ImGuiCol_ButtonActive] = mix(p.surfaceAlt, p.accent, 0.15f);
    c[ImGuiCol_Header] = mix(p.surface, p.accent, 0.12f);
    c[ImGuiCol_HeaderHovered] = mix(p.surface, p.accent, 0.20f);
    c[ImGuiCol_HeaderActive] = mix(p.surface, p.accent, 0.28f);
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.accent;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = clear;
    c[ImGuiCol_ResizeGripHovered] = p.accent;
    c[ImGuiCol_ResizeGripActive] = p.accent;
    c[ImGuiCol_Tab] = p.surface;
    c[ImGuiCol_TabHovered] = p.surfaceAlt;
    c[ImGuiCol_TabActive] = mix(p.surface, p.accent, 0.15f);
    c[ImGuiCol_TabUnfocused] = p.surface;
    c[ImGuiCol_TabUnfocusedActive] = p.surfaceAlt;
    c[ImGuiCol_PlotLines] = p.accent;
    c[ImGuiCol_PlotLinesHovered] = p.accentHover;
    c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_PlotHistogramHovered] = p.accentHover;
    c[ImGuiCol_TableHeaderBg] = p.surfaceAlt;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = clear;
    c[ImGuiCol_TableRowBgAlt] = mix(p.surface, p.surfaceAlt, 0.5f);
    c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.30f);
    c[ImGuiCol_DragDropTarget] = p.accent;
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_NavWindowingHighlight] = p.accent;
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.3f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.35f);
}

}  // namespace rapport::app
