// What item analysis and reliability read about one attempt: per decision, the reply taken, the
// points it earned, the points of the best reply shown at that moment, and the indicator points
// per competency. Plain data so that any store (the local SQLite file, the central PostgreSQL
// one) can fill it and the same functions compute the same figures.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/play/attempt_mode.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct DecisionResponse {
    std::string node;                           // the decision point (node id)
    std::vector<std::string> shown;             // reply ids offered
    std::string choice;                         // reply taken; empty on a timeout
    double points = 0;                          // weighted evidence points of the reply taken
    double bestPoints = 0;                      // of the best reply shown (step_advice's rule)
    std::map<std::string, double> replyPoints;  // weighted points of every reply shown
    std::map<std::string, double> evidence;     // unweighted indicator points per competency id
};

struct AttemptResponses {
    std::int64_t attemptId = 0;
    std::string trainee;
    std::string group;
    std::string scenarioId;
    AttemptMode mode = AttemptMode::Practice;
    std::int64_t startedAtMs = 0;
    std::optional<double> score;  // the scenario score 0-100, for norms and test-retest
    // One entry per decision point, first visit only: a node revisited (a question hub) is one
    // item, answered the first time it was reached.
    std::vector<DecisionResponse> decisions;
    // The attempt's total on the items: the sum of `points` (the score item analysis relates
    // each decision to).
    double total() const;
};

// The decisions of a transcript scored against its scenario and framework. Steps whose node or
// reply the scenario no longer has (a transcript of another version) are left out.
std::vector<DecisionResponse> decisionResponses(const Scenario& scenario,
                                                const Framework& framework,
                                                const Transcript& transcript);

// Only the attempts of `mode` (practice and exam are analysed apart: feedback shown during
// practice changes what later replies mean).
std::vector<AttemptResponses> ofMode(const std::vector<AttemptResponses>& attempts,
                                     AttemptMode mode);

}  // namespace rapport
