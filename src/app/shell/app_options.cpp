#include "app/shell/app_options.hpp"

#include <charconv>
#include <cstdlib>

#include "app/shell/run.hpp"
#include "app/trainee/trainee_profile.hpp"
#include "core/platform/bundled_data.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

namespace {
constexpr std::string_view kOptions[] = {
    "--author", "--script",         "--screenshot-dir", "--scenarios", "--data-dir",
    "--theme",  "--scale",          "--size",           "--db",        "--hr",
    "--seed",   "--frame-delay-ms", "--language"};
}

bool isAppOption(std::string_view arg) {
    for (auto o : kOptions)
        if (arg == o) return true;
    return false;
}

const char* appUsage() {
    return tr(
        "usage: rapport [--scenarios PATH]... [--data-dir DIR] [--theme "
        "light|dark|high-contrast]\n"
        "               [--scale F] [--size WxH] [--db PATH] [--hr] [--seed N]\n"
        "               [--script FILE --screenshot-dir DIR]\n"
        "               [--author FILE] [--language L]\n\n"
        "Opens the simulator window.\n"
        "  --scenarios PATH      scenario folder or file (repeatable; default: bundled "
        "library)\n"
        "  --data-dir DIR        where the sign-in is remembered (default:\n"
        "                        $XDG_CONFIG_HOME/rapport, else ~/.config/rapport)\n"
        "  --theme NAME          light, dark or high-contrast (default: as last time)\n"
        "  --scale F             UI scale, overriding the monitor's content scale\n"
        "  --size WxH            initial window size (default: as last time, else 1280x800\n"
        "                        or what fits the screen)\n"
        "  --author FILE         open the author workspace on FILE (created from a template\n"
        "                        when it does not exist)\n"
        "  --db PATH             results database (default: $RAPPORT_DB, else\n"
        "                        $XDG_DATA_HOME/rapport/results.db)\n"
        "  --hr                  open on the HR reports\n"
        "  --seed N              every attempt's seed, which orders the replies (0 = as in\n"
        "                        the file; default: a fresh seed per attempt)\n"
        "  --script FILE         drive the window from a script of inputs (see docs/app.md)\n"
        "  --screenshot-dir DIR  where the script's screenshots go (default: .)\n"
        "  --frame-delay-ms MS   for tests: wait MS after every frame, as a slow machine does\n"
        "  --language L          interface language for this run: en, ja, ru (qps: the\n"
        "                        pseudo-language of the tests); default: the one chosen on\n"
        "                        the sign-in screen, else the system's\n");
}

std::string defaultScenarioDir() {
    if (const char* env = std::getenv("RAPPORT_SCENARIOS"); env && *env) return env;
    if (const auto& bundled = bundledData().scenarios; !bundled.empty()) return bundled.string();
    return "scenarios";
}

std::optional<AppOptions> parseAppOptions(std::span<const std::string_view> args,
                                          std::string& error) {
    AppOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (a == "--help" || a == "-h") {
            o.help = true;
            continue;
        }
        if (a == "--hr") {
            o.hr = true;
            continue;
        }
        if (!isAppOption(a)) {
            error = uiFormat(tr("unknown option '{option}'"), {{"option", a}});
            return std::nullopt;
        }
        if (i + 1 >= args.size()) {
            error = uiFormat(tr("option {option} needs a value"), {{"option", a}});
            return std::nullopt;
        }
        const std::string v(args[++i]);
        if (a == "--script")
            o.script = v;
        else if (a == "--screenshot-dir")
            o.screenshotDir = v;
        else if (a == "--scenarios")
            o.scenarios.push_back(v);
        else if (a == "--data-dir")
            o.dataDir = v;
        else if (a == "--author")
            o.author = v;
        else if (a == "--db")
            o.db = v;
        else if (a == "--seed") {
            std::uint64_t n = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (v.empty() || ec != std::errc() || p != v.data() + v.size()) {
                error = tr("--seed must be a non-negative integer");
                return std::nullopt;
            }
            o.seed = n;
        } else if (a == "--frame-delay-ms") {
            int n = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (v.empty() || ec != std::errc() || p != v.data() + v.size() || n < 0 || n > 2000) {
                error =
                    tr("--frame-delay-ms must be a whole number of milliseconds from 0 to 2000");
                return std::nullopt;
            }
            o.frameDelayMs = n;
        } else if (a == "--language") {
            if (v != "en" && v != "ja" && v != "ru" && v != "qps") {
                error = tr("--language must be en, ja, ru or qps");
                return std::nullopt;
            }
            o.language = v;
        } else if (a == "--theme") {
            const auto mode = themeModeFromName(v);
            if (!mode) {
                error = tr("--theme must be light, dark or high-contrast");
                return std::nullopt;
            }
            o.theme = *mode;
        } else if (a == "--scale") {
            float f = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), f);
            if (ec != std::errc() || p != v.data() + v.size() || f < 0.5f || f > 4.0f) {
                error = tr("--scale must be a number from 0.5 to 4");
                return std::nullopt;
            }
            o.scale = f;
        } else if (a == "--size") {
            int w = 0, h = 0;
            auto x = v.find('x');
            bool ok = x != std::string::npos;
            if (ok) {
                auto r1 = std::from_chars(v.data(), v.data() + x, w);
                auto r2 = std::from_chars(v.data() + x + 1, v.data() + v.size(), h);
                ok = r1.ec == std::errc() && r2.ec == std::errc() && r1.ptr == v.data() + x &&
                     r2.ptr == v.data() + v.size() && w >= 320 && h >= 240 && w <= 8192 &&
                     h <= 8192;
            }
            if (!ok) {
                error = tr("--size must look like 1280x800");
                return std::nullopt;
            }
            o.width = w;
            o.height = h;
            o.sizeGiven = true;
        }
    }
    if (o.scenarios.empty()) o.scenarios.push_back(defaultScenarioDir());
    if (o.dataDir.empty()) o.dataDir = defaultDataDir();
    return o;
}

}  // namespace rapport::app
