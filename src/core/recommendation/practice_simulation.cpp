#include "core/recommendation/practice_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <tuple>

#include "core/recommendation/skill_model.hpp"

namespace rapport {

namespace {

class Draws {
public:
    explicit Draws(std::uint64_t seed) : rng_(seed) {}
    double uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
    double normal() {
        const double u = std::max(uniform(), 1e-300);
        return std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * uniform());
    }
    int below(int n) { return std::min(n - 1, static_cast<int>(uniform() * n)); }

private:
    std::mt19937_64 rng_;  // its output sequence is fixed by the standard
};

}  // namespace

std::vector<PracticeEvidence> simulatePractice(const PracticeSimulationSettings& s) {
    Draws draw(s.seed);
    const int perScenario = std::clamp(s.competenciesPerScenario, 1, std::max(1, s.competencies));
    std::vector<double> difficulty;
    std::vector<std::vector<int>> assesses;
    for (int j = 0; j < s.scenarios; ++j) {
        difficulty.push_back(s.difficultySd * draw.normal());
        std::vector<int> all;
        for (int c = 0; c < s.competencies; ++c) all.push_back(c);
        for (int i = 0; i < perScenario; ++i)
            std::swap(all[i], all[i + draw.below(s.competencies - i)]);
        assesses.emplace_back(all.begin(), all.begin() + perScenario);
    }
    // Each attempt: (time, trainee, scenario), played in time order so learning accumulates.
    struct Planned {
        std::int64_t atMs;
        int trainee;
        int scenario;
    };
    std::vector<Planned> plan;
    std::vector<std::vector<double>> ability(s.trainees);
    constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
    const std::int64_t startMs = 1'767'225'600'000;  // 2026-01-01
    for (int t = 0; t < s.trainees; ++t) {
        const double general = s.meanAbility + s.generalAbilitySd * draw.normal();
        for (int c = 0; c < s.competencies; ++c)
            ability[t].push_back(general + s.competencyAbilitySd * draw.normal());
        for (int a = 0; a < s.attemptsPerTrainee; ++a)
            plan.push_back({startMs + static_cast<std::int64_t>(draw.uniform() * s.days * kDayMs),
                            t, draw.below(s.scenarios)});
    }
    std::sort(plan.begin(), plan.end(), [](const auto& x, const auto& y) {
        return std::tie(x.atMs, x.trainee) < std::tie(y.atMs, y.trainee);
    });
    std::vector<PracticeEvidence> out;
    std::int64_t attemptId = 0;
    for (const auto& p : plan) {
        ++attemptId;
        for (const int c : assesses[p.scenario]) {
            const double chance = logistic(ability[p.trainee][c] - difficulty[p.scenario]);
            out.push_back({"t" + std::to_string(p.trainee), "c" + std::to_string(c),
                           "competency " + std::to_string(c), "s" + std::to_string(p.scenario),
                           p.atMs, attemptId, draw.uniform() < chance});
            ability[p.trainee][c] += s.learningPerAttempt;
        }
    }
    // The order practiceEvidence gives: time, attempt, competency id.
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        return std::tie(x.atMs, x.attemptId, x.competencyId) <
               std::tie(y.atMs, y.attemptId, y.competencyId);
    });
    return out;
}

}  // namespace rapport
