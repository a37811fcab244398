#include "core/recommendation/next_scenario.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace rapport {

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

// The competency of `option` that most needs practice, as a reason with its value.
struct Focus {
    RecommendationReason reason;
    double value = -1;
};

Focus focusOf(const SkillModel& model, const std::string& trainee, const ScenarioOption& option,
              std::int64_t nowMs, const RecommendationSettings& settings) {
    Focus best;
    for (const auto& c : option.competencies) {
        RecommendationReason r;
        r.competencyId = c.id;
        r.competencyName = c.name;
        r.predictedSuccess = model.predict(trainee, c.id, option.id);
        const double weakness = 1 - logistic(model.rating(trainee, c.id));
        double due = 1;
        if (const auto last = model.lastPractisedMs(trainee, c.id)) {
            const int days = static_cast<int>(std::max<std::int64_t>(0, (nowMs - *last) / kDayMs));
            r.daysSincePractised = days;
            due = std::min(1.0, days / settings.spacingDays);
            if (days >= settings.spacingDays)
                r.kind = RecommendationKind::Due;
            else if (weakness > 0.5)
                r.kind = RecommendationKind::Weak;
            else
                r.kind = RecommendationKind::Practice;
        } else {
            r.kind = RecommendationKind::New;
        }
        const double value = chanceFit(r.predictedSuccess, settings) * (weakness + due) / 2;
        // Strictly greater: among equals the scenario's first-listed competency wins.
        if (value > best.value) best = {r, value};
    }
    return best;
}

}  // namespace

const char* recommendationKindName(RecommendationKind k) {
    switch (k) {
        case RecommendationKind::Assigned:
            return "assigned";
        case RecommendationKind::New:
            return "new";
        case RecommendationKind::Due:
            return "due";
        case RecommendationKind::Weak:
            return "weak";
        case RecommendationKind::Practice:
            return "practice";
    }
    return "practice";
}

double chanceFit(double p, const RecommendationSettings& settings) {
    const double distance = p < settings.targetLow    ? settings.targetLow - p
                            : p > settings.targetHigh ? p - settings.targetHigh
                                                      : 0;
    if (settings.bandFalloff <= 0) return distance > 0 ? 0 : 1;
    return std::max(0.0, 1 - distance / settings.bandFalloff);
}

std::vector<Recommendation> recommendScenarios(const SkillModel& model, const std::string& trainee,
                                               const std::vector<ScenarioOption>& options,
                                               const std::vector<ScenarioAssignment>& assignments,
                                               std::int64_t nowMs,
                                               const RecommendationSettings& settings) {
    std::map<std::string, const ScenarioOption*> byId;
    for (const auto& o : options) byId.emplace(o.id, &o);

    std::vector<const ScenarioAssignment*> mine;
    for (const auto& a : assignments)
        if (a.trainee == trainee && byId.count(a.scenarioId)) mine.push_back(&a);
    // The most urgent first: a due date before none, an earlier one before a later one.
    std::stable_sort(mine.begin(), mine.end(), [](const auto* x, const auto* y) {
        if (x->dueAtMs.has_value() != y->dueAtMs.has_value()) return x->dueAtMs.has_value();
        if (x->dueAtMs && *x->dueAtMs != *y->dueAtMs) return *x->dueAtMs < *y->dueAtMs;
        return x->assignedAtMs < y->assignedAtMs;
    });

    std::vector<Recommendation> out;
    std::map<std::string, bool> listed;
    for (const auto* a : mine) {
        if (listed[a->scenarioId]) continue;  // assigned twice: once is enough
        listed[a->scenarioId] = true;
        const auto& o = *byId[a->scenarioId];
        auto focus = focusOf(model, trainee, o, nowMs, settings);
        focus.reason.kind = RecommendationKind::Assigned;
        focus.reason.assignedBy = a->assignedBy;
        focus.reason.assignedAtMs = a->assignedAtMs;
        focus.reason.dueAtMs = a->dueAtMs;
        if (a->dueAtMs) {
            constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
            const std::int64_t dueDayEnds = (*a->dueAtMs / kDayMs + 1) * kDayMs;
            focus.reason.overdue = nowMs >= dueDayEnds;
        }
        focus.reason.note = a->note;
        out.push_back({o.id, o.title, std::max(0.0, focus.value), focus.reason});
    }

    std::vector<Recommendation> ranked;
    for (const auto& o : options) {
        if (listed.count(o.id) || o.competencies.empty()) continue;
        auto focus = focusOf(model, trainee, o, nowMs, settings);
        ranked.push_back({o.id, o.title, focus.value, focus.reason});
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
        return x.priority != y.priority ? x.priority > y.priority : x.scenarioId < y.scenarioId;
    });
    out.insert(out.end(), ranked.begin(), ranked.end());
    return out;
}

}  // namespace rapport
