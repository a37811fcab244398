// How timed moments run for a trainee (WCAG 2.2 SC 2.2.1, Timing Adjustable): as the author set
// them, twice as long, or not at all. The choice changes the conditions of an attempt, so it is
// recorded with the attempt and reported beside its score.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rapport {

enum class Timing { Standard, Extended, Untimed };

// "standard" | "extended-x2" | "untimed": the stored and exported name.
const char* timingName(Timing t);
std::optional<Timing> parseTiming(std::string_view s);

// A node's countdown for this trainee, in milliseconds: the author's limit, doubled when
// extended; 0 (no countdown) when untimed or when the node has none.
std::int64_t adjustedLimitMs(std::int64_t authoredMs, Timing t);

}  // namespace rapport
