// What the app remembers between runs: the window's place and size, the theme, the text size and
// the interface language picked on the sign-in screen. One file, settings.json in the data
// folder ($XDG_CONFIG_HOME/rapport), written atomically (core/files/safe_output), so a crash
// while saving leaves the previous settings intact. Earlier versions kept the language apart in
// interface.json; it is read once, folded into settings.json and removed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/shell/theme.hpp"

namespace rapport::app {

struct WindowRect {
    int x = 0, y = 0, width = 0, height = 0;
    bool operator==(const WindowRect&) const = default;
};

struct AppSettings {
    std::optional<WindowRect> window;  // screen coordinates of the client area
    std::optional<ThemeMode> theme;
    std::optional<float> textScale;  // 1 = 100 %, up to 2 = 200 %
    // As saved; language_setting.hpp checks it is one the app offers.
    std::optional<std::string> language;
};

std::filesystem::path settingsPath(const std::filesystem::path& dataDir);
// interface.json, where versions before the merge kept the language.
std::filesystem::path legacyLanguagePath(const std::filesystem::path& dataDir);

// The settings in `dataDir`; empty settings when there is no file yet. A file that cannot be
// read or is not settings gives empty settings and a message in `error` (the window still
// opens, with defaults). A language still in interface.json (and not yet in settings.json) is
// taken over: written into settings.json, and interface.json removed once that succeeded.
AppSettings loadAppSettings(const std::filesystem::path& dataDir, std::string* error = nullptr);
bool saveAppSettings(const std::filesystem::path& dataDir, const AppSettings& settings,
                     std::string* error = nullptr);

// `want` moved and, if it must, shrunk so that all of it lies inside `workArea` (the monitor
// minus task bars and docks), never smaller than minWidth × minHeight unless the work area
// itself is smaller. A window whose top bar is off screen cannot be moved back by the user.
WindowRect fitToWorkArea(WindowRect want, const WindowRect& workArea, int minWidth, int minHeight);

// The first window on a monitor: `preferred` (1280×800) unless it does not fit, then 90 % of
// the work area; centred in it.
WindowRect firstWindow(int preferredWidth, int preferredHeight, const WindowRect& workArea);

}  // namespace rapport::app
