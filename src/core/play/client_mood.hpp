// The client's face as the trainee sees it: a portrait that looks pleased, neutral or displeased
// as the conversation goes (docs/scenario-format.md, "Portraits"). It is read from the meters,
// so it shows exactly when the meters show (practice, or an exam once it has ended) and never
// tells the trainee more than the bars do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/scenario/scenario.hpp"

namespace rapport {

enum class ClientMood { Neutral, Pleased, Displeased };

const char* clientMoodName(ClientMood m);  // "neutral" | "pleased" | "displeased"

// From the mean position of the scenario's meters within their ranges (0 = every bar empty,
// 1 = every bar full), now (`values`, Session::variables()) and at the start (the declared
// initial values): pleased once it has risen by kMoodShift since the start, displeased once it
// has fallen by as much; otherwise pleased at kMoodPleased or above, displeased at
// kMoodDispleased or below, else neutral. Without meters the client stays neutral.
inline constexpr double kMoodShift = 0.20;
inline constexpr double kMoodPleased = 0.75;
inline constexpr double kMoodDispleased = 0.15;
ClientMood clientMood(const Scenario& scenario, const std::vector<std::int64_t>& values);

// The portrait for `mood` by the naming rule: "portraits/olga.png" shows its face as
// "portraits/olga.neutral.png", "portraits/olga.pleased.png" and "portraits/olga.displeased.png".
// An empty path stays empty. A scenario need not provide the three: the app falls back to the
// portrait as written (tools/portrait_moods.py draws them for the bundled avatars).
std::string moodPortrait(const std::string& portrait, ClientMood mood);

}  // namespace rapport
