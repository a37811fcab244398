#include "core/analysis/evidence_profile.hpp"

#include "core/scoring/scoring.hpp"

namespace rapport {

namespace {

EvidenceProfile empty(const Framework& f) {
    EvidenceProfile p;
    p.points.assign(f.competencies.size(), 0);
    p.cited.assign(f.competencies.size(), false);
    return p;
}

}  // namespace

void addIndicator(const Framework& f, int indicator, int points, EvidenceProfile& p) {
    const Indicator& ind = f.indicators[std::size_t(indicator)];
    const auto c = std::size_t(ind.competency);
    p.indicators.push_back(indicator);
    p.points[c] += points;
    p.cited[c] = true;
    p.weighted += std::int64_t(points) * f.competencies[c].weight;
    p.critical = p.critical || ind.critical;
}

ScenarioEvidence resolveScenarioEvidence(const Scenario& s, const Framework& f) {
    ScenarioEvidence out;
    out.choices.resize(s.nodes.size());
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        out.choices[n].reserve(node.choices.size());
        for (const Choice& choice : node.choices) {
            EvidenceProfile p = empty(f);
            for (const Evidence& e : choice.evidence) {
                const auto i = f.findIndicator(e.indicator);
                if (!i)
                    throw ScoringError("scenario \"" + s.id + "\" cites indicator \"" +
                                       e.indicator + "\" at " + choice.pointer +
                                       ", which framework \"" + f.id +
                                       "\" does not have (run rapport validate)");
                addIndicator(f, *i, e.points.value_or(f.indicators[std::size_t(*i)].points), p);
            }
            out.choices[n].push_back(std::move(p));
        }
    }
    out.timeout = empty(f);
    if (f.timeoutIndicator >= 0)
        addIndicator(f, f.timeoutIndicator, f.indicators[std::size_t(f.timeoutIndicator)].points,
                     out.timeout);
    return out;
}

}  // namespace rapport
