#include "state_space.hpp"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>

namespace rapport {

namespace {

void collectTested(const Expression& e, std::vector<bool>& tested) {
    for (int n : e.nodesTested())
        if (n >= 0 && n < int(tested.size())) tested[std::size_t(n)] = true;
}

// A compact byte key for hashing: node, variables, then the bit sets. Written into a reused
// buffer: most lookups find a state already known, and those should not allocate.
void keyOf(const StateGraph::State& s, std::string& k) {
    k.clear();
    k.append(reinterpret_cast<const char*>(&s.node), sizeof s.node);
    k.append(reinterpret_cast<const char*>(s.variables.data()), s.variables.size() * sizeof(std::int64_t));
    unsigned char byte = 0;
    int bit = 0;
    auto push = [&](bool b) {
        byte = static_cast<unsigned char>(byte | (b ? 1u << bit : 0u));
        if (++bit == 8) {
            k.push_back(static_cast<char>(byte));
            byte = 0;
            bit = 0;
        }
    };
    for (bool b : s.onceTaken) push(b);
    for (bool b : s.visited) push(b);
    if (bit) k.push_back(static_cast<char>(byte));
}

class Explorer {
public:
    explicit Explorer(const Scenario& s) : s_(s) {
        std::vector<bool> tested(s.nodes.size(), false);
        onceIndex_.resize(s.nodes.size());
        for (std::size_t n = 0; n < s.nodes.size(); ++n) {
            const Node& node = s.nodes[n];
            for (const auto& v : node.variants) collectTested(v.condition, tested);
            onceIndex_[n].assign(node.choices.size(), -1);
            for (std::size_t c = 0; c < node.choices.size(); ++c) {
                const Choice& ch = node.choices[c];
                if (ch.condition) collectTested(*ch.condition, tested);
                for (const auto& a : ch.set) collectTested(a.value, tested);
                if (ch.once) {
                    onceIndex_[n][c] = int(graph_.onceChoices.size());
                    graph_.onceChoices.emplace_back(int(n), int(c));
                }
            }
        }
        testedIndex_.assign(s.nodes.size(), -1);
        for (std::size_t n = 0; n < tested.size(); ++n)
            if (tested[n]) {
                testedIndex_[n] = int(graph_.testedNodes.size());
                graph_.testedNodes.push_back(int(n));
            }
        scratchVisited_.assign(s.nodes.size(), false);
    }

    std::vector<int> shown(const StateGraph::State& st) {
        loadVisited(st);
        const Node& node = s_.nodes[std::size_t(st.node)];
        std::vector<int> out;
        if (node.isEnding()) return out;
        const EvalEnv env{std::span<const std::int64_t>(st.variables), &scratchVisited_};
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const Choice& ch = node.choices[c];
            const int oi = onceIndex_[std::size_t(st.node)][c];
            if (oi >= 0 && st.onceTaken[std::size_t(oi)]) continue;
            if (ch.condition) {
                EvalResult r = ch.condition->evaluate(env);
                if (!r.ok || r.value == 0) continue;
            }
            out.push_back(int(c));
        }
        return out;
    }

    StateGraph run(std::size_t maxStates) {
        StateGraph::State start;
        start.node = s_.start;
        for (const auto& v : s_.variables) start.variables.push_back(v.initial);
        start.onceTaken.assign(graph_.onceChoices.size(), false);
        start.visited.assign(graph_.testedNodes.size(), false);
        markVisited(start, s_.start);
        intern(start);
        for (std::size_t i = 0; i < graph_.states.size(); ++i) {
            if (graph_.states.size() > maxStates) {
                graph_.complete = false;
                break;
            }
            expand(int(i));
        }
        // Edges of unexpanded states stay empty; callers check `complete`.
        graph_.edges.resize(graph_.states.size());
        return std::move(graph_);
    }

private:
    void loadVisited(const StateGraph::State& st) {
        for (std::size_t i = 0; i < graph_.testedNodes.size(); ++i)
            scratchVisited_[std::size_t(graph_.testedNodes[i])] = st.visited[i];
    }

    void markVisited(StateGraph::State& st, int node) {
        const int ti = testedIndex_[std::size_t(node)];
        if (ti >= 0) st.visited[std::size_t(ti)] = true;
    }

    int intern(const StateGraph::State& st) {
        keyOf(st, key_);
        if (auto it = index_.find(key_); it != index_.end()) return it->second;
        const int id = int(graph_.states.size());
        index_.emplace(key_, id);
        graph_.states.push_back(st);
        graph_.edges.emplace_back();
        return id;
    }

    // Works on member scratch states whose buffers are reused from one expansion to the next:
    // states are pushed while expanding (invalidating references), and copying them into fresh
    // vectors cost more than the search itself.
    void expand(int si) {
        current_ = graph_.states[std::size_t(si)];
        const StateGraph::State& st = current_;
        const Node& node = s_.nodes[std::size_t(st.node)];
        if (node.isEnding()) return;
        const std::vector<int> choices = shown(st);
        loadVisited(st);
        const EvalEnv env{std::span<const std::int64_t>(st.variables), &scratchVisited_};
        std::vector<StateGraph::Edge> out;
        out.reserve(choices.size() + (node.isTimed() ? 1 : 0));
        for (int c : choices) {
            const Choice& ch = node.choices[std::size_t(c)];
            next_ = st;
            bool ok = true;
            // Simultaneous assignment, as in Session::choose.
            values_.resize(ch.set.size());
            for (std::size_t a = 0; a < ch.set.size() && ok; ++a) {
                EvalResult r = ch.set[a].value.evaluate(env);
                ok = r.ok;
                values_[a] = r.value;
            }
            if (!ok) {
                graph_.failingChoices.emplace_back(si, c);
                continue;
            }
            for (std::size_t a = 0; a < ch.set.size(); ++a) next_.variables[std::size_t(ch.set[a].variable)] = values_[a];
            for (const Meter& m : s_.meters) {
                auto& v = next_.variables[std::size_t(m.variable)];
                v = std::clamp(v, m.min, m.max);
            }
            const int oi = onceIndex_[std::size_t(st.node)][std::size_t(c)];
            if (oi >= 0) next_.onceTaken[std::size_t(oi)] = true;
            next_.node = ch.next;
            markVisited(next_, ch.next);
            out.push_back({c, intern(next_)});
        }
        if (node.isTimed()) {
            next_ = st;
            next_.node = node.onTimeout;
            markVisited(next_, node.onTimeout);
            out.push_back({-1, intern(next_)});
        }
        graph_.edges[std::size_t(si)] = std::move(out);
    }

    const Scenario& s_;
    StateGraph graph_;
    std::vector<std::vector<int>> onceIndex_;
    std::vector<int> testedIndex_;
    std::vector<bool> scratchVisited_;
    std::unordered_map<std::string, int> index_;
    std::string key_;
    StateGraph::State current_, next_;
    std::vector<std::int64_t> values_;
};

}  // namespace

StateGraph exploreStates(const Scenario& scenario, std::size_t maxStates) {
    if (scenario.nodes.empty()) {
        StateGraph g;
        g.complete = false;
        return g;
    }
    return Explorer(scenario).run(maxStates);
}

std::vector<int> shownChoices(const Scenario& scenario, const StateGraph& graph, const StateGraph::State& state) {
    // Rebuilding the explorer's indices is cheap next to the analyses that call this.
    (void)graph;
    return Explorer(scenario).shown(state);
}

}  // namespace rapport
