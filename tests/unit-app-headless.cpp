// Screens driven through a Dear ImGui context with no window: the same script driver and the
// same App as the real program, so clicks and keys go through ImGui's hit testing and reach the
// core Session exactly as a trainee's would.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include <imgui.h>

#include "app.hpp"
#include "script.hpp"
#include "script_driver.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

namespace {

struct Headless {
    ManualClock clock;
    fs::path data;
    std::unique_ptr<App> app;

    explicit Headless(const std::vector<std::string>& scenarios) {
        char tmpl[] = "/tmp/rapport-headless-XXXXXX";
        REQUIRE(::mkdtemp(tmpl) != nullptr);
        data = tmpl;
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // built-in font; no GPU needed
        app = std::make_unique<App>(AppConfig{scenarios, data}, clock, makeTheme(ThemeMode::Light, 1));
    }
    ~Headless() {
        app.reset();
        ImGui::DestroyContext();
        std::error_code ec;
        fs::remove_all(data, ec);
    }

    // Runs the script to its end (or 3000 frames); returns the driver's error, empty on success.
    std::string run(const std::string& script) {
        auto parsed = parseScript(script);
        REQUIRE(parsed.errors.empty());
        ScriptHost host;
        host.advanceClock = [&](std::int64_t ms) { clock.advance(ms); };
        host.resize = [](int w, int h) { ImGui::GetIO().DisplaySize = ImVec2(float(w), float(h)); };
        host.setDarkTheme = [&](bool dark) { app->setThemeMode(dark ? ThemeMode::Dark : ThemeMode::Light); };
        host.screenName = [&] { return std::string(screenName(app->screen())); };
        host.locator = &app->locator();
        ScriptDriver driver(std::move(parsed.commands), data, std::move(host));
        for (int frame = 0; frame < 3000 && !driver.finished(); ++frame) {
            driver.beforeFrame(ImGui::GetIO());
            app->tick();
            ImGui::NewFrame();
            app->Draw();
            ImGui::Render();
        }
        REQUIRE(driver.finished());
        return driver.error();
    }
};

const std::string kFixtures = std::string(RAPPORT_FIXTURES_DIR) + "/gui";

}  // namespace

TEST_CASE("headless screens: sign in, filter the library, play with keys and clicks, reach the debrief") {
    Headless h({kFixtures});
    CHECK(h.run("expect-screen sign-in\n"
                "click Your name\n"
                "type Anna\n"
                "click Start training\n"
                "expect-screen library\n"
                "expect Practice##gui-long-talk\n"
                "click Search\n"
                "type Tanaka\n"
                "wait-frames 2\n") == "");
    // The search box filters through core's matchesFilter: only the matching card is left.
    CHECK(h.run("expect Practice##gui-unicode-trio\n") == "");
    CHECK(h.run("expect Practice##gui-long-talk\n").find("expected a widget") != std::string::npos);

    CHECK(h.run("click Exam##gui-unicode-trio\n"
                "expect-screen conversation\n"
                "key 3\n"         // "argue": 3rd choice by key
                "click Choice 2\n"  // "pitch": by clicking the numbered button
                "expect Choice 2\n") == "");
    REQUIRE(h.app->session() != nullptr);
    CHECK(h.app->mode() == PlayMode::Exam);
    const auto& steps = h.app->session()->transcript().steps;
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].choice == "argue");
    CHECK(steps[1].choice == "pitch");
    CHECK(h.app->session()->node().id == "pressure");

    // The countdown runs on the injected clock; when it expires the shell's tick takes the
    // timeout branch through Session.
    CHECK(h.app->animating());
    CHECK(h.run("advance-clock 20001\nexpect See debrief\nclick See debrief\nexpect-screen debrief\n") == "");
    CHECK(h.app->session()->transcript().steps.back().timedOut);
    CHECK(h.run("click Try again\nexpect-screen conversation\n") == "");
    CHECK(h.app->session()->transcript().steps.empty());
}

TEST_CASE("headless screens: keys beyond the shown choices do nothing") {
    Headless h({kFixtures});
    CHECK(h.run("click Your name\ntype Anna\nclick Start training\n"
                "click Practice##gui-unicode-trio\nkey 9\nkey 4\n") == "");
    REQUIRE(h.app->session() != nullptr);
    CHECK(h.app->session()->transcript().steps.empty());
    CHECK(h.app->session()->node().id == "open");
}
