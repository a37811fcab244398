#include "core/scoring/step_advice.hpp"

namespace rapport {

std::int64_t weightedPoints(const Choice& choice, const Framework& framework) {
    std::int64_t total = 0;
    for (const auto& e : choice.evidence) {
        const auto i = framework.findIndicator(e.indicator);
        if (!i) continue;
        const Indicator& ind = framework.indicators[std::size_t(*i)];
        const int weight = framework.competencies[std::size_t(ind.competency)].weight;
        total += std::int64_t(e.points.value_or(ind.points)) * weight;
    }
    return total;
}

std::vector<StepAdvice> adviseSteps(const Scenario& scenario, const Framework& framework,
                                    const Transcript& transcript) {
    std::vector<StepAdvice> out;
    for (const auto& step : transcript.steps) {
        StepAdvice a;
        a.step = step.step;
        const auto node = scenario.findNode(step.node);
        if (node) {
            const auto& choices = scenario.nodes[std::size_t(*node)].choices;
            auto byId = [&](const std::string& id) -> const Choice* {
                for (const auto& c : choices)
                    if (c.id == id) return &c;
                return nullptr;
            };
            bool first = true;
            for (const auto& id : step.choicesShown) {
                const Choice* c = byId(id);
                if (!c) continue;
                const auto pts = weightedPoints(*c, framework);
                if (first || pts > a.bestPoints) {
                    a.bestPoints = pts;
                    a.bestChoice = c->id;
                    a.bestText = c->text;
                    first = false;
                }
            }
            if (const Choice* taken = step.timedOut ? nullptr : byId(step.choice))
                a.takenPoints = weightedPoints(*taken, framework);
            a.tookBest = !a.bestChoice.empty() && !step.timedOut && a.takenPoints >= a.bestPoints;
        }
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace rapport
