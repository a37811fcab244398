// Each reply's evidence resolved against a competence framework once, as points per
// competency: the sums random play and scenario analysis add up step by step. They are the
// same sums scoreTranscript makes (scoring.cpp); a test checks the two agree play by play.
#pragma once

#include <cstdint>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct EvidenceProfile {
    std::vector<int> indicators;  // indicator indices, in file order (what behaviour rules see)
    std::vector<std::int64_t> points;  // per competency, framework order: sum of the points scored
    std::vector<bool> cited;           // per competency: some item names it (even with 0 points)
    std::int64_t weighted = 0;         // sum of points x the competency's weight (scenario score)
    bool critical = false;             // some item is a critical indicator
};

struct ScenarioEvidence {
    std::vector<std::vector<EvidenceProfile>> choices;  // [node][choice]
    EvidenceProfile timeout;  // letting a timer run out: the framework's timeout indicator, if any
};

// Throws ScoringError (scoring.hpp) when a reply cites an indicator the framework lacks.
ScenarioEvidence resolveScenarioEvidence(const Scenario& scenario, const Framework& framework);

// The profile of one indicator scored with `points` (a rule violation), for adding to a step.
void addIndicator(const Framework& framework, int indicator, int points, EvidenceProfile& profile);

}  // namespace rapport
