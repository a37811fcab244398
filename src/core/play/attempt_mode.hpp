// The two ways a trainee plays a scenario, and what each shows while the conversation is under
// way. The app and `rapport play` both ask these functions, so a terminal exam hides what the
// window hides.
#pragma once

#include <optional>
#include <string_view>

namespace rapport {

enum class AttemptMode { Practice, Exam };

const char* attemptModeName(AttemptMode m);  // "practice" | "exam"
std::optional<AttemptMode> parseAttemptMode(std::string_view s);

// Practice coaches: each reply's feedback is shown as soon as it is given. Exam measures unaided
// judgement: the feedback waits for the debrief, after the conversation has ended.
bool feedbackShownDuringPlay(AttemptMode m);
// The client's meters (mood, patience …) follow the same rule: shown while playing in practice,
// in exam only once the conversation has ended.
bool metersShownDuringPlay(AttemptMode m);

}  // namespace rapport
