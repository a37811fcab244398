#include "core/statistics/test_retest.hpp"

#include <algorithm>
#include <map>

#include "core/statistics/correlation.hpp"

namespace rapport {

std::vector<TestRetest> testRetest(const std::vector<AttemptResponses>& attempts) {
    // (scenario, trainee) -> the trainee's scored exam sittings
    std::map<std::string, std::map<std::string, std::vector<const AttemptResponses*>>> sittings;
    for (const auto& a : attempts)
        if (a.mode == AttemptMode::Exam && a.score) sittings[a.scenarioId][a.trainee].push_back(&a);
    std::vector<TestRetest> out;
    for (auto& [scenario, trainees] : sittings) {
        std::vector<double> first, second;
        for (auto& [trainee, list] : trainees) {
            if (list.size() < 2) continue;
            std::stable_sort(list.begin(), list.end(), [](const auto* x, const auto* y) {
                return x->startedAtMs != y->startedAtMs ? x->startedAtMs < y->startedAtMs
                                                        : x->attemptId < y->attemptId;
            });
            first.push_back(*list[0]->score);
            second.push_back(*list[1]->score);
        }
        TestRetest t;
        t.scenarioId = scenario;
        t.r = correlationEstimate(first, second);
        if (first.size() < 2) t.r.reason = "too few trainees with two exam attempts";
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace rapport
