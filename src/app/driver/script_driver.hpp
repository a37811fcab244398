// Plays a parsed script into the real GUI, one step per frame: it writes synthetic mouse, key and
// text input into ImGui's IO between the platform backend's NewFrame and ImGui::NewFrame, so
// every click goes through the same widgets, hit testing and actions as a person's would.
#pragma once

#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/driver/script.hpp"
#include "app/driver/script_target.hpp"

namespace rapport::app {

// What the driver may do besides input: to the clock and window (the runner's), and to the app.
struct ScriptHost {
    std::function<void(std::int64_t ms)> advanceClock;
    std::function<void(int width, int height)> resize;
    ScriptTarget* app = nullptr;  // never null once the driver runs
};

class ScriptDriver {
public:
    ScriptDriver(std::vector<ScriptCommand> commands, std::filesystem::path screenshotDir,
                 ScriptHost host);

    void beforeFrame(ImGuiIO& io);
    // After the frame is rendered and before the buffers swap: takes a requested screenshot.
    void afterRender(int framebufferWidth, int framebufferHeight);
    // Time the frame spent building the UI (NewFrame to Render), reported by bench-frames
    // beside the whole frame, so layout cost can be told from the rasteriser's.
    void recordBuildTime(double ms);

    bool finished() const { return finished_; }  // all commands done, or failed
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }
    const std::vector<std::string>& screenshots() const { return screenshots_; }

private:
    void next(int settleFrames);
    void fail(const ScriptCommand& c, const std::string& why);
    bool retry(const ScriptCommand& c, const std::string& why);  // false once out of patience

    std::vector<ScriptCommand> commands_;
    std::filesystem::path dir_;
    ScriptHost host_;
    std::size_t index_ = 0;
    int phase_ = 0;
    int wait_ = 1;  // let the first frame lay out before acting
    int attempts_ = 0;
    ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
    bool mouseDown_ = false;
    ImVec2 dragFrom_{0, 0};  // where a drag pressed
    int keyDown_ = -1;
    std::string captureName_;
    bool finished_ = false;
    std::string error_;
    std::vector<std::string> screenshots_;

    // bench-frames
    std::vector<double> frameMs_;
    std::vector<double> buildMs_;
    std::chrono::steady_clock::time_point lastFrame_;
    std::chrono::steady_clock::time_point idleSince_;  // wait-idle started
    // lap: since the previous lap, the longest frame (start to start) and UI build.
    std::chrono::steady_clock::time_point lapStart_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point frameStart_ = lapStart_;
    double lapMaxFrameMs_ = 0, lapMaxBuildMs_ = 0;
};

}  // namespace rapport::app
