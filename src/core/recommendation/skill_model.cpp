#include "core/recommendation/skill_model.hpp"

#include <cmath>

namespace rapport {

double logistic(double x) { return 1 / (1 + std::exp(-x)); }

SkillModel::SkillModel(SkillModelSettings settings) : settings_(settings) {}

double SkillModel::step(const Parameter& p) const {
    return settings_.k / (1 + settings_.decay * p.updates);
}

double SkillModel::rating(const std::string& trainee, const std::string& competencyId) const {
    double r = 0;
    if (const auto g = general_.find(trainee); g != general_.end()) r += g->second.value;
    if (const auto s = specific_.find({trainee, competencyId}); s != specific_.end())
        r += s->second.p.value;
    return r;
}

double SkillModel::difficulty(const std::string& scenarioId) const {
    const auto d = difficulty_.find(scenarioId);
    return d == difficulty_.end() ? 0 : d->second.value;
}

double SkillModel::predict(const std::string& trainee, const std::string& competencyId,
                           const std::string& scenarioId) const {
    return logistic(rating(trainee, competencyId) - difficulty(scenarioId));
}

void SkillModel::learn(const PracticeEvidence& e) {
    // Every step is taken from the prediction before any parameter moves, as in Elo.
    const double residual =
        (e.passed ? 1.0 : 0.0) - predict(e.trainee, e.competencyId, e.scenarioId);
    auto& g = general_[e.trainee];
    auto& s = specific_[{e.trainee, e.competencyId}];
    auto& d = difficulty_[e.scenarioId];
    const double kg = step(g), ks = step(s.p), kd = step(d);
    g.value += kg * residual;
    s.p.value += ks * residual;
    d.value -= kd * residual;
    ++g.updates;
    ++s.p.updates;
    ++d.updates;
    if (s.p.updates == 1 || e.atMs > s.lastMs) s.lastMs = e.atMs;
}

void SkillModel::learn(const std::vector<PracticeEvidence>& evidence) {
    for (const auto& e : evidence) learn(e);
}

int SkillModel::evidenceCount(const std::string& trainee, const std::string& competencyId) const {
    const auto s = specific_.find({trainee, competencyId});
    return s == specific_.end() ? 0 : s->second.p.updates;
}

std::optional<std::int64_t> SkillModel::lastPractisedMs(const std::string& trainee,
                                                        const std::string& competencyId) const {
    const auto s = specific_.find({trainee, competencyId});
    if (s == specific_.end()) return std::nullopt;
    return s->second.lastMs;
}

}  // namespace rapport
