#include "app/hr/attempt_conditions.hpp"

#include "core/translation/ui_text.hpp"

namespace rapport::app {

std::string attemptConditions(AttemptMode mode, Timing timing) {
    std::string out = mode == AttemptMode::Exam ? trc("mode", "exam") : trc("mode", "practice");
    switch (timing) {
        case Timing::Extended:
            out += std::string(" · ") + tr("extended time ×2");
            break;
        case Timing::Untimed:
            out += std::string(" · ") + tr("untimed");
            break;
        case Timing::Standard:
            break;
    }
    return out;
}

}  // namespace rapport::app
