// Each choice's evidence resolved against the framework once: indicator indices, points as
// scored, and the weighted total the scenario score adds up. The best-path search and the scorer
// both read it, so a choice is worth the same to both.
#pragma once

#include <cstdint>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/behaviour_rules.hpp"

namespace rapport {

struct ScoredEvidence {
    int indicator = -1;
    int points = 0;
    const Evidence* source = nullptr;  // null for the timeout indicator
};

struct EvidenceTable {
    std::vector<std::vector<std::vector<ScoredEvidence>>> items;  // [node][choice]
    std::vector<std::vector<std::vector<int>>> indicators;        // [node][choice]: indicator ids
    std::vector<std::vector<std::int64_t>> gain;                  // [node][choice]: weighted
    std::vector<ScoredEvidence> timeoutItems;  // the framework's timeout indicator, if any
    std::vector<int> timeoutIndicators;
    std::int64_t timeoutGain = 0;
};

// `points` of `indicator` times the weight of its competency.
std::int64_t weightedPoints(const Framework& f, int indicator, int points);

// Resolves every choice's evidence of `s` against `f`. Throws ScoringError when a choice cites an
// indicator `f` does not have (the message names it and where).
EvidenceTable buildEvidenceTable(const Scenario& s, const Framework& f);

// The weighted points of the rule violations among `events`.
std::int64_t violationGain(const Framework& f, const std::vector<RuleEvent>& events);

}  // namespace rapport
