#include "app/driver/script.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <charconv>
#include <utility>

namespace rapport::app {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::optional<int> toInt(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

std::optional<int> scriptKeyCode(std::string_view name) {
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') return GLFW_KEY_0 + (name[0] - '0');
    if (name.size() == 1 && name[0] >= 'A' && name[0] <= 'Z') return GLFW_KEY_A + (name[0] - 'A');
    struct Named {
        std::string_view name;
        int code;
    };
    static constexpr Named kKeys[] = {
        {"Enter", GLFW_KEY_ENTER},         {"Escape", GLFW_KEY_ESCAPE}, {"Tab", GLFW_KEY_TAB},
        {"Backspace", GLFW_KEY_BACKSPACE}, {"Up", GLFW_KEY_UP},         {"Down", GLFW_KEY_DOWN},
        {"Left", GLFW_KEY_LEFT},           {"Right", GLFW_KEY_RIGHT},   {"Space", GLFW_KEY_SPACE},
        {"Home", GLFW_KEY_HOME},           {"End", GLFW_KEY_END},       {"Delete", GLFW_KEY_DELETE},
    };
    for (const auto& k : kKeys)
        if (k.name == name) return k.code;
    return std::nullopt;
}

ParsedScript parseScript(std::string_view text) {
    using Kind = ScriptCommand::Kind;
    ParsedScript out;
    int lineNo = 0;
    while (!text.empty()) {
        auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        ++lineNo;
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;

        auto sp = line.find(' ');
        const std::string_view verb = line.substr(0, sp);
        const std::string_view rest = sp == std::string_view::npos ? "" : trim(line.substr(sp + 1));
        auto fail = [&](const std::string& why) {
            out.errors.push_back(std::to_string(lineNo) + ": " + why);
        };
        ScriptCommand c;
        c.line = lineNo;
        auto needText = [&](Kind k) {
            if (rest.empty()) return fail("'" + std::string(verb) + "' needs an argument"), false;
            c.kind = k;
            c.text = std::string(rest);
            return true;
        };
        auto needInt = [&](Kind k, int min) {
            auto v = toInt(rest);
            if (!v || *v < min)
                return fail("'" + std::string(verb) +
                            "' needs a whole number >= " + std::to_string(min)),
                       false;
            c.kind = k;
            c.a = *v;
            return true;
        };

        bool ok = false;
        if (verb == "click") {
            ok = needText(Kind::Click);
            c.a = 1;
            // "click Practice #2": the second widget labelled Practice.
            if (auto h = c.text.rfind(" #"); ok && h != std::string::npos) {
                if (auto n = toInt(std::string_view(c.text).substr(h + 2)); n && *n >= 1) {
                    c.a = *n;
                    c.text = std::string(trim(std::string_view(c.text).substr(0, h)));
                }
            }
        } else if (verb == "type") {
            ok = needText(Kind::Type);
        } else if (verb == "key") {
            // Modifiers first, as shortcuts are written: ctrl+S, ctrl+shift+Z, shift+Tab.
            std::string_view name = rest;
            int mods = 0;
            for (bool more = true; more;) {
                more = false;
                for (const auto& [prefix, bit] :
                     {std::pair<std::string_view, int>{"ctrl+", kScriptCtrl},
                      {"shift+", kScriptShift},
                      {"alt+", kScriptAlt}})
                    if (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix) {
                        mods |= bit;
                        name.remove_prefix(prefix.size());
                        more = true;
                    }
            }
            if (auto code = scriptKeyCode(name)) {
                c.kind = Kind::Key;
                c.text = std::string(rest);
                c.a = *code;
                c.b = mods;
                ok = true;
            } else {
                fail("unknown key '" + std::string(rest) +
                     "' (use 0-9, A-Z, Enter, Escape, Tab, Backspace, Up, Down, Left, Right, "
                     "Space, Home, End, Delete, after ctrl+, shift+ or alt+ if need be)");
            }
        } else if (verb == "wait-frames") {
            ok = needInt(Kind::WaitFrames, 1);
        } else if (verb == "advance-clock") {
            ok = needInt(Kind::AdvanceClock, 0);
        } else if (verb == "screenshot") {
            ok = needText(Kind::Screenshot);
            if (ok && c.text.find_first_of("/\\") != std::string::npos) {
                fail("screenshot name must not contain a path separator");
                ok = false;
            }
        } else if (verb == "expect") {
            ok = needText(Kind::Expect);
        } else if (verb == "expect-screen") {
            ok = needText(Kind::ExpectScreen);
        } else if (verb == "theme") {
            ok = needText(Kind::Theme);
            if (ok && c.text != "light" && c.text != "dark" && c.text != "high-contrast") {
                fail("theme must be 'light', 'dark' or 'high-contrast'");
                ok = false;
            }
        } else if (verb == "resize") {
            auto sp2 = rest.find(' ');
            auto w = toInt(rest.substr(0, sp2));
            auto h =
                sp2 == std::string_view::npos ? std::nullopt : toInt(trim(rest.substr(sp2 + 1)));
            if (w && h && *w >= 200 && *h >= 150 && *w <= 8192 && *h <= 8192) {
                c.kind = Kind::Resize;
                c.a = *w;
                c.b = *h;
                ok = true;
            } else {
                fail("'resize' needs a width and a height between 200x150 and 8192x8192");
            }
        } else if (verb == "text-size") {
            const auto pct = toInt(rest);
            if (pct && *pct >= 100 && *pct <= 200) {
                c.kind = Kind::TextSize;
                c.a = *pct;
                ok = true;
            } else {
                fail("'text-size' needs a percentage from 100 to 200");
            }
        } else if (verb == "drag") {
            // "drag Node prep 200 -40": the label, then how far in screen pixels.
            const auto sy = rest.rfind(' ');
            const auto sx = sy == std::string_view::npos ? sy : rest.rfind(' ', sy - 1);
            const auto dx = sx == std::string_view::npos ? std::nullopt
                                                         : toInt(rest.substr(sx + 1, sy - sx - 1));
            const auto dy =
                sy == std::string_view::npos ? std::nullopt : toInt(rest.substr(sy + 1));
            if (dx && dy && sx > 0) {
                c.kind = Kind::Drag;
                c.text = std::string(trim(rest.substr(0, sx)));
                c.a = *dx;
                c.b = *dy;
                ok = true;
            } else {
                fail("'drag' needs a label and two whole numbers (pixels right and down)");
            }
        } else if (verb == "close-window") {
            c.kind = Kind::CloseWindow;
            ok = true;
        } else if (verb == "wait-idle") {
            c.kind = Kind::WaitIdle;
            ok = true;
        } else if (verb == "lap") {
            ok = needText(Kind::Lap);
        } else if (verb == "bench-frames") {
            ok = needInt(Kind::BenchFrames, 1);
        } else {
            fail("unknown command '" + std::string(verb) + "'");
        }
        if (ok) out.commands.push_back(std::move(c));
    }
    return out;
}

}  // namespace rapport::app
