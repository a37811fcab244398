// The reachable situations of a scenario: every (node, variable values, once-choices taken,
// visited() facts) that some sequence of choices and timeouts can produce from `start`.
// Exact analysis (reachability, dead ends, best paths) runs over this graph. It follows the
// same rules as Session (simultaneous `set`, meter clamping, a failing `set` is not applied,
// a failing condition hides its choice), and a test cross-checks the two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "scenario.hpp"

namespace rapport {

// Bound on explored states; a larger scenario is analysed approximately (see docs/diagnostics.md).
inline constexpr std::size_t kDefaultMaxStates = 200'000;

struct StateGraph {
    struct State {
        int node = 0;
        std::vector<std::int64_t> variables;
        std::vector<bool> onceTaken;  // one bit per once-choice, in onceChoices order
        std::vector<bool> visited;    // one bit per node tested by visited(), in testedNodes order
    };
    struct Edge {
        int choice = -1;  // index into the node's choices; -1 = the timeout branch
        int target = -1;  // state index
    };
    std::vector<State> states;              // states[0] is the start
    std::vector<std::vector<Edge>> edges;   // per state, in display order, then the timeout
    // Choices a state's node shows but whose `set` fails at run time: not taken, reported.
    std::vector<std::pair<int, int>> failingChoices;  // (state, choice index)
    bool complete = true;                   // false when maxStates was hit
    std::vector<std::pair<int, int>> onceChoices;    // (node, choice) for each once bit
    std::vector<int> testedNodes;                    // nodes whose visit some expression tests
};

// Explores breadth-first from start; stops (complete = false) after maxStates states.
StateGraph exploreStates(const Scenario& scenario, std::size_t maxStates = kDefaultMaxStates);

// Choices shown in a state, as indices into the node's choices (the same rule as Session).
std::vector<int> shownChoices(const Scenario& scenario, const StateGraph& graph, const StateGraph::State& state);

}  // namespace rapport
