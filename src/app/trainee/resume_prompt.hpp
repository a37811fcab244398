// The question asked when a trainee opens a scenario they left unfinished: resume it where it
// stopped, or start over (the old attempt is then kept as abandoned). A modal over any screen.
#pragma once

#include <cstdint>
#include <string>

namespace rapport::app {

class App;

struct ResumePrompt {
    void Draw(App& app);
};

// "27 Nov 2026, 03:12" in local time, for a Unix time in milliseconds.
std::string localDateTime(std::int64_t unixMs);

}  // namespace rapport::app
