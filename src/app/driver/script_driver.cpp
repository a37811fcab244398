#include "app/driver/script_driver.hpp"

#include <GL/gl.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <numeric>

#include "app/driver/screenshot.hpp"

namespace rapport::app {

namespace {
constexpr int kPatienceFrames = 30;  // a screen change can take a few frames to show a widget
}

ScriptDriver::ScriptDriver(std::vector<ScriptCommand> commands, std::filesystem::path dir,
                           ScriptHost host)
    : commands_(std::move(commands)), dir_(std::move(dir)), host_(std::move(host)) {}

void ScriptDriver::next(int settleFrames) {
    ++index_;
    phase_ = 0;
    attempts_ = 0;
    wait_ = settleFrames;
}

void ScriptDriver::fail(const ScriptCommand& c, const std::string& why) {
    error_ = "script line " + std::to_string(c.line) + ": " + why;
    finished_ = true;
}

bool ScriptDriver::retry(const ScriptCommand& c, const std::string& why) {
    if (++attempts_ <= kPatienceFrames) return true;
    fail(c, why);
    return false;
}

void ScriptDriver::beforeFrame(ImGuiIO& io) {
    // The platform backend has just written the real (idle) mouse state; replace it with ours.
    io.MousePos = mouse_;
    io.MouseDown[0] = mouseDown_;
    const auto frameNow = std::chrono::steady_clock::now();
    lapMaxFrameMs_ = std::max(
        lapMaxFrameMs_, std::chrono::duration<double, std::milli>(frameNow - frameStart_).count());
    frameStart_ = frameNow;
    if (finished_) return;
    if (wait_ > 0) {
        --wait_;
        return;
    }
    if (index_ >= commands_.size()) {
        finished_ = true;
        return;
    }
    using Kind = ScriptCommand::Kind;
    const ScriptCommand& c = commands_[index_];
    switch (c.kind) {
        case Kind::Click:
            if (phase_ == 0) {
                const LocatedWidget* w = host_.app->widgets().find(c.text, c.a);
                if (!w) {
                    retry(c, "no widget labelled '" + c.text + "'" +
                                 (c.a > 1 ? " #" + std::to_string(c.a) : std::string()) +
                                 " on screen; visible: " + host_.app->widgets().describe());
                    return;
                }
                mouse_ = w->center();  // hover first, as a real pointer would
                phase_ = 1;
            } else if (phase_ == 1) {
                mouseDown_ = true;
                phase_ = 2;
            } else if (phase_ == 2) {
                mouseDown_ = false;  // ImGui buttons fire on release
                phase_ = 3;
            } else {
                mouse_ = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover highlight in later screenshots
                next(2);
            }
            io.MousePos = mouse_;
            io.MouseDown[0] = mouseDown_;
            break;
        case Kind::Drag:
            // Press, then move in four steps (past ImGui's drag threshold), then release.
            if (phase_ == 0) {
                const LocatedWidget* w = host_.app->widgets().find(c.text, 1);
                if (!w) {
                    retry(c, "no widget labelled '" + c.text +
                                 "' on screen; visible: " + host_.app->widgets().describe());
                    return;
                }
                mouse_ = w->center();
                dragFrom_ = mouse_;
                phase_ = 1;
            } else if (phase_ == 1) {
                mouseDown_ = true;
                phase_ = 2;
            } else if (phase_ < 6) {
                const float k = float(phase_ - 1) / 4.0f;
                mouse_ = ImVec2(dragFrom_.x + float(c.a) * k, dragFrom_.y + float(c.b) * k);
                ++phase_;
            } else if (phase_ == 6) {
                mouseDown_ = false;
                phase_ = 7;
            } else {
                mouse_ = ImVec2(-FLT_MAX, -FLT_MAX);
                next(2);
            }
            io.MousePos = mouse_;
            io.MouseDown[0] = mouseDown_;
            break;
        case Kind::Type:
            io.AddInputCharactersUTF8(c.text.c_str());
            next(2);
            break;
        case Kind::Key:
            io.KeyCtrl = (c.b & kScriptCtrl) != 0;
            io.KeyShift = (c.b & kScriptShift) != 0;
            io.KeyAlt = (c.b & kScriptAlt) != 0;
            if (phase_ == 0) {
                io.KeysDown[c.a] = true;
                keyDown_ = c.a;
                phase_ = 1;
            } else {
                io.KeysDown[c.a] = false;
                io.KeyCtrl = io.KeyShift = io.KeyAlt = false;
                keyDown_ = -1;
                next(2);
            }
            break;
        case Kind::WaitFrames:
            next(c.a - 1);
            break;
        case Kind::WaitIdle:
            // Wall-clock patience: a query's time does not depend on how fast frames come.
            if (phase_ == 0) {
                idleSince_ = std::chrono::steady_clock::now();
                phase_ = 1;
            }
            if (!host_.app->busy())
                next(2);
            else if (std::chrono::steady_clock::now() - idleSince_ > std::chrono::seconds(60))
                fail(c, "background work still running after 60 s");
            break;
        case Kind::AdvanceClock:
            host_.advanceClock(c.a);
            next(2);
            break;
        case Kind::Screenshot:
            if (phase_ == 0) {
                phase_ = 1;
                wait_ = 2;  // let any layout change settle before capturing
            } else {
                captureName_ = c.text;
                next(0);
            }
            break;
        case Kind::Expect:
            if (host_.app->widgets().find(c.text, 1))
                next(0);
            else
                retry(c, "expected a widget labelled '" + c.text +
                             "'; visible: " + host_.app->widgets().describe());
            break;
        case Kind::ExpectScreen: {
            const std::string now = host_.app->screenName();
            if (now == c.text)
                next(0);
            else
                retry(c, "expected screen '" + c.text + "' but it is '" + now + "'");
            break;
        }
        case Kind::Theme:
            host_.app->setTheme(c.text);
            next(2);
            break;
        case Kind::TextSize:
            host_.app->setTextScale(float(c.a) / 100.0f);
            next(3);  // the shell rebuilds the fonts at the new size first
            break;
        case Kind::CloseWindow:
            host_.app->requestQuit();
            next(2);
            break;
        case Kind::Resize:
            host_.resize(c.a, c.b);
            next(4);
            break;
        case Kind::Lap:
            std::printf(
                "lap %s: %.1f ms since the previous lap; longest frame %.1f ms, longest UI build "
                "%.1f ms\n",
                c.text.c_str(),
                std::chrono::duration<double, std::milli>(frameNow - lapStart_).count(),
                lapMaxFrameMs_, lapMaxBuildMs_);
            std::fflush(stdout);
            lapStart_ = frameNow;
            lapMaxFrameMs_ = lapMaxBuildMs_ = 0;
            next(0);
            break;
        case Kind::BenchFrames: {
            const auto now = std::chrono::steady_clock::now();
            if (phase_ > 0)
                frameMs_.push_back(
                    std::chrono::duration<double, std::milli>(now - lastFrame_).count());
            lastFrame_ = now;
            if (phase_++ < c.a) break;
            std::vector<double> v = frameMs_;
            std::sort(v.begin(), v.end());
            const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
            const double p95 = v[std::min(v.size() - 1, std::size_t(double(v.size()) * 0.95))];
            std::vector<double> b = buildMs_;
            std::sort(b.begin(), b.end());
            const double buildMean =
                b.empty() ? 0 : std::accumulate(b.begin(), b.end(), 0.0) / double(b.size());
            std::printf(
                "bench-frames: %zu frames, mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms;"
                " UI build (NewFrame..Render) mean %.2f ms, median %.2f ms\n",
                v.size(), mean, v[v.size() / 2], p95, v.back(), buildMean,
                b.empty() ? 0 : b[b.size() / 2]);
            std::fflush(stdout);
            frameMs_.clear();
            buildMs_.clear();
            next(0);
            break;
        }
    }
}

void ScriptDriver::recordBuildTime(double ms) {
    lapMaxBuildMs_ = std::max(lapMaxBuildMs_, ms);
    if (index_ < commands_.size() && commands_[index_].kind == ScriptCommand::Kind::BenchFrames &&
        phase_ > 1)
        buildMs_.push_back(ms);
}

void ScriptDriver::afterRender(int width, int height) {
    if (!frameMs_.empty() ||
        (index_ < commands_.size() && commands_[index_].kind == ScriptCommand::Kind::BenchFrames))
        glFinish();  // count the rasteriser's work in the frame time, not only command submission
    if (captureName_.empty()) return;
    const std::string path = (dir_ / (captureName_ + ".png")).string();
    std::string error;
    if (writeFramebufferPng(path, width, height, error)) {
        screenshots_.push_back(path);
    } else {
        error_ = error;
        finished_ = true;
    }
    captureName_.clear();
}

}  // namespace rapport::app
