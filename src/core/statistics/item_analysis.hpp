// Item analysis of a scenario's decision points over a set of attempts (issue 20 item 2): how
// often each reply was chosen, how hard the decision was, whether choosing a reply goes with a
// high or a low score on the rest of the scenario, and what to look at. The figures are the
// classical ones of test theory, read in docs/hr-reports.md ("Item analysis").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/statistics/item_responses.hpp"

namespace rapport {

// Flags, as the exports spell them.
inline constexpr const char* kFlagCheckKey = "check-key";            // negative discrimination
inline constexpr const char* kFlagUnusedReply = "unused-reply";      // shown, never chosen
inline constexpr const char* kFlagEveryoneRight = "everyone-right";  // all took the best reply

struct ReplyStatistics {
    std::string choice;  // reply id
    double points = 0;   // its weighted evidence points
    bool best = false;   // worth as much as the best reply shown with it
    int shown = 0;       // responses where it was offered
    int chosen = 0;
    double rate = 0;  // chosen / the decision's responses
    // Points lost against the best reply offered with it, averaged over the times it was shown.
    double pointsLost = 0;
    // Point-biserial r of "chose this reply" (1/0) against the rest-score (the attempt's total
    // minus this decision's points), over the decision's responses; absent without variance.
    std::optional<double> discrimination;
    std::vector<std::string> flags;
};

struct ItemStatistics {
    std::string scenarioId;
    std::string node;
    int responses = 0;  // attempts that reached the decision
    int timeouts = 0;   // of those, ran out of time
    // Mean share of the best reply's points obtained: points / best, counted as 0 below 0 and as
    // 1 above 1, over responses whose best reply is worth more than 0; absent when none is.
    std::optional<double> difficulty;
    // Item-rest r: the share obtained against the rest-score (the corrected item-total
    // correlation); absent without variance or with fewer than 2 responses.
    std::optional<double> discrimination;
    double meanPointsLost = 0;             // best − obtained, averaged over the responses
    bool trustworthy = false;              // responses >= kMinTrustworthySample
    std::vector<ReplyStatistics> replies;  // by reply id
    std::vector<std::string> flags;        // the item's and its replies' flags, once each
};

// One row per (scenario, decision point), scenarios in id order and decisions in the order they
// were first met in `attempts`. The attempts should be of one mode (ofMode): mixing practice and
// exam mixes coached and unaided answers.
std::vector<ItemStatistics> analyseItems(const std::vector<AttemptResponses>& attempts);

}  // namespace rapport
