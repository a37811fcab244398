// The scenario's state graph times the behaviour-rule states: the one walk every exact search
// over complete paths shares (the best path in optimum.cpp, the extremes of scenario analysis
// in analysis/product_graph.hpp). A state is a graph state with the rules' scoring key; the walk
// expands them breadth-first in the order found, so ids are dense and state 0 is the start.
// What each search keeps per edge (one gain, or points per competency) is its visitor's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/behaviour_rules.hpp"
#include "core/state/state_index.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

class RuleProduct {
public:
    struct State {
        int g;             // state graph index
        std::uint64_t rk;  // rule state (scoring key)
    };

    RuleProduct(const Scenario& s, const Framework& f, const StateGraph& graph)
        : s_(s), graph_(graph), rules_(f, s) {}

    const std::vector<State>& states() const { return states_; }
    const StateGraph& graph() const { return graph_; }

    // Expands every state reachable from the start, each once, in the order found. The visitor
    // answers and hears:
    //   std::span<const int> indicators(int node, int choice)  — what a reply (choice -1: the
    //       timeout) shows, for the rules;
    //   void ending(std::size_t state, const std::vector<RuleEvent>& settled) — an ending state,
    //       with the rules settled at the end;
    //   void edge(std::size_t state, std::size_t graphEdge, int node, int choice,
    //             const std::vector<RuleEvent>& events, int target) — one step, in graph order;
    //   void expanded(std::size_t state) — after the state's last edge (or its ending).
    // Returns false, stopping early, once more than `maxStates` states were found.
    template <class Visitor>
    bool explore(std::size_t maxStates, Visitor& visitor) {
        intern(0, rules_.scoringKey(RuleEngine::initial()));
        std::vector<RuleEvent> events;
        for (std::size_t i = 0; i < states_.size(); ++i) {
            if (states_.size() > maxStates) return false;
            const State ps = states_[i];
            const int node = graph_.node(ps.g);
            if (s_.nodes[std::size_t(node)].isEnding()) {
                std::uint64_t rk = ps.rk;
                events.clear();
                rules_.finish(rk, events);
                visitor.ending(i, events);
                visitor.expanded(i);
                continue;
            }
            const auto gEdges = graph_.edges(ps.g);
            for (std::size_t e = 0; e < gEdges.size(); ++e) {
                const int c = gEdges[e].choice;
                std::uint64_t rk = ps.rk;
                events.clear();
                rules_.step(rk, node, visitor.indicators(node, c), events);
                if (rules_.judgesDeals())
                    rules_.dealStep(graph_.variables(ps.g), graph_.variables(gEdges[e].target),
                                    events);
                const int target = intern(gEdges[e].target, rules_.scoringKey(rk));
                visitor.edge(i, e, node, c, events, target);
            }
            visitor.expanded(i);
        }
        return states_.size() <= maxStates;
    }

private:
    int intern(int g, std::uint64_t rk) {
        const std::int64_t key[2] = {g, static_cast<std::int64_t>(rk)};
        const int fresh = int(states_.size());
        const int id = index_.findOrInsert(hashWords(0, key), fresh, [&](int other) {
            const State& o = states_[std::size_t(other)];
            return o.g == g && o.rk == rk;
        });
        if (id == fresh) states_.push_back({g, rk});
        return id;
    }

    const Scenario& s_;
    const StateGraph& graph_;
    RuleEngine rules_;
    StateIndex index_;
    std::vector<State> states_;
};

}  // namespace rapport
