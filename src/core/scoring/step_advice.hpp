// What the strongest reply would have been at each decision of a transcript: among the choices
// shown at that step, the one whose evidence is worth the most framework-weighted points. This
// is local advice for the debrief ("a stronger reply here was …"); it ignores behaviour rules
// and later consequences, which the path-level optimum (ScoreReport::bestPath) accounts for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct StepAdvice {
    int step = 0;            // 1-based transcript step
    std::string bestChoice;  // id of the best shown choice (first of equals)
    std::string bestText;
    std::int64_t bestPoints = 0;   // its weighted evidence points
    std::int64_t takenPoints = 0;  // the taken choice's weighted points (0 on a timeout)
    bool tookBest = false;         // the taken choice is worth as much as the best
};

// Weighted points of one choice's evidence: Σ (override or default points) × competency weight.
// Indicators the framework does not know count 0 (the evidence check reports them elsewhere).
std::int64_t weightedPoints(const Choice& choice, const Framework& framework);

// One entry per transcript step, in order. Steps whose node or choices no longer exist in the
// scenario (a transcript of another version) get an entry with no best choice.
std::vector<StepAdvice> adviseSteps(const Scenario& scenario, const Framework& framework,
                                    const Transcript& transcript);

}  // namespace rapport
