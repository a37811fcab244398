#include "core/play/attempt_mode.hpp"

namespace rapport {

const char* attemptModeName(AttemptMode m) { return m == AttemptMode::Exam ? "exam" : "practice"; }

std::optional<AttemptMode> parseAttemptMode(std::string_view s) {
    if (s == "practice") return AttemptMode::Practice;
    if (s == "exam") return AttemptMode::Exam;
    return std::nullopt;
}

bool feedbackShownDuringPlay(AttemptMode m) { return m == AttemptMode::Practice; }

bool metersShownDuringPlay(AttemptMode m) { return m == AttemptMode::Practice; }

}  // namespace rapport
