#include "core/scoring/optimum.hpp"

#include <algorithm>
#include <limits>
#include <queue>
#include <span>
#include <stdexcept>

#include "core/scoring/behaviour_rules.hpp"
#include "core/scoring/evidence_table.hpp"
#include "core/scoring/rule_product.hpp"
#include "core/state/strong_components.hpp"

namespace rapport {

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();

// The product of the scenario's state graph with the rule states, and the best total from each
// of its states. Built breadth-first; the best totals come from strongly connected components in
// reverse topological order, with a max-Dijkstra inside each component (its edges earn nothing,
// or the component is a points loop), so the answer is exact on graphs with cycles too.
// The product is stored flat, like StateGraph (keys in one array, edges in one array indexed by
// state, a hash index holding only ids): it can have hundreds of thousands of states, and a
// map node plus an edge vector per state cost more than the search itself.
class OptimumSearch {
public:
    OptimumSearch(const Scenario& s, const Framework& f, const StateGraph& graph,
                  std::size_t maxStates)
        : s_(s),
          f_(f),
          graph_(graph),
          maxStates_(maxStates),
          table_(buildEvidenceTable(s, f)),
          product_(s, f, graph) {}

    OptimumOutcome run() {
        OptimumOutcome out;
        if (!graph_.complete) {
            out.problem = OptimumOutcome::Problem::TooLarge;
            out.states = graph_.size();
            return out;
        }
        if (!explore()) {
            out.problem = OptimumOutcome::Problem::TooLarge;
            out.states = product_.states().size();
            return out;
        }
        out.states = product_.states().size();
        components();
        if (!solve(out, -1)) return out;  // the lowest totals first: path() reads the best edges
        const std::int64_t worst = value_[0];
        if (!solve(out, 1)) return out;
        if (value_[0] == kNone) {
            out.problem = OptimumOutcome::Problem::NoEnding;
            return out;
        }
        ScenarioOptimum o;
        o.best = value_[0];
        o.worst = -worst;
        o.bestPath = path();
        o.states = product_.states().size();
        out.optimum = std::move(o);
        return out;
    }

private:
    struct PEdge {  // 16 bytes: the two ints share the gain's alignment
        std::int64_t gain;
        int target;
        int graphEdge;  // index into graph_.edges(g)
    };
    // The out-edges of every state, as strongComponents wants them: edges(v)[k].target.
    struct EdgeRows {
        const OptimumSearch* search;
        std::size_t size() const { return search->product_.states().size(); }
        std::span<const PEdge> operator[](std::size_t v) const { return search->edges(int(v)); }
    };

    std::span<const PEdge> edges(int v) const {
        return std::span<const PEdge>(edges_).subspan(
            edgeStart_[std::size_t(v)],
            edgeStart_[std::size_t(v) + 1] - edgeStart_[std::size_t(v)]);
    }

    // States are expanded in the order they were found, so each state's edges are appended
    // right after the previous state's: edgeStart_ grows by one entry per expanded state.
    bool explore() {
        const bool complete = product_.explore(maxStates_, *this);
        terminal_.resize(product_.states().size(), kNone);
        return complete;
    }

public:
    // The walk's visitor (rule_product.hpp): each step's gain is the reply's points with those
    // of the rules it violated.
    std::span<const int> indicators(int node, int c) const {
        return c >= 0 ? table_.indicators[std::size_t(node)][std::size_t(c)]
                      : table_.timeoutIndicators;
    }
    void ending(std::size_t i, const std::vector<RuleEvent>& settled) {
        if (terminal_.size() <= i) terminal_.resize(i + 1, kNone);
        terminal_[i] = violationGain(f_, settled);
    }
    void edge(std::size_t, std::size_t e, int node, int c, const std::vector<RuleEvent>& events,
              int target) {
        const std::int64_t gain =
            (c >= 0 ? table_.gain[std::size_t(node)][std::size_t(c)] : table_.timeoutGain) +
            violationGain(f_, events);
        edges_.push_back({gain, target, int(e)});
    }
    void expanded(std::size_t) { edgeStart_.push_back(edges_.size()); }

private:
    // Components come out sinks first, the order the best totals need.
    void components() {
        StrongComponents sc = strongComponents(EdgeRows{this});
        comp_ = std::move(sc.component);
        sccs_ = std::move(sc.members);
    }

    // Highest total of sign × gain from every state. For sign -1 (the lowest totals) a loop that
    // loses points is counted once at most, its edges clamped at 0 inside the component; for +1
    // a loop that earns points is a PointsLoop, reported in `out`.
    bool solve(OptimumOutcome& out, int sign) {
        const std::size_t n = product_.states().size();
        value_.assign(n, kNone);
        bestEdge_.assign(n, -1);
        std::vector<bool> done(n, false);
        // Predecessors along edges inside a component (self-loops left out), grouped by target in
        // one array; within a target in the order the components and their members come.
        std::vector<std::size_t> predStart(n + 1, 0);
        std::vector<std::pair<int, int>> preds;  // (from, edge index)
        auto internalEdge = [&](int v, const PEdge& e) {
            return comp_[std::size_t(e.target)] == comp_[std::size_t(v)] && e.target != v;
        };
        for (std::size_t v = 0; v < n; ++v)
            for (const PEdge& e : edges(int(v)))
                if (internalEdge(int(v), e)) ++predStart[std::size_t(e.target) + 1];
        for (std::size_t v = 0; v < n; ++v) predStart[v + 1] += predStart[v];
        preds.resize(predStart[n]);
        {
            std::vector<std::size_t> fill(predStart.begin(), predStart.end() - 1);
            for (const auto& members : sccs_)
                for (int v : members) {
                    const auto es = edges(v);
                    for (std::size_t ei = 0; ei < es.size(); ++ei)
                        if (internalEdge(v, es[ei]))
                            preds[fill[std::size_t(es[ei].target)]++] = {v, int(ei)};
                }
        }
        for (std::size_t cid = 0; cid < sccs_.size(); ++cid) {
            const auto& members = sccs_[cid];
            bool internal = false;
            for (int v : members) {
                const auto es = edges(v);
                for (std::size_t ei = 0; ei < es.size(); ++ei) {
                    const PEdge& e = es[ei];
                    if (comp_[std::size_t(e.target)] != int(cid)) continue;
                    internal = true;
                    if (sign > 0 && e.gain > 0) {
                        out.problem = OptimumOutcome::Problem::PointsLoop;
                        const RuleProduct::State& ps = product_.states()[std::size_t(v)];
                        out.loopNode = graph_.node(ps.g);
                        out.loopChoice = graph_.edges(ps.g)[std::size_t(e.graphEdge)].choice;
                        return false;
                    }
                }
            }
            // Best exit from each member, through edges that leave the component (already solved).
            for (int v : members) {
                if (terminal_[std::size_t(v)] != kNone) {
                    value_[std::size_t(v)] = sign * terminal_[std::size_t(v)];
                    continue;
                }
                const auto es = edges(v);
                for (std::size_t ei = 0; ei < es.size(); ++ei) {
                    const PEdge& e = es[ei];
                    if (comp_[std::size_t(e.target)] == int(cid) ||
                        value_[std::size_t(e.target)] == kNone)
                        continue;
                    const std::int64_t cand = sign * e.gain + value_[std::size_t(e.target)];
                    if (value_[std::size_t(v)] == kNone || cand > value_[std::size_t(v)]) {
                        value_[std::size_t(v)] = cand;
                        bestEdge_[std::size_t(v)] = int(ei);
                    }
                }
            }
            if (!internal) continue;
            // Inside the component every edge costs >= 0 points, so the best total settles like a
            // shortest path: the highest value first, each predecessor improved from it. A state's
            // best edge always points at a state settled before it, so following them ends.
            std::priority_queue<std::pair<std::int64_t, int>> pq;
            for (int v : members)
                if (value_[std::size_t(v)] != kNone) pq.push({value_[std::size_t(v)], -v});
            while (!pq.empty()) {
                const auto [val, negV] = pq.top();
                pq.pop();
                const int v = -negV;
                if (done[std::size_t(v)] || val != value_[std::size_t(v)]) continue;
                done[std::size_t(v)] = true;
                for (std::size_t k = predStart[std::size_t(v)]; k < predStart[std::size_t(v) + 1];
                     ++k) {
                    const auto [p, ei] = preds[k];
                    if (done[std::size_t(p)] || terminal_[std::size_t(p)] != kNone) continue;
                    const std::int64_t gain = sign * edges(p)[std::size_t(ei)].gain;
                    const std::int64_t cand = std::min<std::int64_t>(gain, 0) + val;
                    if (value_[std::size_t(p)] == kNone || cand > value_[std::size_t(p)]) {
                        value_[std::size_t(p)] = cand;
                        bestEdge_[std::size_t(p)] = ei;
                        pq.push({cand, -p});
                    }
                }
            }
        }
        return true;
    }

    std::string path() const {
        std::string out;
        int v = 0;
        for (std::size_t guard = 0; guard <= product_.states().size(); ++guard) {
            if (terminal_[std::size_t(v)] != kNone) return out;
            const int ei = bestEdge_[std::size_t(v)];
            if (ei < 0) break;
            const PEdge& e = edges(v)[std::size_t(ei)];
            const int gs = product_.states()[std::size_t(v)].g;
            const int choice = graph_.edges(gs)[std::size_t(e.graphEdge)].choice;
            if (!out.empty()) out += ',';
            if (choice < 0) {
                out += 't';
            } else {
                const std::vector<int> shown = shownChoices(graph_, gs);
                const auto it = std::find(shown.begin(), shown.end(), choice);
                out += std::to_string(int(it - shown.begin()) + 1);
            }
            v = e.target;
        }
        throw std::logic_error("OptimumSearch: best path does not reach an ending");
    }

    const Scenario& s_;
    const Framework& f_;
    const StateGraph& graph_;
    std::size_t maxStates_;
    EvidenceTable table_;
    RuleProduct product_;
    std::vector<PEdge> edges_;
    std::vector<std::size_t> edgeStart_{0};  // edges of v: [edgeStart_[v], edgeStart_[v + 1])
    std::vector<std::int64_t> terminal_;  // ending states: points of the rules settled at the end
    std::vector<int> comp_;
    std::vector<std::vector<int>> sccs_;
    std::vector<std::int64_t> value_;
    std::vector<int> bestEdge_;
};

}  // namespace

OptimumOutcome computeOptimum(const Scenario& scenario, const Framework& framework,
                              std::size_t maxStates) {
    const StateGraph graph = exploreStates(scenario, maxStates);
    return OptimumSearch(scenario, framework, graph, maxStates).run();
}

OptimumOutcome computeOptimum(const Scenario& scenario, const Framework& framework,
                              const StateGraph& graph, std::size_t maxStates) {
    return OptimumSearch(scenario, framework, graph, maxStates).run();
}

}  // namespace rapport
