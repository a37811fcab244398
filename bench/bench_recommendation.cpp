// Offline evaluation of the next-scenario recommendation (docs/recommendation.md): simulated
// attempt logs with known abilities and difficulties, split by time; prints the log loss of the
// skill model's pass/fail predictions against a constant-rate baseline, the calibration by
// decile, a small sweep of the learning-rate settings, and how long fitting and ranking take.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/recommendation/next_scenario.hpp"
#include "core/recommendation/practice_simulation.hpp"
#include "core/recommendation/prediction_check.hpp"

using namespace rapport;

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void report(const char* label, const PracticeSimulationSettings& sim, SkillModelSettings model,
            bool calibration) {
    const auto evidence = simulatePractice(sim);
    const auto check = checkOnTimeSplit(evidence, 0.7, model);
    std::printf(
        "%-34s results %7zu (train %zu, test %zu)  log loss: model %.4f  baseline %.4f"
        "  (rate %.3f)  gain %.1f %%\n",
        label, evidence.size(), check.trainCount, check.testCount, check.modelLogLoss,
        check.baselineLogLoss, check.baselineRate,
        100 * (check.baselineLogLoss - check.modelLogLoss) / check.baselineLogLoss);
    if (!calibration) return;
    std::printf(
        "  calibration by decile (test period): predicted range, n, mean predicted, "
        "observed pass rate\n");
    for (const auto& b : calibrationByDecile(check.modelPredictions))
        if (b.count > 0)
            std::printf("    %3.0f-%3.0f %%  n %6d  predicted %.3f  observed %.3f\n", 100 * b.lower,
                        100 * b.upper, b.count, b.meanPredicted, b.observedRate);
}

}  // namespace

int main() {
    std::printf(
        "bench_recommendation: 70 %% of each log (by time) trains, the rest is predicted "
        "one result at a time before it is learnt\n\n");
    const PracticeSimulationSettings base;
    report("default (200 trainees, 30 attempts)", base, {}, true);

    std::printf("\nscenarios of other shapes (default model settings):\n");
    auto small = base;
    small.trainees = 20;
    small.attemptsPerTrainee = 10;
    report("small team (20 trainees, 10 each)", small, {}, false);
    auto noLearning = base;
    noLearning.learningPerAttempt = 0;
    report("no learning", noLearning, {}, false);
    auto fastLearning = base;
    fastLearning.learningPerAttempt = 0.15;
    report("fast learning (0.15 per practice)", fastLearning, {}, false);
    auto alike = base;
    alike.generalAbilitySd = 0.3;
    alike.difficultySd = 0.3;
    report("alike trainees and scenarios", alike, {}, false);

    std::printf("\nlearning-rate sweep on the default log (k / decay):\n");
    for (const double k : {0.2, 0.4, 0.8, 1.2})
        for (const double decay : {0.0, 0.05, 0.1, 0.3}) {
            const std::string label = "  k " + std::to_string(k).substr(0, 3) + " decay " +
                                      std::to_string(decay).substr(0, 4);
            report(label.c_str(), base, {k, decay}, false);
        }

    std::printf("\nspeed:\n");
    for (const int trainees : {200, 2000}) {
        auto sim = base;
        sim.trainees = trainees;
        const auto evidence = simulatePractice(sim);
        auto t0 = std::chrono::steady_clock::now();
        SkillModel model;
        model.learn(evidence);
        const double fitMs = msSince(t0);
        std::vector<ScenarioOption> options;
        for (int s = 0; s < sim.scenarios * 5; ++s) {
            ScenarioOption o{"s" + std::to_string(s), "Scenario", {}};  // s12+ never played
            for (int c = 0; c < sim.competenciesPerScenario; ++c)
                o.competencies.push_back({"c" + std::to_string((s + c) % sim.competencies), "c"});
            options.push_back(o);
        }
        t0 = std::chrono::steady_clock::now();
        const auto ranked = recommendScenarios(model, "t1", options, {}, evidence.back().atMs);
        const double rankMs = msSince(t0);
        std::printf("  fit %zu results: %.1f ms; rank %zu scenarios for one trainee: %.3f ms\n",
                    evidence.size(), fitMs, ranked.size(), rankMs);
    }
    return 0;
}
