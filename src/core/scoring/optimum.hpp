// The scenario optimum: the highest and lowest weighted totals any complete path from start can
// reach, found exactly over the product of the scenario's state space with the behaviour-rule
// states. The scenario score places a path between them (docs/scoring.md 5.2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/scoring_error.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

// Bound on the states searched for the best path: (node, variables, once-choices taken,
// visited() facts, rule states). A scenario over it is rejected by the validator (RAP0053).
inline constexpr std::size_t kMaxScoringStates = 200'000;

struct ScenarioOptimum {
    std::int64_t best = 0;  // highest weighted total over all complete paths from start
    std::string bestPath;   // a --choices list reaching it ("2,1,t,3"; t = let the timer run out)
    // Lowest weighted total over all complete paths, the scale's 0 (score_scale.hpp). A loop
    // that loses points each time round is counted once, as the analysis' worst path does.
    std::int64_t worst = 0;
    std::size_t states = 0;  // states searched
    // false: too many states to search (RAP0053), best and worst are the bounds of
    // boundOptimum (optimum_bound.hpp) and bestPath is empty.
    bool exact = true;
};

struct OptimumOutcome {
    enum class Problem { None, TooLarge, PointsLoop, NoEnding };
    Problem problem = Problem::None;
    std::optional<ScenarioOptimum> optimum;  // set when problem == None
    std::size_t states = 0;                  // states explored (at least the bound when TooLarge)
    int loopNode = -1;                       // PointsLoop: a node on the loop and the choice that
    int loopChoice = -1;                     //   earns points in it (-1 = its timeout)
};

// Searches the state space for the best complete path. Loops whose every trip costs nothing or
// points are fine; a loop that earns points (the trainee could farm them) is a PointsLoop.
OptimumOutcome computeOptimum(const Scenario& scenario, const Framework& framework,
                              std::size_t maxStates = kMaxScoringStates);
// The same over the scenario's state graph already explored, exploreStates(scenario, maxStates),
// so a caller that needs the graph anyway explores it once. Same outcome as the call above.
OptimumOutcome computeOptimum(const Scenario& scenario, const Framework& framework,
                              const StateGraph& graph, std::size_t maxStates = kMaxScoringStates);

}  // namespace rapport
