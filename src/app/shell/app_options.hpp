// Command-line options of the simulator window.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/shell/theme.hpp"

namespace rapport::app {

struct AppOptions {
    std::vector<std::string> scenarios;  // folders or files; default: the bundled library
    std::filesystem::path dataDir;       // default: defaultDataDir()
    std::string script;                  // empty: interactive
    std::filesystem::path screenshotDir = ".";
    std::optional<ThemeMode> theme;     // --theme; default: the remembered one, else light
    std::optional<float> scale;         // overrides the monitor's content scale
    int width = 1280, height = 800;     // initial window size in screen coordinates
    bool sizeGiven = false;             // --size: exactly this size, not the remembered one
    std::string author;                 // open the author workspace on this file (--author)
    std::optional<std::string> db;      // results database (--db); default: database_path
    bool hr = false;                    // open on the HR reports (--hr)
    std::optional<std::uint64_t> seed;  // every attempt's seed (--seed); default: fresh each
    std::string language;  // --language: this run only; default: remembered, else the OS
    int frameDelayMs = 0;  // --frame-delay-ms, for tests: wait after each frame (a slow machine)
    bool help = false;
};

// Parses the options; returns nullopt with a message in `error` on a usage error.
std::optional<AppOptions> parseAppOptions(std::span<const std::string_view> args,
                                          std::string& error);
const char* appUsage();
// Where the bundled scenarios are: $RAPPORT_SCENARIOS, else the program's bundled library
// (core/platform/bundled_data.hpp), else ./scenarios.
std::string defaultScenarioDir();

}  // namespace rapport::app
