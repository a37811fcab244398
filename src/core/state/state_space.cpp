#include "core/state/state_space.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/state/state_index.hpp"

namespace rapport {

namespace {

void collectTested(const Expression& e, std::vector<bool>& tested) {
    for (int n : e.nodesTested())
        if (n >= 0 && n < int(tested.size())) tested[std::size_t(n)] = true;
}

void setBit(std::int64_t* row, std::size_t i) {
    row[i / 64] = static_cast<std::int64_t>(static_cast<std::uint64_t>(row[i / 64]) |
                                            (std::uint64_t(1) << (i % 64)));
}

bool testBit(const std::int64_t* row, std::size_t i) {
    return (static_cast<std::uint64_t>(row[i / 64]) >> (i % 64)) & 1u;
}

}  // namespace

// Builds a StateGraph in place. The state being expanded is copied out of the graph (rows are
// appended while expanding, moving the storage) and its successors are built in member rows
// reused from one step to the next, so nothing in the loop allocates but the graph's growth.
class StateExplorer {
public:
    explicit StateExplorer(const Scenario& s) : s_(s) {
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
        computeDeadVariables();
        scratchVisited_.assign(s.nodes.size(), false);
        const std::size_t bits = graph_.onceChoices.size() + graph_.testedNodes.size();
        graph_.variableCount_ = s.variables.size();
        graph_.stride_ = graph_.variableCount_ + (bits + 63) / 64;
        current_.assign(graph_.stride_, 0);
        // Room for the most successors a state can have (every choice and the timeout), so that
        // expanding never resizes.
        std::size_t most = 1;
        for (const Node& node : s.nodes) most = std::max(most, node.choices.size() + 1);
        successorRows_.assign(most * graph_.stride_, 0);
        successors_.reserve(most);
    }

    StateGraph run(std::size_t maxStates) {
        // The start is the one successor of a state holding the initial values.
        std::fill(current_.begin(), current_.end(), 0);
        for (std::size_t v = 0; v < s_.variables.size(); ++v) current_[v] = s_.variables[v].initial;
        std::int64_t* start = addSuccessor(-1, s_.start);
        forgetDead(start, s_.start);
        intern(s_.start, start, hashWords(std::uint64_t(s_.start), {start, graph_.stride_}));
        successors_.clear();
        std::size_t i = 0;
        for (; i < graph_.size(); ++i) {
            if (graph_.size() > maxStates) {
                graph_.complete = false;
                break;
            }
            expand(int(i));
            graph_.edgeStart_.push_back(graph_.edges_.size());  // states are expanded in order
        }
        graph_.expanded_ = i;
        graph_.deadVariables = dead_;
        // Edges of unexpanded states stay empty; callers check `complete`.
        graph_.edgeStart_.resize(graph_.size() + 1, graph_.edges_.size());
        return std::move(graph_);
    }

private:
    // Variables no later condition, `set`, variant or deal rule can read before they are written
    // again, per node (backward liveness over the node graph, to a fixed point). Their values
    // cannot change any outcome from that node on, so they are zeroed in the state key and states
    // that differ only in them merge: the search stays exact with fewer states. Deal variables
    // stay live everywhere, because the framework's deal rules read them on every step.
    void computeDeadVariables() {
        const std::size_t nv = s_.variables.size(), nn = s_.nodes.size();
        std::vector<std::vector<char>> live(nn, std::vector<char>(nv, 0));
        std::vector<std::vector<char>> reads(nn, std::vector<char>(nv, 0));
        for (std::size_t n = 0; n < nn; ++n) {
            const Node& node = s_.nodes[n];
            auto read = [&](const Expression& e) {
                for (int v : e.variablesRead())
                    if (v >= 0 && std::size_t(v) < nv) reads[n][std::size_t(v)] = 1;
            };
            for (const auto& var : node.variants) read(var.condition);
            for (const Choice& ch : node.choices) {
                if (ch.condition) read(*ch.condition);
                for (const auto& a : ch.set) read(a.value);
            }
            for (std::size_t v = 0; v < nv; ++v) {
                const DealRole r = s_.variables[v].deal;
                if (r == DealRole::Concession || r == DealRole::Price || r == DealRole::Counterpart)
                    reads[n][v] = 1;
            }
            live[n] = reads[n];
        }
        std::vector<char> written(nv, 0);
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t n = nn; n-- > 0;) {
                const Node& node = s_.nodes[n];
                if (node.isEnding()) continue;
                auto from = [&](int next, const std::vector<Assignment>* set) {
                    if (next < 0 || std::size_t(next) >= nn) return;
                    std::fill(written.begin(), written.end(), 0);
                    if (set)
                        for (const auto& a : *set) written[std::size_t(a.variable)] = 1;
                    for (std::size_t v = 0; v < nv; ++v)
                        if (!live[n][v] && live[std::size_t(next)][v] && !written[v]) {
                            live[n][v] = 1;
                            changed = true;
                        }
                };
                for (const Choice& ch : node.choices) from(ch.next, &ch.set);
                if (node.isTimed()) from(node.onTimeout, nullptr);
            }
        }
        dead_.assign(nn, {});
        for (std::size_t n = 0; n < nn; ++n)
            for (std::size_t v = 0; v < nv; ++v)
                if (!live[n][v]) dead_[n].push_back(int(v));
    }

    void forgetDead(std::int64_t* row, int node) const {
        for (int v : dead_[std::size_t(node)]) row[std::size_t(v)] = 0;
    }

    std::size_t onceBit(int node, int choice) const {
        return std::size_t(onceIndex_[std::size_t(node)][std::size_t(choice)]);
    }

    void loadVisited() {
        const std::int64_t* bits = current_.data() + graph_.variableCount_;
        const std::size_t first = graph_.onceChoices.size();
        for (std::size_t i = 0; i < graph_.testedNodes.size(); ++i)
            scratchVisited_[std::size_t(graph_.testedNodes[i])] = testBit(bits, first + i);
    }

    // Choices of the current state's node that Session would show (Session::choices' rule).
    void shown(const Node& node, const EvalEnv& env) {
        shown_.clear();
        const std::int64_t* bits = current_.data() + graph_.variableCount_;
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const Choice& ch = node.choices[c];
            const int oi = onceIndex_[std::size_t(currentNode_)][c];
            if (oi >= 0 && testBit(bits, std::size_t(oi))) continue;
            if (ch.condition) {
                EvalResult r = ch.condition->evaluate(env);
                if (!r.ok || r.value == 0) continue;
            }
            shown_.push_back(int(c));
        }
    }

    // The id of the state (node, row), appending it when new.
    int intern(int node, const std::int64_t* row, std::uint64_t hash) {
        const std::size_t stride = graph_.stride_;
        const int fresh = int(graph_.size());
        const int id = index_.findOrInsert(hash, fresh, [&](int other) {
            return graph_.nodes_[std::size_t(other)] == node &&
                   std::equal(row, row + stride,
                              graph_.words_.data() + std::size_t(other) * stride);
        });
        if (id == fresh) {
            graph_.nodes_.push_back(node);
            graph_.words_.insert(graph_.words_.end(), row, row + stride);
        }
        return id;
    }

    // Appends the state one step on from the current one: its row starts as a copy of the
    // current row, for the caller to change until the next expansion.
    std::int64_t* addSuccessor(int choice, int node) {
        const std::size_t at = successors_.size() * graph_.stride_;
        successors_.push_back({choice, node, 0});
        std::copy(current_.begin(), current_.end(), successorRows_.begin() + std::ptrdiff_t(at));
        std::int64_t* row = successorRows_.data() + at;
        const int ti = testedIndex_[std::size_t(node)];
        if (ti >= 0)
            setBit(row + graph_.variableCount_, graph_.onceChoices.size() + std::size_t(ti));
        return row;
    }

    void expand(int si) {
        currentNode_ = graph_.nodes_[std::size_t(si)];
        const Node& node = s_.nodes[std::size_t(currentNode_)];
        if (node.isEnding()) return;
        const std::int64_t* row = graph_.words_.data() + std::size_t(si) * graph_.stride_;
        std::copy(row, row + graph_.stride_, current_.begin());
        loadVisited();
        const EvalEnv env{std::span<const std::int64_t>(current_.data(), graph_.variableCount_),
                          &scratchVisited_};
        shown(node, env);
        successors_.clear();
        for (int c : shown_) {
            const Choice& ch = node.choices[std::size_t(c)];
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
            std::int64_t* next = addSuccessor(c, ch.next);
            for (std::size_t a = 0; a < ch.set.size(); ++a)
                next[std::size_t(ch.set[a].variable)] = values_[a];
            for (const Meter& m : s_.meters) {
                auto& v = next[std::size_t(m.variable)];
                v = std::clamp(v, m.min, m.max);
            }
            const int oi = onceIndex_[std::size_t(currentNode_)][std::size_t(c)];
            if (oi >= 0) setBit(next + graph_.variableCount_, std::size_t(oi));
        }
        if (node.isTimed()) addSuccessor(-1, node.onTimeout);

        // On a large graph nearly every lookup misses the cache at its index slot. Hashing all
        // successors first and prefetching their slots lets those misses overlap; the states
        // are then looked up (and numbered) in the same order as before.
        const std::size_t stride = graph_.stride_;
        for (std::size_t k = 0; k < successors_.size(); ++k) {
            Successor& n = successors_[k];
            forgetDead(successorRows_.data() + k * stride, n.node);
            n.hash = hashWords(std::uint64_t(n.node), {successorRows_.data() + k * stride, stride});
            index_.prefetch(n.hash);
        }
        for (std::size_t k = 0; k < successors_.size(); ++k) {
            const Successor& n = successors_[k];
            graph_.edges_.push_back(
                {n.choice, intern(n.node, successorRows_.data() + k * stride, n.hash)});
        }
    }

    struct Successor {
        int choice;  // -1 = the timeout
        int node;
        std::uint64_t hash;
    };

    const Scenario& s_;
    StateGraph graph_;
    std::vector<std::vector<int>> onceIndex_;
    std::vector<int> testedIndex_;
    std::vector<std::vector<int>> dead_;  // per node: variables no later step can read
    std::vector<bool> scratchVisited_;
    StateIndex index_;
    std::vector<std::int64_t> current_;  // the row being expanded
    int currentNode_ = 0;
    std::vector<Successor> successors_;        // of the state being expanded, in edge order
    std::vector<std::int64_t> successorRows_;  // their rows, graph_.stride_ words each
    std::vector<int> shown_;
    std::vector<std::int64_t> values_;
};

StateGraph exploreStates(const Scenario& scenario, std::size_t maxStates) {
    if (scenario.nodes.empty()) {
        StateGraph g;
        g.complete = false;
        return g;
    }
    return StateExplorer(scenario).run(maxStates);
}

std::vector<int> shownChoices(const StateGraph& graph, int state) {
    if (state < 0 || std::size_t(state) >= graph.expanded())
        throw std::logic_error("shownChoices: state " + std::to_string(state) +
                               " was not expanded");
    // The search recorded every shown choice: taken ones as edges, failing ones apart, each in
    // display order. Merging them gives the list without evaluating a condition again.
    std::vector<int> out;
    auto failing = std::lower_bound(graph.failingChoices.begin(), graph.failingChoices.end(),
                                    std::pair<int, int>(state, -1));
    const auto failingEnd = graph.failingChoices.end();
    for (const StateGraph::Edge& e : graph.edges(state)) {
        if (e.choice < 0) continue;
        for (; failing != failingEnd && failing->first == state && failing->second < e.choice;
             ++failing)
            out.push_back(failing->second);
        out.push_back(e.choice);
    }
    for (; failing != failingEnd && failing->first == state; ++failing)
        out.push_back(failing->second);
    return out;
}

}  // namespace rapport
