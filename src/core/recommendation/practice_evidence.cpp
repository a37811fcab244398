#include "core/recommendation/practice_evidence.hpp"

#include <algorithm>
#include <tuple>

namespace rapport {

std::vector<PracticeEvidence> practiceEvidence(const std::vector<AttemptRecord>& attempts,
                                               double passScore) {
    std::vector<PracticeEvidence> out;
    for (const auto& a : attempts) {
        if (a.status != AttemptStatus::Finished) continue;
        for (const auto& c : a.competencies) {
            if (!c.rated || !c.score) continue;
            out.push_back({a.trainee, c.id, c.name, a.scenarioId, a.startedAtMs, a.id,
                           *c.score >= passScore});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        return std::tie(x.atMs, x.attemptId, x.competencyId) <
               std::tie(y.atMs, y.attemptId, y.competencyId);
    });
    return out;
}

}  // namespace rapport
