// What the window remembers (settings.json) and where it opens: inside the monitor's work area.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "app/shell/app_settings.hpp"
#include "app/shell/language_setting.hpp"
#include "support/build_paths.hpp"
#include "support/temp_dir.hpp"

using namespace rapport::app;
namespace fs = std::filesystem;
using rapport::test::TempDir;

namespace {
const fs::path kFixtures = fs::path(RAPPORT_FIXTURES_DIR) / "app-settings";
}

TEST_CASE("app settings: a file of an earlier run is read back: window, theme, text size") {
    std::string error;
    const AppSettings s = loadAppSettings(kFixtures / "v1", &error);
    CHECK(error.empty());
    REQUIRE(s.window.has_value());
    CHECK(*s.window == WindowRect{1900, -40, 1024, 700});
    CHECK(s.theme == ThemeMode::HighContrast);
    REQUIRE(s.textScale.has_value());
    CHECK(*s.textScale == doctest::Approx(1.5));
}

TEST_CASE("app settings: saved atomically into a folder it creates and loaded back equal") {
    TempDir tmp;
    const fs::path dir = tmp.path() / "config" / "rapport";
    std::string error;
    const AppSettings none = loadAppSettings(dir, &error);
    CHECK(error.empty());  // first run: no file is not an error
    CHECK_FALSE(none.window.has_value());

    AppSettings s;
    s.window = WindowRect{40, 60, 1100, 720};
    s.theme = ThemeMode::Dark;
    s.textScale = 2.0f;
    REQUIRE(saveAppSettings(dir, s, &error));
    s.window->width = 1200;
    REQUIRE(saveAppSettings(dir, s, &error));
    const AppSettings back = loadAppSettings(dir, &error);
    CHECK(back.window == s.window);
    CHECK(back.theme == ThemeMode::Dark);
    CHECK(back.textScale == s.textScale);
    // Nothing but the file itself is left behind (the temporary file was renamed over it).
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    CHECK(files == 1);
}

TEST_CASE("app settings: a file that is not settings, or garbage, gives defaults and says why") {
    std::string error;
    const AppSettings s = loadAppSettings(kFixtures / "not-settings", &error);
    CHECK_FALSE(s.window.has_value());
    CHECK(error.find("not Rapport settings") != std::string::npos);

    TempDir tmp;
    std::ofstream(tmp.path() / "settings.json") << "{\"format\":\"rapport-settings/1\",\"window\":"
                                                   "{\"x\":\"left\",\"y\":0,\"width\":-5},"
                                                   "\"textScale\":9,\"theme\":\"sepia\"}";
    error.clear();
    const AppSettings odd = loadAppSettings(tmp.path(), &error);
    CHECK(error.empty());  // well-formed, values out of range: each ignored on its own
    CHECK_FALSE(odd.window.has_value());
    CHECK_FALSE(odd.textScale.has_value());
    CHECK_FALSE(odd.theme.has_value());
}

// Before the merge the language lived in interface.json and the window in settings.json: the
// first run after the update keeps both choices in the one file and removes the old one.
TEST_CASE("app settings: the language of an old interface.json is folded into settings.json") {
    TempDir tmp;
    for (const char* f : {"settings.json", "interface.json"})
        fs::copy_file(kFixtures / "two-files" / f, tmp.path() / f);
    std::string error;
    const AppSettings s = loadAppSettings(tmp.path(), &error);
    CHECK(error.empty());
    CHECK(s.language == std::optional<std::string>("ja"));
    CHECK(s.textScale == doctest::Approx(1.5));  // the text size chosen earlier stays
    CHECK(s.theme == ThemeMode::HighContrast);
    CHECK_FALSE(fs::exists(legacyLanguagePath(tmp.path())));
    CHECK(loadLanguageSetting(tmp.path()) == std::optional<std::string>("ja"));

    // Read again (the old file gone), and after the window is saved at exit: nothing lost.
    AppSettings again = loadAppSettings(tmp.path(), &error);
    CHECK(again.language == std::optional<std::string>("ja"));
    again.window = WindowRect{10, 20, 1024, 700};
    REQUIRE(saveAppSettings(tmp.path(), again, &error));
    CHECK(loadAppSettings(tmp.path()).language == std::optional<std::string>("ja"));
    CHECK(loadAppSettings(tmp.path()).textScale == doctest::Approx(1.5));

    // Picking a language changes only the language.
    REQUIRE(saveLanguageSetting(tmp.path(), "ru", &error));
    const AppSettings picked = loadAppSettings(tmp.path());
    CHECK(picked.language == std::optional<std::string>("ru"));
    CHECK(picked.window == WindowRect{10, 20, 1024, 700});
    CHECK(picked.textScale == doctest::Approx(1.5));
}

TEST_CASE("app settings: interface.json alone (no settings.json yet) becomes settings.json") {
    TempDir tmp;
    fs::copy_file(kFixtures / "two-files" / "interface.json", tmp.path() / "interface.json");
    CHECK(loadLanguageSetting(tmp.path()) == std::optional<std::string>("ja"));
    CHECK(fs::exists(settingsPath(tmp.path())));
    CHECK_FALSE(fs::exists(legacyLanguagePath(tmp.path())));
}

TEST_CASE("app settings: an unreadable settings.json keeps interface.json for a later run") {
    TempDir tmp;
    fs::copy_file(kFixtures / "two-files" / "interface.json", tmp.path() / "interface.json");
    std::ofstream(tmp.path() / "settings.json") << "not json";
    std::string error;
    loadAppSettings(tmp.path(), &error);
    CHECK_FALSE(error.empty());
    CHECK(fs::exists(legacyLanguagePath(tmp.path())));
    std::ifstream in(tmp.path() / "settings.json");
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "not json");
}

TEST_CASE("window placement: a remembered window off a smaller screen comes back inside it") {
    const WindowRect laptop{0, 0, 1024, 700};
    // Closed on a wide monitor to the right, then opened on the laptop alone.
    CHECK(fitToWorkArea({1900, -40, 1024, 700}, laptop, 720, 500) == WindowRect{0, 0, 1024, 700});
    // Larger than the screen: shrunk to it, never below the minimum the screens need.
    CHECK(fitToWorkArea({100, 100, 1600, 1000}, laptop, 720, 500) == WindowRect{0, 0, 1024, 700});
    CHECK(fitToWorkArea({10, 10, 300, 200}, laptop, 720, 500) == WindowRect{10, 10, 720, 500});
    // A panel at the top (work area starts at y 32): the title bar stays below it.
    CHECK(fitToWorkArea({50, 0, 800, 600}, {0, 32, 1024, 668}, 720, 500) ==
          WindowRect{50, 32, 800, 600});
}

TEST_CASE("window placement: the first window is 1280x800 when it fits, else 90 % of the screen") {
    CHECK(firstWindow(1280, 800, {0, 0, 1920, 1050}) == WindowRect{320, 125, 1280, 800});
    // The 1024x700 screen: 1280x800 would put the top bar off screen.
    CHECK(firstWindow(1280, 800, {0, 0, 1024, 700}) == WindowRect{51, 35, 921, 630});
}
