#include "core/statistics/item_responses.hpp"

#include <set>

#include "core/scoring/step_advice.hpp"

namespace rapport {

double AttemptResponses::total() const {
    double t = 0;
    for (const auto& d : decisions) t += d.points;
    return t;
}

std::vector<DecisionResponse> decisionResponses(const Scenario& scenario,
                                                const Framework& framework,
                                                const Transcript& transcript) {
    const auto advice = adviseSteps(scenario, framework, transcript);
    std::vector<DecisionResponse> out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < transcript.steps.size() && i < advice.size(); ++i) {
        const auto& step = transcript.steps[i];
        if (advice[i].bestChoice.empty()) continue;  // node or replies gone from the scenario
        if (!seen.insert(step.node).second) continue;
        DecisionResponse d;
        d.node = step.node;
        d.shown = step.choicesShown;
        d.points = double(advice[i].takenPoints);
        d.bestPoints = double(advice[i].bestPoints);
        if (const auto node = scenario.findNode(step.node))
            for (const auto& c : scenario.nodes[std::size_t(*node)].choices)
                for (const auto& id : step.choicesShown)
                    if (id == c.id) d.replyPoints[c.id] = double(weightedPoints(c, framework));
        if (const Choice* c = step.timedOut ? nullptr : takenChoice(scenario, step)) {
            d.choice = c->id;
            for (const auto& e : c->evidence) {
                const auto ind = framework.findIndicator(e.indicator);
                if (!ind) continue;
                const Indicator& indicator = framework.indicators[std::size_t(*ind)];
                const auto& comp = framework.competencies[std::size_t(indicator.competency)];
                d.evidence[comp.id] += e.points.value_or(indicator.points);
            }
        }
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<AttemptResponses> ofMode(const std::vector<AttemptResponses>& attempts,
                                     AttemptMode mode) {
    std::vector<AttemptResponses> out;
    for (const auto& a : attempts)
        if (a.mode == mode) out.push_back(a);
    return out;
}

}  // namespace rapport
