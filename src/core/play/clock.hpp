// Time comes into the core as a parameter, so every session can be replayed and every test is
// repeatable. The app passes a steady clock; tests and scripted play pass a manual one.
#pragma once

#include <chrono>
#include <cstdint>

namespace rapport {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;  // monotonic milliseconds
};

class SteadyClock final : public Clock {
public:
    std::int64_t nowMs() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t start = 0) : now_(start) {}
    std::int64_t nowMs() const override { return now_; }
    void advance(std::int64_t ms) { now_ += ms; }
    void set(std::int64_t ms) { now_ = ms; }

private:
    std::int64_t now_;
};

}  // namespace rapport
