#include "core/scoring/evidence_table.hpp"

#include "core/scoring/scoring_error.hpp"

namespace rapport {

std::int64_t weightedPoints(const Framework& f, int indicator, int points) {
    const Indicator& ind = f.indicators[std::size_t(indicator)];
    return std::int64_t(points) * f.competencies[std::size_t(ind.competency)].weight;
}

EvidenceTable buildEvidenceTable(const Scenario& s, const Framework& f) {
    EvidenceTable t;
    t.items.resize(s.nodes.size());
    t.indicators.resize(s.nodes.size());
    t.gain.resize(s.nodes.size());
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        t.items[n].resize(node.choices.size());
        t.indicators[n].resize(node.choices.size());
        t.gain[n].assign(node.choices.size(), 0);
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            for (const Evidence& e : node.choices[c].evidence) {
                auto i = f.findIndicator(e.indicator);
                if (!i)
                    throw ScoringError("scenario \"" + s.id + "\" cites indicator \"" +
                                       e.indicator + "\" at " + node.choices[c].pointer +
                                       ", which framework \"" + f.id +
                                       "\" does not have (run rapport validate)");
                const int pts = e.points.value_or(f.indicators[std::size_t(*i)].points);
                t.items[n][c].push_back({*i, pts, &e});
                t.indicators[n][c].push_back(*i);
                t.gain[n][c] += weightedPoints(f, *i, pts);
            }
        }
    }
    if (f.timeoutIndicator >= 0) {
        const int pts = f.indicators[std::size_t(f.timeoutIndicator)].points;
        t.timeoutItems.push_back({f.timeoutIndicator, pts, nullptr});
        t.timeoutIndicators.push_back(f.timeoutIndicator);
        t.timeoutGain = weightedPoints(f, f.timeoutIndicator, pts);
    }
    return t;
}

std::int64_t violationGain(const Framework& f, const std::vector<RuleEvent>& events) {
    std::int64_t g = 0;
    for (const auto& e : events)
        if (e.kind == RuleEvent::Kind::Violated) {
            const int ind = f.rules[std::size_t(e.rule)].violation;
            g += weightedPoints(f, ind, f.indicators[std::size_t(ind)].points);
        }
    return g;
}

}  // namespace rapport
