// How much the best path gives away by surface cues: at each decision of the best path (the
// optimum's choice there, replayed under seed 0), is the best reply the longest, and does it open
// with an acknowledgement or apology more often than the replies beside it? A library where the
// best reply is usually the longest, or the one that says "I understand", teaches guessing.
#pragma once

#include <string>

#include "core/scenario/scenario.hpp"

namespace rapport {

struct CueStatistics {
    // Decisions on the best path where two or more replies are shown (a timer run out, or a
    // single reply, offers no cue).
    int decisions = 0;
    int bestLongest = 0;  // the best reply is longer than every other reply shown (a tie is not)
    int bestTopTwo = 0;   // at most one other reply shown is longer than the best one
    int bestAcknowledgement = 0;   // best replies opening with an acknowledgement or apology
    int otherReplies = 0;          // the other replies shown at those decisions
    int otherAcknowledgement = 0;  // of which open with one
    // The same three counts at objection decisions only (nodes tagged "objection:…"), where an
    // apologetic opener is the likeliest tell.
    int objectionDecisions = 0, objectionBestAcknowledgement = 0;
    int objectionOtherReplies = 0, objectionOtherAcknowledgement = 0;

    // Shares, 0..1 (0 when there is nothing to count).
    double bestLongestShare() const { return decisions ? double(bestLongest) / decisions : 0.0; }
    double bestAcknowledgementRate() const {
        return decisions ? double(bestAcknowledgement) / decisions : 0.0;
    }
    double otherAcknowledgementRate() const {
        return otherReplies ? double(otherAcknowledgement) / otherReplies : 0.0;
    }
    double objectionBestAcknowledgementRate() const {
        return objectionDecisions ? double(objectionBestAcknowledgement) / objectionDecisions : 0.0;
    }
    double objectionOtherAcknowledgementRate() const {
        return objectionOtherReplies ? double(objectionOtherAcknowledgement) / objectionOtherReplies
                                     : 0.0;
    }
};

// Replays `bestChoices` (a --choices list of a complete path, as the analysis found it) under
// seed 0 and counts the cues at each decision; the scenario's language picks the cue table.
// Throws std::logic_error when the list does not replay.
CueStatistics bestPathCueStatistics(const Scenario& scenario, const std::string& bestChoices);

}  // namespace rapport
