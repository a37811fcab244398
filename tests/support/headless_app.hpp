// The real App in a Dear ImGui context with no window: the same script driver and screens as
// the program, so clicks and keys go through ImGui's hit testing. One harness for every app
// test (trainee, author, HR), each in a temporary folder removed when the test ends.
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "app/driver/script.hpp"
#include "app/driver/script_driver.hpp"
#include "app/shell/app.hpp"
#include "core/play/clock.hpp"
#include "store/admin_passphrase.hpp"
#include "support/temp_dir.hpp"

namespace rapport::test {

// Whether the app starts with the administrator passphrase set and given (kAdminPassphrase),
// as every HR and author test needs, or as a fresh machine (the access tests).
enum class Admin { Unlocked, FirstUse };
inline constexpr const char* kAdminPassphrase = "test admin passphrase";

class HeadlessApp {
public:
    // `configure` gets the test's folder (empty, created) and returns the app's configuration;
    // a configuration without a data folder keeps the trainee profile in the test's folder.
    explicit HeadlessApp(
        const std::function<app::AppConfig(const std::filesystem::path&)>& configure,
        Admin admin = Admin::Unlocked) {
        app::AppConfig config = configure(dir.path());
        if (config.dataDir.empty()) config.dataDir = dir.path();
        // Never the user's own recovery folder.
        if (config.autosaveDir.empty()) config.autosaveDir = dir.path() / "autosave";
        if (config.graphLayoutDir.empty()) config.graphLayoutDir = dir.path() / "graph-layouts";
        // The cheapest argon2id limits: the hash is verified as in real use, only faster.
        if (admin == Admin::Unlocked && !store::loadAdminPassphraseHash(config.dataDir))
            REQUIRE(store::saveAdminPassphraseHash(
                config.dataDir,
                store::hashPassphrase(kAdminPassphrase, store::PassphraseCost::Minimal)));
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        // The editing keys as the GLFW backend maps them, so "key End" reaches a text field.
        for (const auto& [key, glfw] : std::initializer_list<std::pair<ImGuiKey, int>>{
                 {ImGuiKey_Tab, 258},      {ImGuiKey_LeftArrow, 263}, {ImGuiKey_RightArrow, 262},
                 {ImGuiKey_UpArrow, 265},  {ImGuiKey_DownArrow, 264}, {ImGuiKey_PageUp, 266},
                 {ImGuiKey_PageDown, 267}, {ImGuiKey_Home, 268},      {ImGuiKey_End, 269},
                 {ImGuiKey_Insert, 260},   {ImGuiKey_Delete, 261},    {ImGuiKey_Backspace, 259},
                 {ImGuiKey_Enter, 257},    {ImGuiKey_Escape, 256},    {ImGuiKey_A, 65},
                 {ImGuiKey_C, 67},         {ImGuiKey_V, 86},          {ImGuiKey_X, 88},
                 {ImGuiKey_Y, 89},         {ImGuiKey_Z, 90}})
            io.KeyMap[key] = glfw;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // built-in font; no GPU needed
        const bool startInHr = config.startInHr;
        if (admin == Admin::Unlocked) config.startInHr = false;  // opened below, once unlocked
        app = std::make_unique<app::App>(std::move(config), clock,
                                         app::makeTheme(app::ThemeMode::Light, 1));
        if (admin == Admin::Unlocked) {
            REQUIRE(app->access().unlock(kAdminPassphrase));
            if (startInHr) app->openHr();
        }
    }
    explicit HeadlessApp(app::AppConfig config, Admin admin = Admin::Unlocked)
        : HeadlessApp([&](const std::filesystem::path&) { return config; }, admin) {}
    ~HeadlessApp() {
        app.reset();  // before the context: its destructor may still use ImGui's state
        ImGui::DestroyContext();
    }
    HeadlessApp(const HeadlessApp&) = delete;
    HeadlessApp& operator=(const HeadlessApp&) = delete;

    // One frame; with `capture`, log() is every text the frame rendered.
    void frame(bool capture = false) {
        app->tick();
        ImGui::NewFrame();
        // ImGui's log collects the text it renders; End() of the main window hands it to the
        // (in-process) clipboard.
        if (capture) ImGui::LogToClipboard();
        app->Draw();
        if (capture) {
            if (GImGui->LogEnabled) ImGui::LogFinish();
            const char* clip = ImGui::GetClipboardText();
            log = clip ? clip : "";
        }
        ImGui::Render();
    }

    // Runs the script to its end (at most 20,000 frames); returns the driver's error, empty on
    // success. Screenshots and files the script names are relative to the test's folder.
    std::string run(const std::string& script) {
        auto parsed = app::parseScript(script);
        REQUIRE(parsed.errors.empty());
        app::ScriptHost host;
        host.advanceClock = [&](std::int64_t ms) { clock.advance(ms); };
        host.resize = [](int w, int h) { ImGui::GetIO().DisplaySize = ImVec2(float(w), float(h)); };
        host.app = &app->scriptTarget();
        app::ScriptDriver driver(std::move(parsed.commands), dir.path(), std::move(host));
        for (int n = 0; n < 20000 && !driver.finished(); ++n) {
            driver.beforeFrame(ImGui::GetIO());
            frame();
        }
        REQUIRE(driver.finished());
        return driver.error();
    }

    ManualClock clock;
    TempDir dir;
    std::unique_ptr<app::App> app;
    std::string log;  // text rendered in the last captured frame
};

}  // namespace rapport::test
