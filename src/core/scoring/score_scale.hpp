// The scenario score's scale (docs/scoring.md 5.2), the one place it is computed: the score
// report and the random players of analysis both call it.
#pragma once

#include <cstdint>

namespace rapport {

// Where `earned` (weighted points on a path) lies between the lowest and the highest weighted
// total of any complete path: 100 × (earned − worst) ÷ (best − worst), clamped to 0..100, one
// decimal. The best path scores 100 and the worst 0, so weak play is told from very weak
// (points ÷ best put every path below zero points at 0). When every path totals the same,
// 100 if nothing was lost against it and 0 otherwise.
double scenarioScore(std::int64_t earned, std::int64_t best, std::int64_t worst);

}  // namespace rapport
