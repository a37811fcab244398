// The scenario's state graph times the behaviour-rule states, with each step's points per
// competency: the graph the exact extremes of scenario analysis are solved on. Internal to
// src/core/analysis (scenario_analysis.cpp); not part of the analysis interface.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <queue>
#include <utility>
#include <vector>

#include "core/analysis/evidence_profile.hpp"
#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/behaviour_rules.hpp"
#include "core/scoring/rule_product.hpp"
#include "core/state/state_space.hpp"
#include "core/state/strong_components.hpp"

namespace rapport::analysis_detail {

inline constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();

// The scenario's state graph times the behaviour-rule states, walked by the same RuleProduct as
// the best-path search (scoring/optimum.cpp), with every step's points kept per competency so
// one graph answers every "highest / lowest total of X over complete paths" question.
class ProductGraph {
public:
    using PState = RuleProduct::State;
    struct PEdge {
        int target;
        int graphEdge;  // index into graph.edges(g)
        int profile;    // index into profiles: points per competency, then the weighted total
    };

    ProductGraph(const Scenario& s, const Framework& f, const StateGraph& graph,
                 const ScenarioEvidence& ev, std::size_t maxStates)
        : s_(s), f_(f), graph_(graph), ev_(ev), nc_(f.competencies.size()) {
        complete = explore(maxStates);
        if (complete) {
            components();
            internalEdges();
        }
    }

    bool complete = false;
    std::vector<PState> states;
    std::vector<std::vector<PEdge>> edges;
    std::vector<int> terminal;  // ending states: profile of the rules settled at the end; else -1
    std::vector<std::vector<std::int64_t>> profiles;

    struct Solution {
        std::vector<std::int64_t> value;  // best total from each state to an ending; kNone if none
        std::vector<int> edge;            // the edge achieving it
        bool unbounded = false;           // a loop with a gain: the value counts it once at most
    };

    // Highest total of gain[profile] over complete paths from every state. Components come sinks
    // first; inside one, gains are <= 0 unless a loop gains (then clamped to 0 and flagged), so
    // the best settles like a shortest path (the method of scoring.cpp's OptimumSearch).
    // `endsAt`, when given, admits only the ending states it marks (per state, non-zero = an
    // admitted ending): the highest total over complete paths that end there.
    Solution solve(const std::vector<std::int64_t>& gain,
                   const std::vector<char>* endsAt = nullptr) const {
        const std::size_t n = states.size();
        Solution out;
        out.value.assign(n, kNone);
        out.edge.assign(n, -1);
        std::vector<bool> done(n, false);
        for (std::size_t cid = 0; cid < sccs_.size(); ++cid) {
            const auto& members = sccs_[cid];
            const bool internal = internal_[cid];
            if (internal)
                for (int v : members)
                    for (const PEdge& e : edges[std::size_t(v)])
                        if (comp_[std::size_t(e.target)] == int(cid) &&
                            gain[std::size_t(e.profile)] > 0)
                            out.unbounded = true;
            for (int v : members) {
                if (terminal[std::size_t(v)] >= 0) {
                    if (!endsAt || (*endsAt)[std::size_t(v)])
                        out.value[std::size_t(v)] = gain[std::size_t(terminal[std::size_t(v)])];
                    continue;
                }
                for (std::size_t ei = 0; ei < edges[std::size_t(v)].size(); ++ei) {
                    const PEdge& e = edges[std::size_t(v)][ei];
                    if (comp_[std::size_t(e.target)] == int(cid) ||
                        out.value[std::size_t(e.target)] == kNone)
                        continue;
                    const std::int64_t cand =
                        gain[std::size_t(e.profile)] + out.value[std::size_t(e.target)];
                    if (out.value[std::size_t(v)] == kNone || cand > out.value[std::size_t(v)]) {
                        out.value[std::size_t(v)] = cand;
                        out.edge[std::size_t(v)] = int(ei);
                    }
                }
            }
            if (!internal) continue;
            std::priority_queue<std::pair<std::int64_t, int>> pq;
            for (int v : members)
                if (out.value[std::size_t(v)] != kNone) pq.push({out.value[std::size_t(v)], -v});
            while (!pq.empty()) {
                const auto [val, negV] = pq.top();
                pq.pop();
                const int v = -negV;
                if (done[std::size_t(v)] || val != out.value[std::size_t(v)]) continue;
                done[std::size_t(v)] = true;
                for (const auto& [p, ei] : preds_[std::size_t(v)]) {
                    if (done[std::size_t(p)] || terminal[std::size_t(p)] >= 0) continue;
                    const std::int64_t g = std::min<std::int64_t>(
                        gain[std::size_t(edges[std::size_t(p)][std::size_t(ei)].profile)], 0);
                    const std::int64_t cand = g + val;
                    if (out.value[std::size_t(p)] == kNone || cand > out.value[std::size_t(p)]) {
                        out.value[std::size_t(p)] = cand;
                        out.edge[std::size_t(p)] = ei;
                        pq.push({cand, -p});
                    }
                }
            }
        }
        return out;
    }

    std::vector<std::int64_t> gains(std::size_t component, int sign) const {
        std::vector<std::int64_t> g;
        g.reserve(profiles.size());
        for (const auto& p : profiles) g.push_back(sign * p[component]);
        return g;
    }

private:
    int internProfile(std::vector<std::int64_t> p) {
        auto [it, fresh] = profileIndex_.emplace(p, int(profiles.size()));
        if (fresh) profiles.push_back(std::move(p));
        return it->second;
    }

    void addViolations(std::vector<std::int64_t>& p, const std::vector<RuleEvent>& events) const {
        for (const RuleEvent& e : events) {
            if (e.kind != RuleEvent::Kind::Violated) continue;
            const Indicator& ind =
                f_.indicators[std::size_t(f_.rules[std::size_t(e.rule)].violation)];
            const auto c = std::size_t(ind.competency);
            p[c] += ind.points;
            p[nc_] += std::int64_t(ind.points) * f_.competencies[c].weight;
        }
    }

    bool explore(std::size_t maxStates) {
        RuleProduct product(s_, f_, graph_);
        Walk walk{*this};
        const bool done = product.explore(maxStates, walk);
        states = product.states();
        edges.resize(states.size());
        terminal.resize(states.size(), -1);
        return done;
    }

    // The walk's visitor (rule_product.hpp): every step's points per competency, with those of
    // the rules it violated, then the weighted total.
    struct Walk {
        ProductGraph& pg;
        std::vector<std::int64_t> p = std::vector<std::int64_t>(pg.nc_ + 1);
        std::span<const int> indicators(int node, int c) const {
            return profileOf(node, c).indicators;
        }
        const EvidenceProfile& profileOf(int node, int c) const {
            return c >= 0 ? pg.ev_.choices[std::size_t(node)][std::size_t(c)] : pg.ev_.timeout;
        }
        void ending(std::size_t i, const std::vector<RuleEvent>& settled) {
            std::fill(p.begin(), p.end(), 0);
            pg.addViolations(p, settled);
            if (pg.terminal.size() <= i) pg.terminal.resize(i + 1, -1);
            pg.terminal[i] = pg.internProfile(p);
        }
        void edge(std::size_t i, std::size_t e, int node, int c,
                  const std::vector<RuleEvent>& events, int target) {
            const EvidenceProfile& ep = profileOf(node, c);
            std::copy(ep.points.begin(), ep.points.end(), p.begin());
            p[pg.nc_] = ep.weighted;
            pg.addViolations(p, events);
            if (pg.edges.size() <= i) pg.edges.resize(i + 1);
            pg.edges[i].push_back({target, int(e), pg.internProfile(p)});
        }
        void expanded(std::size_t) {}
    };

    // Components come out sinks first, the order the extremes need.
    void components() {
        StrongComponents sc = strongComponents(edges);
        comp_ = std::move(sc.component);
        sccs_ = std::move(sc.members);
    }

    // Edges inside a component, by target (the in-component search walks them backwards), and
    // which components have any: the same for every solve, so found once.
    void internalEdges() {
        preds_.assign(states.size(), {});
        internal_.assign(sccs_.size(), false);
        for (std::size_t v = 0; v < states.size(); ++v)
            for (std::size_t ei = 0; ei < edges[v].size(); ++ei) {
                const PEdge& e = edges[v][ei];
                if (comp_[std::size_t(e.target)] != comp_[v]) continue;
                internal_[std::size_t(comp_[v])] = true;
                if (e.target != int(v)) preds_[std::size_t(e.target)].push_back({int(v), int(ei)});
            }
    }

    const Scenario& s_;
    const Framework& f_;
    const StateGraph& graph_;
    const ScenarioEvidence& ev_;
    std::size_t nc_;
    std::map<std::vector<std::int64_t>, int> profileIndex_;
    std::vector<int> comp_;
    std::vector<std::vector<int>> sccs_;
    std::vector<std::vector<std::pair<int, int>>> preds_;  // internal edges: (from, edge index)
    std::vector<bool> internal_;                           // per component
};

}  // namespace rapport::analysis_detail
