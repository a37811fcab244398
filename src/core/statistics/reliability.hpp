// Internal consistency of a scenario's evidence per competency (issue 20 item 3): coefficient
// alpha with Feldt's interval and the odd-even split-half with the Spearman-Brown correction.
// Subjects are attempts; items are the scenario's decision points.
#pragma once

#include <string>
#include <vector>

#include "core/statistics/estimate.hpp"
#include "core/statistics/item_responses.hpp"

namespace rapport {

// Item scores: one row per subject, one column per item, every row the same length.
struct ItemMatrix {
    std::vector<std::string> items;         // column names (decision node ids)
    std::vector<std::vector<double>> rows;  // rows[subject][item]
    int droppedItems = 0;                   // decisions left out: not reached by every attempt
};

// Cronbach's alpha, k/(k−1)·(1 − Σ item variances / variance of the totals), with Feldt's (1965)
// 95 % interval: (1 − α)/(1 − α̂) follows F with n − 1 and (n − 1)(k − 1) degrees of freedom, so
// α lies in [1 − (1 − α̂)·F(.975), 1 − (1 − α̂)·F(.025)]. Not computable below 2 subjects or
// 2 items, or when the totals have no variance.
Estimate coefficientAlpha(const ItemMatrix& m);

// Odd-even split-half: r between the sums of items 1, 3, 5 … and 2, 4, 6 …, stepped up to the
// full length by Spearman-Brown, 2r/(1 + r). The interval is Fisher's for r, carried through
// the same formula (it is monotone). Not computable below 2 items or 2 subjects, without
// variance in a half, or at r = −1.
Estimate splitHalf(const ItemMatrix& m);

// The matrix of `competency` over attempts of one scenario: items are the decisions every
// attempt reached where some attempt showed evidence of the competency (a branch taken by some
// attempts only cannot be scored for the others, and counting it as 0 would reward the path,
// not the answer); an item's score is the competency's indicator points at that decision.
ItemMatrix competencyItemMatrix(const std::vector<AttemptResponses>& attempts,
                                const std::string& competency);

struct CompetencyReliability {
    std::string scenarioId;
    std::string competencyId;
    int items = 0;
    int droppedItems = 0;
    Estimate alpha;
    Estimate splitHalf;
};

// Per scenario (id order) and competency with evidence (id order), over `attempts` (one mode:
// ofMode).
std::vector<CompetencyReliability> reliabilityByCompetency(
    const std::vector<AttemptResponses>& attempts);

}  // namespace rapport
