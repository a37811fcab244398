#include "core/play/timing.hpp"

namespace rapport {

const char* timingName(Timing t) {
    switch (t) {
        case Timing::Extended:
            return "extended-x2";
        case Timing::Untimed:
            return "untimed";
        case Timing::Standard:
            break;
    }
    return "standard";
}

std::optional<Timing> parseTiming(std::string_view s) {
    for (Timing t : {Timing::Standard, Timing::Extended, Timing::Untimed})
        if (s == timingName(t)) return t;
    return std::nullopt;
}

std::int64_t adjustedLimitMs(std::int64_t authoredMs, Timing t) {
    if (authoredMs <= 0 || t == Timing::Untimed) return 0;
    return t == Timing::Extended ? authoredMs * 2 : authoredMs;
}

}  // namespace rapport
