// The reachable situations of a scenario: every (node, variable values, once-choices taken,
// visited() facts) that some sequence of choices and timeouts can produce from `start`.
// Exact analysis (reachability, dead ends, best paths) runs over this graph. It follows the
// same rules as Session (simultaneous `set`, meter clamping, a failing `set` is not applied,
// a failing condition hides its choice), and a test cross-checks the two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/scenario/scenario.hpp"

namespace rapport {

// Bound on explored states; a larger scenario is analysed approximately (see docs/diagnostics.md).
inline constexpr std::size_t kDefaultMaxStates = 200'000;

class StateExplorer;

// States are numbered in breadth-first order from 0, the start. They are stored flat (one row
// of 64-bit words per state, edges in one array) because a large scenario has hundreds of
// thousands of them and a few heap blocks per state cost more than the search itself.
class StateGraph {
public:
    struct Edge {
        int choice = -1;  // index into the node's choices; -1 = the timeout branch
        int target = -1;  // state index
    };

    std::size_t size() const { return nodes_.size(); }
    int node(int state) const { return nodes_[std::size_t(state)]; }
    // One value per scenario variable, in the scenario's order. A variable in
    // deadVariables[node(state)] reads 0: nothing from that node on can read it before writing it.
    std::span<const std::int64_t> variables(int state) const {
        return {words_.data() + std::size_t(state) * stride_, variableCount_};
    }
    // Whether the once-choice onceChoices[i] has been taken.
    bool onceTaken(int state, int i) const { return bit(state, i); }
    // Whether node testedNodes[i] has been entered.
    bool visited(int state, int i) const { return bit(state, int(onceChoices.size()) + i); }
    // In display order, then the timeout. Empty for an ending, a dead end, or a state left
    // unexpanded because the bound was hit.
    std::span<const Edge> edges(int state) const {
        return std::span<const Edge>(edges_).subspan(
            edgeStart_[std::size_t(state)],
            edgeStart_[std::size_t(state) + 1] - edgeStart_[std::size_t(state)]);
    }
    // States whose shown choices are known: all of them when `complete`.
    std::size_t expanded() const { return expanded_; }

    // Choices a state's node shows but whose `set` fails at run time: not taken, reported.
    // In state order.
    std::vector<std::pair<int, int>> failingChoices;  // (state, choice index)
    bool complete = true;                             // false when maxStates was hit
    std::vector<std::pair<int, int>> onceChoices;     // (node, choice) for each once bit
    std::vector<int> testedNodes;                     // nodes whose visit some expression tests
    // Per node: the variables no later condition, `set`, variant or deal rule reads before
    // writing them. They are zeroed in the states at that node, so states that differ only in
    // them are one (exact: no outcome depends on them).
    std::vector<std::vector<int>> deadVariables;

private:
    friend class StateExplorer;

    bool bit(int state, int i) const {
        const std::int64_t w =
            words_[std::size_t(state) * stride_ + variableCount_ + std::size_t(i) / 64];
        return (static_cast<std::uint64_t>(w) >> (unsigned(i) % 64)) & 1u;
    }

    // Row of state s: words_[s * stride_ ...], the variables, then the once bits followed by
    // the visited bits, packed 64 to a word. The node is kept apart so scans over nodes stay
    // dense.
    std::size_t variableCount_ = 0;
    std::size_t stride_ = 0;
    std::vector<int> nodes_;
    std::vector<std::int64_t> words_;
    std::vector<Edge> edges_;
    std::vector<std::size_t> edgeStart_{0};  // edges of s: [edgeStart_[s], edgeStart_[s + 1])
    std::size_t expanded_ = 0;
};

// Explores breadth-first from start; stops (complete = false) after maxStates states.
StateGraph exploreStates(const Scenario& scenario, std::size_t maxStates = kDefaultMaxStates);

// Choices shown in an expanded state (state < graph.expanded()), as indices into the node's
// choices, in display order: the same rule as Session, failing ones included.
std::vector<int> shownChoices(const StateGraph& graph, int state);

}  // namespace rapport
