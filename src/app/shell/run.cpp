// The shell: window, GL context, ImGui backends, fonts and the event-driven loop. Everything a
// trainee sees is drawn by App; this file only keeps frames coming when, and only when, needed.
#include "app/shell/run.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <thread>

#include "app/driver/script.hpp"
#include "app/driver/script_driver.hpp"
#include "app/shell/app.hpp"
#include "app/shell/app_options.hpp"
#include "app/shell/app_settings.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/input_queue.hpp"
#include "app/shell/language_setting.hpp"
#include "app/shell/portrait.hpp"
#include "core/files/bounded_read.hpp"
#include "core/source/json_source.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_text.hpp"
#include "store/database_path.hpp"
#include "store/pg_target.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::app {
namespace {

constexpr int kExitOk = 0, kExitScriptFailed = 1, kExitUsage = 2;
// Frames drawn after any input: ImGui needs a frame or two to settle hover, focus and layout
// after a change before the window can sleep again.
constexpr int kSettleFrames = 3;
// Below this the screens stop laying out sensibly.
constexpr int kMinWidth = 720, kMinHeight = 500;

// State the GLFW callbacks write; reached through the window user pointer, not a global.
struct ShellEvents {
    bool input = false;
    bool closeAsked = false;  // the window's close button, held back until the app agrees
    float newScale = 0;
    InputQueue queue;
};

ShellEvents& events(GLFWwindow* w) {
    return *static_cast<ShellEvents*>(glfwGetWindowUserPointer(w));
}

// Installed before ImGui's backend, which chains to them, so every event wakes the loop.
void installWakeCallbacks(GLFWwindow* w) {
    glfwSetCursorPosCallback(w, [](GLFWwindow* w, double, double) { events(w).input = true; });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* w, int, int, int) { events(w).input = true; });
    glfwSetScrollCallback(w, [](GLFWwindow* w, double, double) { events(w).input = true; });
    glfwSetKeyCallback(w, [](GLFWwindow* w, int, int, int, int) { events(w).input = true; });
    glfwSetCharCallback(w, [](GLFWwindow* w, unsigned) { events(w).input = true; });
    glfwSetWindowFocusCallback(w, [](GLFWwindow* w, int) { events(w).input = true; });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* w, int) { events(w).input = true; });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow* w, int, int) { events(w).input = true; });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* w) { events(w).input = true; });
    // Closing is the app's decision: unsaved author edits are asked about first.
    glfwSetWindowCloseCallback(w, [](GLFWwindow* w) {
        glfwSetWindowShouldClose(w, GLFW_FALSE);
        events(w).closeAsked = true;
        events(w).input = true;
    });
    glfwSetWindowContentScaleCallback(w, [](GLFWwindow* w, float x, float) {
        events(w).newScale = x;
        events(w).input = true;
    });
}

// After ImGui's backend is installed: keys, characters and mouse buttons go through the queue,
// which hands them on to the backend one change per key per frame.
void installInputQueue(GLFWwindow* w) {
    const GLFWkeyfun key =
        glfwSetKeyCallback(w, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
            events(w).queue.pushKey(key, scancode, action, mods);
            events(w).input = true;
        });
    const GLFWcharfun chr = glfwSetCharCallback(w, [](GLFWwindow* w, unsigned int c) {
        events(w).queue.pushChar(c);
        events(w).input = true;
    });
    const GLFWmousebuttonfun mouse =
        glfwSetMouseButtonCallback(w, [](GLFWwindow* w, int button, int action, int mods) {
            events(w).queue.pushMouseButton(button, action, mods);
            events(w).input = true;
        });
    events(w).queue.forwardTo(key, chr, mouse);
}

std::size_t hashText(const std::string& s) { return std::hash<std::string>{}(s); }

// The work area (monitor minus panels and docks) of the monitor holding the centre of `r`, else
// of the primary monitor; the whole virtual screen when GLFW knows no monitor.
WindowRect workAreaFor(const std::optional<WindowRect>& r) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    WindowRect chosen{0, 0, 0, 0};
    for (int i = 0; i < count; ++i) {
        WindowRect a;
        glfwGetMonitorWorkarea(monitors[i], &a.x, &a.y, &a.width, &a.height);
        if (a.width <= 0 || a.height <= 0) continue;
        if (chosen.width == 0) chosen = a;  // the first is the primary monitor
        if (!r) break;
        const int cx = r->x + r->width / 2, cy = r->y + r->height / 2;
        if (cx >= a.x && cx < a.x + a.width && cy >= a.y && cy < a.y + a.height) return a;
    }
    if (chosen.width == 0) chosen = WindowRect{0, 0, 1280, 800};
    return chosen;
}

// Where the window opens: --size exactly (scripts and screenshots need the size they ask for),
// else where it was last closed, else 1280×800 or 90 % of a smaller screen; always moved (and
// if need be shrunk) so the whole window, title bar included, is inside the work area.
WindowRect placeWindow(GLFWwindow* window, const AppOptions& opts, const AppSettings& settings) {
    const WindowRect area = workAreaFor(settings.window);
    int left = 0, top = 0, right = 0, bottom = 0;
    glfwGetWindowFrameSize(window, &left, &top, &right, &bottom);
    const WindowRect inner{area.x + left, area.y + top, area.width - left - right,
                           area.height - top - bottom};
    WindowRect want = firstWindow(opts.width, opts.height, inner);
    if (opts.sizeGiven) {
        want.width = opts.width;
        want.height = opts.height;
        want.x = inner.x + std::max(0, (inner.width - want.width) / 2);
        want.y = inner.y + std::max(0, (inner.height - want.height) / 2);
        return want;
    }
    if (settings.window) want = *settings.window;
    return fitToWorkArea(want, inner, std::min(kMinWidth, inner.width),
                         std::min(kMinHeight, inner.height));
}

}  // namespace

int run(std::span<const std::string_view> args) {
    std::string error;
    auto opts = parseAppOptions(args, error);
    if (!opts) {
        std::fprintf(stderr, "rapport: %s\n%s", error.c_str(), appUsage());
        return kExitUsage;
    }
    if (opts->help) {
        std::printf("%s", appUsage());
        return kExitOk;
    }

    // The interface language: --language, else the one picked on the sign-in screen, else the
    // system's (set by main).
    if (!opts->language.empty())
        setInterfaceLanguage(opts->language);
    else if (auto saved = loadLanguageSetting(opts->dataDir))
        setInterfaceLanguage(*saved);

    std::optional<ParsedScript> script;
    if (!opts->script.empty()) {
        // A script is a short list of steps; the scenario limit is more than generous.
        const BoundedRead read = readBoundedFile(opts->script, kMaxSourceBytes);
        if (!read) {
            std::fprintf(stderr, tr("rapport: cannot read script %s: %s\n"), opts->script.c_str(),
                         read.reason.c_str());
            return kExitUsage;
        }
        script = parseScript(read.text);
        if (!script->errors.empty()) {
            for (const auto& e : script->errors)
                std::fprintf(stderr, "%s:%s\n", opts->script.c_str(), e.c_str());
            return kExitUsage;
        }
        std::error_code ec;
        std::filesystem::create_directories(opts->screenshotDir, ec);
        if (ec) {
            std::fprintf(stderr, tr("rapport: cannot create %s: %s\n"), opts->screenshotDir.c_str(),
                         ec.message().c_str());
            return kExitUsage;
        }
    }

    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        std::fprintf(stderr,
                     tr("rapport: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so "
                        "the simulator window cannot open.\n"
                        "Play in the terminal instead: rapport play SCENARIO.json\n"));
        return kExitUsage;
    }
    glfwSetErrorCallback([](int code, const char* what) {
        std::fprintf(stderr, "rapport: GLFW error %d: %s\n", code, what);
    });
    if (!glfwInit()) {
        std::fprintf(
            stderr, tr("rapport: cannot connect to the display, so the simulator window "
                       "cannot open.\nPlay in the terminal instead: rapport play SCENARIO.json\n"));
        return kExitUsage;
    }

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // Hidden until placed, so it never flashes at a spot where its top bar is off screen.
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(opts->width, opts->height, "Rapport", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, tr("rapport: cannot create an OpenGL 3.3 window on this display.\n"
                                "Play in the terminal instead: rapport play SCENARIO.json\n"));
        glfwTerminate();
        return kExitUsage;
    }
    std::string settingsError;
    AppSettings settings = loadAppSettings(opts->dataDir, &settingsError);
    if (!settingsError.empty())
        std::fprintf(stderr, "rapport: warning: %s\n", settingsError.c_str());
    const WindowRect placed = placeWindow(window, *opts, settings);
    glfwSetWindowSize(window, placed.width, placed.height);
    glfwSetWindowPos(window, placed.x, placed.y);
    glfwShowWindow(window);
    ShellEvents shellEvents;
    glfwSetWindowUserPointer(window, &shellEvents);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(script ? 0 : 1);  // scripts and benchmarks should not wait for vsync
    glfwSetWindowSizeLimits(window, std::min(kMinWidth, placed.width),
                            std::min(kMinHeight, placed.height), GLFW_DONT_CARE, GLFW_DONT_CARE);
    installWakeCallbacks(window);

    float scale = 1.0f;
    if (opts->scale) {
        scale = *opts->scale;
    } else {
        float sy = 1.0f;
        glfwGetWindowContentScale(window, &scale, &sy);
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // screens lay themselves out; nothing to remember
    io.LogFilename = nullptr;  // no imgui_log.txt in the working folder, even if a log starts
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // A steady caret: a blinking one would need a frame every half second in every text field.
    io.ConfigInputTextCursorBlink = false;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    installInputQueue(window);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    ManualClock manualClock;
    SteadyClock steadyClock;
    const Clock& clock = script ? static_cast<const Clock&>(manualClock) : steadyClock;
    int exitCode = kExitOk;
    {
        // Scoped so the App and textures go before the GL context.
        PortraitCache portraits;
        // The same central store as `rapport sync`; a bad value is said, and the app works
        // alone rather than not at all.
        std::string central;
        try {
            central = store::resolveCentralUri(std::nullopt).value_or("");
        } catch (const store::StoreError& e) {
            std::fprintf(stderr, tr("rapport: warning: %s; no background sync\n"), e.what());
        }
        App app(AppConfig{opts->scenarios, opts->dataDir,
                          store::resolveDatabasePath(opts->db).value_or(""), opts->hr,
                          // A script's keys count replies by position, as written (seed 0),
                          // like `rapport play --choices`.
                          opts->seed ? opts->seed
                          : script   ? std::optional<std::uint64_t>(0)
                                     : std::nullopt,
                          central},
                clock,
                makeTheme(opts->theme.value_or(settings.theme.value_or(ThemeMode::Light)), scale));
        app.portraitLoader = [&](const std::string& path) { return portraits.get(path); };
        if (settings.textScale && !script) app.setTextScale(*settings.textScale);
        if (!opts->author.empty()) app.openAuthor(opts->author);
        for (const auto& e : app.library().entries)
            if (!e.playable())
                std::fprintf(stderr, tr("rapport: warning: %s is not playable (%zu errors)\n"),
                             e.path.c_str(), e.diagnostics.errorCount());

        std::vector<std::string> warnings;
        const FontFiles fontFiles = findFontFiles(warnings);
        ImVector<ImWchar> ranges;
        std::size_t glyphHash = 0;
        bool fontsUploaded = false;
        auto rebuildFonts = [&] {
            const std::string text = app.glyphText();
            glyphHash = hashText(text);
            app.setFonts(
                loadFonts(*io.Fonts, fontFiles, app.theme().scale, text, ranges, warnings));
            io.Fonts->Build();
            if (fontsUploaded) {
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            for (const auto& w : warnings)
                std::fprintf(stderr, tr("rapport: warning: %s\n"), w.c_str());
            warnings.clear();
        };
        rebuildFonts();
        float fontScale = app.theme().scale;

        std::unique_ptr<ScriptDriver> driver;
        if (script) {
            ScriptHost host;
            host.advanceClock = [&](std::int64_t ms) { manualClock.advance(ms); };
            host.resize = [&](int w, int h) { glfwSetWindowSize(window, w, h); };
            host.app = &app.scriptTarget();
            driver = std::make_unique<ScriptDriver>(std::move(script->commands),
                                                    opts->screenshotDir, std::move(host));
        }

        int settle = kSettleFrames;
        ScreenId lastScreen = app.screen();
        std::uint64_t lastText = app.textRevision();
        while (!glfwWindowShouldClose(window)) {
            // Event-driven: sleep until input, waking while a countdown is on screen only when
            // its shown second changes; a scripted run never sleeps.
            if (driver || settle > 0 || shellEvents.queue.pending())
                glfwPollEvents();
            else if (app.animating())
                glfwWaitEventsTimeout(app.secondsUntilNextChange());
            else if (app.author().watchingFiles()) {
                // The author workspace looks at its file twice a second; a frame only when
                // something changed, so an idle workspace stays (almost) free.
                glfwWaitEventsTimeout(0.5);
                if (!shellEvents.input && !app.author().pollFiles() && !app.syncStatusChanged())
                    continue;
            } else if (app.syncConfigured()) {
                // The sync's status line: a frame only when a pass finished.
                glfwWaitEventsTimeout(1.0);
                if (!shellEvents.input && !app.syncStatusChanged()) continue;
            } else
                glfwWaitEvents();
            if (shellEvents.input) {
                settle = kSettleFrames;
                shellEvents.input = false;
            } else if (settle > 0) {
                --settle;
            }

            if (shellEvents.newScale > 0 && !opts->scale) {
                app.setScale(shellEvents.newScale);
                shellEvents.newScale = 0;
                rebuildFonts();
            }
            if (app.theme().scale != fontScale) {
                // The text size changed (Ctrl+= / Ctrl+-): the atlas is rasterised per size.
                fontScale = app.theme().scale;
                rebuildFonts();
                settle = kSettleFrames;
            }
            if (app.screen() != lastScreen || app.textRevision() != lastText) {
                // New names or scenarios may need glyphs the atlas does not have yet.
                lastScreen = app.screen();
                lastText = app.textRevision();
                if (hashText(app.glyphText()) != glyphHash) rebuildFonts();
                settle = kSettleFrames;
            }

            if (shellEvents.closeAsked) {
                shellEvents.closeAsked = false;
                app.requestQuit();
            }

            ImGui_ImplOpenGL3_NewFrame();
            fontsUploaded = true;
            shellEvents.queue.deliver(window);
            if (shellEvents.queue.pending()) settle = kSettleFrames;  // the rest next frame
            ImGui_ImplGlfw_NewFrame();
            if (driver) driver->beforeFrame(io);
            app.tick();
            const auto buildStart = std::chrono::steady_clock::now();
            ImGui::NewFrame();
            app.Draw();
            ImGui::Render();
            if (driver)
                driver->recordBuildTime(std::chrono::duration<double, std::milli>(
                                            std::chrono::steady_clock::now() - buildStart)
                                            .count());

            int fbw = 0, fbh = 0;
            glfwGetFramebufferSize(window, &fbw, &fbh);
            glViewport(0, 0, fbw, fbh);
            const ImVec4 bg = app.theme().palette.background;
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (driver) {
                driver->afterRender(fbw, fbh);
                if (driver->finished()) {
                    if (driver->failed()) {
                        std::fprintf(stderr, "%s:%s\n", opts->script.c_str(),
                                     driver->error().c_str());
                        exitCode = kExitScriptFailed;
                    }
                    for (const auto& s : driver->screenshots())
                        std::printf("screenshot: %s\n", s.c_str());
                    break;
                }
            }
            glfwSwapBuffers(window);
            if (app.quitApproved()) glfwSetWindowShouldClose(window, GLFW_TRUE);
            // Tests only: a slow machine's frame, so a test can prove no input is lost.
            if (opts->frameDelayMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(opts->frameDelayMs));
        }
        if (!driver) {
            // Remembered for the next start; a scripted run leaves the user's settings alone.
            WindowRect r;
            glfwGetWindowPos(window, &r.x, &r.y);
            glfwGetWindowSize(window, &r.width, &r.height);
            if (r.width > 0 && r.height > 0) settings.window = r;
            settings.theme = app.theme().mode;
            settings.textScale = app.textScale();
            // The sign-in screen saves a language picked during the run into the same file.
            settings.language = loadAppSettings(opts->dataDir).language;
            std::string error;
            if (!saveAppSettings(opts->dataDir, settings, &error))
                std::fprintf(stderr, "rapport: warning: %s\n", error.c_str());
        }
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exitCode;
}

}  // namespace rapport::app
