#include "core/checks/scoring_state_check.hpp"

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/scoring/optimum_bound.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

std::optional<ScenarioOptimum> checkScoringStateSpace(const Scenario& scenario,
                                                      const Framework& framework,
                                                      DiagnosticList& diags,
                                                      std::size_t maxStates) {
    const StateGraph graph = exploreStates(scenario, maxStates);
    return checkScoringStateSpace(scenario, framework, graph, diags, maxStates);
}

std::optional<ScenarioOptimum> checkScoringStateSpace(const Scenario& scenario,
                                                      const Framework& framework,
                                                      const StateGraph& graph,
                                                      DiagnosticList& diags,
                                                      std::size_t maxStates) {
    OptimumOutcome o;
    try {
        o = computeOptimum(scenario, framework, graph, maxStates);
    } catch (const ScoringError&) {
        return std::nullopt;  // unknown indicators: the evidence check reports them, located
    }
    Diagnostic d;
    d.file = scenario.sourcePath;
    switch (o.problem) {
        case OptimumOutcome::Problem::None:
            return std::move(o.optimum);
        case OptimumOutcome::Problem::NoEnding:  // the validator's graph checks report this
                                                 // (RAP0041)
            return std::nullopt;
        case OptimumOutcome::Problem::TooLarge: {
            // Still playable and scored, against bounds: a warning, not a rejection.
            std::optional<ScenarioOptimum> bound = boundOptimum(scenario, framework);
            if (!bound) return std::nullopt;  // no ending: the graph checks report it (RAP0041)
            d.code = codes::StateSpaceTooLarge;
            d.severity = Severity::Warning;
            d.pointer = "/nodes";
            // One sentence without plural forms: the translations word the counts so that no
            // noun agrees with them ("states: more than {limit}").
            d.message = uiFormat(
                tr("the scenario has more than {limit} distinct states (node, the variables "
                   "something later reads, once-choices, visited() facts and behaviour-rule "
                   "states; {explored} explored before stopping), too many to find the best path "
                   "exactly; scores are placed between bounds (best {best}, worst {worst}) and a "
                   "perfect path may score under 100; limit the values variables can take or "
                   "split the scenario"),
                {{"limit", std::to_string(maxStates)},
                 {"explored", std::to_string(o.states)},
                 {"best", std::to_string(bound->best)},
                 {"worst", std::to_string(bound->worst)}});
            d.position = scenario.sourceMap.valuePosition(d.pointer);
            diags.add(std::move(d));
            bound->states = o.states;
            return bound;
        }
        case OptimumOutcome::Problem::PointsLoop: {
            const Node& n = scenario.nodes[std::size_t(o.loopNode)];
            if (o.loopChoice >= 0) {
                d.pointer = n.choices[std::size_t(o.loopChoice)].pointer + "/evidence";
                d.message =
                    uiFormat(tr("choice \"{choice}\" of node \"{node}\" earns points "
                                "inside a loop, so a trainee could collect them again and "
                                "again; make it \"once\" or move its evidence out of the "
                                "loop"),
                             {{"choice", n.choices[std::size_t(o.loopChoice)].id}, {"node", n.id}});
            } else {
                d.pointer = n.pointer + "/onTimeout";
                d.message = uiFormat(tr("the timeout of node \"{node}\" earns points inside a "
                                        "loop"),
                                     {{"node", n.id}});
            }
            d.code = codes::PointsLoop;
            break;
        }
    }
    d.position = scenario.sourceMap.valuePosition(d.pointer);
    diags.add(std::move(d));
    return std::nullopt;
}

}  // namespace rapport
