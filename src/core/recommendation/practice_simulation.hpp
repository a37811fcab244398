// Simulated attempt logs for checking the recommendation offline: trainees with hidden
// abilities practise scenarios with hidden difficulties over a period, improving a little each
// time they practise a competency. The truth is known, so a model's predictions can be scored.
// Deterministic for a seed on every platform (its own uniform and normal draws, not the
// implementation-defined <random> distributions).
#pragma once

#include <cstdint>
#include <vector>

#include "core/recommendation/practice_evidence.hpp"

namespace rapport {

struct PracticeSimulationSettings {
    int trainees = 200;
    int competencies = 6;
    int scenarios = 12;
    int competenciesPerScenario = 3;
    int attemptsPerTrainee = 30;
    int days = 90;
    double generalAbilitySd = 1.0;     // between trainees
    double competencyAbilitySd = 0.5;  // within a trainee, between competencies
    double difficultySd = 1.0;         // between scenarios
    double meanAbility = 0.5;          // log-odds; about 62 % passes at the start
    double learningPerAttempt = 0.05;  // log-odds gained per practice of a competency
    std::uint64_t seed = 20261207;
};

// Evidence in time order, as practiceEvidence gives it (trainee "t17", competency "c3",
// scenario "s5"; attempt ids count up in time order).
std::vector<PracticeEvidence> simulatePractice(const PracticeSimulationSettings& settings);

}  // namespace rapport
