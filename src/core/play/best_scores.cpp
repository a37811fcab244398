#include "core/play/best_scores.hpp"

#include <cmath>

#include "core/reports/group_statistics.hpp"

namespace rapport {

std::map<std::string, int> bestScores(const std::vector<AttemptRecord>& attempts) {
    std::map<std::string, AttemptRefs> byScenario;
    for (const AttemptRecord& a : attempts) byScenario[a.scenarioId].push_back(&a);
    std::map<std::string, int> out;
    for (const auto& [id, refs] : byScenario)
        if (const AttemptRecord* best = bestAttempt(refs))
            out.emplace(id, int(std::lround(*best->score)));
    return out;
}

}  // namespace rapport
