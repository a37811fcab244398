// How a countdown is shown, in one place so the screen that draws it and the shell that decides
// when to wake agree: whole seconds, rounded up (a reply is still possible at "1 s"). The shell
// sleeps until the shown number changes instead of drawing ten frames a second, which under
// software rendering cost ~19 % of a core.
#pragma once

#include <cstdint>

namespace rapport::app {

// The number of seconds shown for `leftMs` milliseconds left: 1800 → 2, 1000 → 1, 0 → 0.
inline std::int64_t countdownSecondsShown(std::int64_t leftMs) {
    return leftMs <= 0 ? 0 : (leftMs + 999) / 1000;
}

// Milliseconds from now until countdownSecondsShown changes (at least 1).
inline std::int64_t msUntilCountdownChanges(std::int64_t leftMs) {
    if (leftMs <= 0) return 1;
    const std::int64_t intoSecond = leftMs % 1000;
    return intoSecond == 0 ? 1000 : intoSecond;
}

}  // namespace rapport::app
