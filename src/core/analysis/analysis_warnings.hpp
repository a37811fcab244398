// The warnings of scenario analysis, drawn from the finished figures.
#pragma once

#include "core/analysis/scenario_analysis.hpp"

namespace rapport {

// Appends to a.warnings every warning its figures call for (not-exact, unreachable,
// points-loop, best-fails, poor-passes, poor-no-ending, single-reply, few-opportunities,
// random-pass-rate, random-median, testwise-near-pass, won-failing, lost-passing, longest-best,
// acknowledgement-best), in that order.
void addAnalysisWarnings(ScenarioAnalysis& a);

}  // namespace rapport
