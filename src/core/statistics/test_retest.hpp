// Test-retest reliability from repeated exam attempts (issue 20 item 3): does a trainee who sits
// the same scenario's exam twice get a similar score?
#pragma once

#include <string>
#include <vector>

#include "core/statistics/estimate.hpp"
#include "core/statistics/item_responses.hpp"

namespace rapport {

struct TestRetest {
    std::string scenarioId;
    Estimate r;  // Pearson r of first against second exam score, Fisher-z interval; n = trainees
};

// Per scenario (id order): for every trainee with two or more scored exam attempts of it, the
// first and the second by start time (later ones are left out: a third sitting has been
// practised twice). Practice attempts never count.
std::vector<TestRetest> testRetest(const std::vector<AttemptResponses>& attempts);

}  // namespace rapport
