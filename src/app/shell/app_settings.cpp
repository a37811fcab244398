#include "app/shell/app_settings.hpp"

#include <algorithm>
#include <cerrno>
#include <nlohmann/json.hpp>

#include "core/files/bounded_read.hpp"
#include "core/files/safe_output.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxSettingsBytes = 64u * 1024u;  // a few numbers; more is not settings
constexpr const char* kFormat = "rapport-settings/1";

void setError(std::string* error, std::string why) {
    if (error) *error = std::move(why);
}

}  // namespace

fs::path settingsPath(const fs::path& dataDir) { return dataDir / "settings.json"; }
fs::path legacyLanguagePath(const fs::path& dataDir) { return dataDir / "interface.json"; }

namespace {

// The language interface.json holds, if it is there and says one.
std::optional<std::string> legacyLanguage(const fs::path& dataDir) {
    const BoundedRead read =
        readBoundedFile(legacyLanguagePath(dataDir).string(), kMaxSettingsBytes);
    if (!read) return std::nullopt;
    const auto j = nlohmann::json::parse(read.text, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    const auto it = j.find("language");
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

AppSettings readSettingsFile(const fs::path& dataDir, bool& readable, std::string* error);

}  // namespace

AppSettings loadAppSettings(const fs::path& dataDir, std::string* error) {
    bool readable = true;
    AppSettings s = readSettingsFile(dataDir, readable, error);
    std::error_code ec;
    if (!readable || s.language || !fs::exists(legacyLanguagePath(dataDir), ec)) return s;
    // The one-time merge. A settings.json that could not be read is left alone (and so is
    // interface.json): the user's file is not replaced by defaults.
    s.language = legacyLanguage(dataDir);
    if (!s.language) return s;
    if (saveAppSettings(dataDir, s, error)) fs::remove(legacyLanguagePath(dataDir), ec);
    return s;
}

namespace {

AppSettings readSettingsFile(const fs::path& dataDir, bool& readable, std::string* error) {
    AppSettings s;
    const fs::path path = settingsPath(dataDir);
    const BoundedRead read = readBoundedFile(path.string(), kMaxSettingsBytes);
    if (read.systemError == ENOENT) return s;  // first run
    if (!read) {
        setError(error, read.message);
        readable = false;
        return s;
    }
    const auto j = nlohmann::json::parse(read.text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("format", "") != kFormat) {
        setError(error, path.string() + ": not Rapport settings (expected " + kFormat +
                            " JSON); using the defaults");
        readable = false;
        return s;
    }
    if (auto w = j.find("window"); w != j.end() && w->is_object()) {
        auto num = [&](const char* k) -> std::optional<int> {
            auto it = w->find(k);
            if (it == w->end() || !it->is_number_integer()) return std::nullopt;
            const auto v = it->get<long long>();
            if (v < -100000 || v > 100000) return std::nullopt;
            return int(v);
        };
        const auto x = num("x"), y = num("y"), wd = num("width"), ht = num("height");
        if (x && y && wd && ht && *wd > 0 && *ht > 0) s.window = WindowRect{*x, *y, *wd, *ht};
    }
    if (auto t = j.find("theme"); t != j.end() && t->is_string()) {
        s.theme = themeModeFromName(t->get<std::string>());
    }
    if (auto t = j.find("textScale"); t != j.end() && t->is_number()) {
        const double v = t->get<double>();
        if (v >= 1.0 && v <= 2.0) s.textScale = float(v);
    }
    if (auto t = j.find("language"); t != j.end() && t->is_string())
        s.language = t->get<std::string>();
    return s;
}

}  // namespace

bool saveAppSettings(const fs::path& dataDir, const AppSettings& s, std::string* error) {
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec) {
        setError(error, uiFormat(tr("cannot create {path}: {error}"),
                                 {{"path", dataDir.string()}, {"error", ec.message()}}));
        return false;
    }
    nlohmann::json j = {{"format", kFormat}};
    if (s.window)
        j["window"] = {{"x", s.window->x},
                       {"y", s.window->y},
                       {"width", s.window->width},
                       {"height", s.window->height}};
    if (s.theme) j["theme"] = themeModeName(*s.theme);
    if (s.textScale) j["textScale"] = *s.textScale;
    if (s.language) j["language"] = *s.language;
    const fs::path target = settingsPath(dataDir);
    if (const OutputWrite w = writeOutputFile(target.string(), j.dump(2) + "\n"); !w) {
        setError(error, uiFormat(tr("cannot save {path}: {error}"),
                                 {{"path", target.string()}, {"error", w.reason}}));
        return false;
    }
    return true;
}

WindowRect fitToWorkArea(WindowRect want, const WindowRect& area, int minWidth, int minHeight) {
    want.width = std::min(std::max(want.width, minWidth), area.width);
    want.height = std::min(std::max(want.height, minHeight), area.height);
    want.x = std::clamp(want.x, area.x, area.x + area.width - want.width);
    want.y = std::clamp(want.y, area.y, area.y + area.height - want.height);
    return want;
}

WindowRect firstWindow(int preferredWidth, int preferredHeight, const WindowRect& area) {
    WindowRect r{0, 0, preferredWidth, preferredHeight};
    if (r.width > area.width || r.height > area.height) {
        r.width = area.width * 9 / 10;
        r.height = area.height * 9 / 10;
    }
    r.x = area.x + (area.width - r.width) / 2;
    r.y = area.y + (area.height - r.height) / 2;
    return r;
}

}  // namespace rapport::app
