#include "core/play/attempt_progress.hpp"

#include <algorithm>
#include <cmath>

namespace rapport {

const AttemptRecord* previousAttempt(const std::vector<AttemptRecord>& history,
                                     std::string_view scenarioId, std::int64_t beforeMs,
                                     std::string_view excludeUid) {
    const AttemptRecord* latest = nullptr;
    for (const AttemptRecord& a : history) {
        if (a.status != AttemptStatus::Finished || a.scenarioId != scenarioId) continue;
        if (a.startedAtMs >= beforeMs || (!excludeUid.empty() && a.uid == excludeUid)) continue;
        // Equal starts are broken by the store's row id, as the HR table's "latest" is.
        if (!latest || a.startedAtMs > latest->startedAtMs ||
            (a.startedAtMs == latest->startedAtMs && a.id > latest->id))
            latest = &a;
    }
    return latest;
}

AttemptProgress progressSince(const AttemptRecord& previous, const ScoreReport& now) {
    AttemptProgress out;
    out.previousStartedAtMs = previous.startedAtMs;
    out.previousMode = previous.mode;
    out.scoreBefore = previous.score;
    out.scoreAfter = now.score;
    out.passedBefore = previous.passed;
    out.passedAfter = now.passed;
    for (const CompetencyScore& c : now.competencies) {
        if (!c.rated || !c.score) continue;
        const auto was = std::find_if(previous.competencies.begin(), previous.competencies.end(),
                                      [&](const CompetencyResult& r) { return r.id == c.id; });
        if (was == previous.competencies.end() || !was->rated || !was->score) continue;
        out.competencies.push_back({c.id, c.name, *was->score, *c.score});
    }
    std::stable_sort(out.competencies.begin(), out.competencies.end(),
                     [](const CompetencyProgress& a, const CompetencyProgress& b) {
                         return std::abs(a.change()) > std::abs(b.change());
                     });
    return out;
}

}  // namespace rapport
