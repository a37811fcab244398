#include "core/scoring/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <queue>
#include <span>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "core/scoring/behaviour_rules.hpp"
#include "core/state/state_index.hpp"
#include "core/state/state_space.hpp"
#include "core/state/strong_components.hpp"

namespace rapport {

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();

struct Scored {
    int indicator = -1;
    int points = 0;
    const Evidence* source = nullptr;  // null for the timeout indicator
};

// Each choice's evidence resolved against the framework once: indicator indices, points as
// scored, and the weighted total the scenario score adds up.
struct EvidenceTable {
    std::vector<std::vector<std::vector<Scored>>> items;  // [node][choice]
    std::vector<std::vector<std::vector<int>>> indicators;
    std::vector<std::vector<std::int64_t>> gain;
    std::vector<Scored> timeoutItems;
    std::vector<int> timeoutIndicators;
    std::int64_t timeoutGain = 0;
};

std::int64_t weighted(const Framework& f, int indicator, int points) {
    const Indicator& ind = f.indicators[std::size_t(indicator)];
    return std::int64_t(points) * f.competencies[std::size_t(ind.competency)].weight;
}

EvidenceTable buildTable(const Scenario& s, const Framework& f) {
    EvidenceTable t;
    t.items.resize(s.nodes.size());
    t.indicators.resize(s.nodes.size());
    t.gain.resize(s.nodes.size());
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        t.items[n].resize(node.choices.size());
        t.indicators[n].resize(node.choices.size());
        t.gain[n].assign(node.choices.size(), 0);
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            for (const Evidence& e : node.choices[c].evidence) {
                auto i = f.findIndicator(e.indicator);
                if (!i)
                    throw ScoringError("scenario \"" + s.id + "\" cites indicator \"" +
                                       e.indicator + "\" at " + node.choices[c].pointer +
                                       ", which framework \"" + f.id +
                                       "\" does not have (run rapport validate)");
                const int pts = e.points.value_or(f.indicators[std::size_t(*i)].points);
                t.items[n][c].push_back({*i, pts, &e});
                t.indicators[n][c].push_back(*i);
                t.gain[n][c] += weighted(f, *i, pts);
            }
        }
    }
    if (f.timeoutIndicator >= 0) {
        const int pts = f.indicators[std::size_t(f.timeoutIndicator)].points;
        t.timeoutItems.push_back({f.timeoutIndicator, pts, nullptr});
        t.timeoutIndicators.push_back(f.timeoutIndicator);
        t.timeoutGain = weighted(f, f.timeoutIndicator, pts);
    }
    return t;
}

std::int64_t violationGain(const Framework& f, const std::vector<RuleEvent>& events) {
    std::int64_t g = 0;
    for (const auto& e : events)
        if (e.kind == RuleEvent::Kind::Violated) {
            const int ind = f.rules[std::size_t(e.rule)].violation;
            g += weighted(f, ind, f.indicators[std::size_t(ind)].points);
        }
    return g;
}

double round1(double x) { return std::round(x * 10.0) / 10.0; }

std::string fmtScore(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", x);
    return buf;
}

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
          table_(buildTable(s, f)),
          rules_(f, s) {}

    OptimumOutcome run() {
        OptimumOutcome out;
        if (!graph_.complete) {
            out.problem = OptimumOutcome::Problem::TooLarge;
            out.states = graph_.size();
            return out;
        }
        if (!explore()) {
            out.problem = OptimumOutcome::Problem::TooLarge;
            out.states = states_.size();
            return out;
        }
        out.states = states_.size();
        components();
        if (!solve(out)) return out;
        if (value_[0] == kNone) {
            out.problem = OptimumOutcome::Problem::NoEnding;
            return out;
        }
        ScenarioOptimum o;
        o.best = value_[0];
        o.bestPath = path();
        o.states = states_.size();
        out.optimum = std::move(o);
        return out;
    }

private:
    struct PState {
        int g;             // state graph index
        std::uint64_t rk;  // rule state (scoring key)
    };
    struct PEdge {  // 16 bytes: the two ints share the gain's alignment
        std::int64_t gain;
        int target;
        int graphEdge;  // index into graph_.edges(g)
    };
    // The out-edges of every state, as strongComponents wants them: edges(v)[k].target.
    struct EdgeRows {
        const OptimumSearch* search;
        std::size_t size() const { return search->states_.size(); }
        std::span<const PEdge> operator[](std::size_t v) const { return search->edges(int(v)); }
    };

    std::span<const PEdge> edges(int v) const {
        return std::span<const PEdge>(edges_).subspan(
            edgeStart_[std::size_t(v)],
            edgeStart_[std::size_t(v) + 1] - edgeStart_[std::size_t(v)]);
    }

    int intern(int g, std::uint64_t rk) {
        const std::int64_t key[2] = {g, static_cast<std::int64_t>(rk)};
        const int fresh = int(states_.size());
        const int id = index_.findOrInsert(hashWords(0, key), fresh, [&](int other) {
            const PState& o = states_[std::size_t(other)];
            return o.g == g && o.rk == rk;
        });
        if (id == fresh) {
            states_.push_back({g, rk});
            terminal_.push_back(kNone);
        }
        return id;
    }

    // States are expanded in the order they were found, so each state's edges are appended
    // right after the previous state's: edgeStart_ grows by one entry per expanded state.
    bool explore() {
        intern(0, rules_.scoringKey(RuleEngine::initial()));
        std::vector<RuleEvent> events;
        for (std::size_t i = 0; i < states_.size(); ++i) {
            if (states_.size() > maxStates_) return false;
            const PState ps = states_[i];
            const int node = graph_.node(ps.g);
            if (s_.nodes[std::size_t(node)].isEnding()) {
                std::uint64_t rk = ps.rk;
                events.clear();
                rules_.finish(rk, events);
                terminal_[i] = violationGain(f_, events);
                edgeStart_.push_back(edges_.size());
                continue;
            }
            const auto gEdges = graph_.edges(ps.g);
            for (std::size_t e = 0; e < gEdges.size(); ++e) {
                const int c = gEdges[e].choice;
                const std::vector<int>& inds =
                    c >= 0 ? table_.indicators[std::size_t(node)][std::size_t(c)]
                           : table_.timeoutIndicators;
                std::uint64_t rk = ps.rk;
                events.clear();
                rules_.step(rk, node, inds, events);
                const std::int64_t gain =
                    (c >= 0 ? table_.gain[std::size_t(node)][std::size_t(c)] : table_.timeoutGain) +
                    violationGain(f_, events);
                const int target = intern(gEdges[e].target, rules_.scoringKey(rk));
                edges_.push_back({gain, target, int(e)});
            }
            edgeStart_.push_back(edges_.size());
        }
        return states_.size() <= maxStates_;
    }

    // Components come out sinks first, the order the best totals need.
    void components() {
        StrongComponents sc = strongComponents(EdgeRows{this});
        comp_ = std::move(sc.component);
        sccs_ = std::move(sc.members);
    }

    bool solve(OptimumOutcome& out) {
        const std::size_t n = states_.size();
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
                    if (e.gain > 0) {
                        out.problem = OptimumOutcome::Problem::PointsLoop;
                        const PState& ps = states_[std::size_t(v)];
                        out.loopNode = graph_.node(ps.g);
                        out.loopChoice = graph_.edges(ps.g)[std::size_t(e.graphEdge)].choice;
                        return false;
                    }
                }
            }
            // Best exit from each member, through edges that leave the component (already solved).
            for (int v : members) {
                if (terminal_[std::size_t(v)] != kNone) {
                    value_[std::size_t(v)] = terminal_[std::size_t(v)];
                    continue;
                }
                const auto es = edges(v);
                for (std::size_t ei = 0; ei < es.size(); ++ei) {
                    const PEdge& e = es[ei];
                    if (comp_[std::size_t(e.target)] == int(cid) ||
                        value_[std::size_t(e.target)] == kNone)
                        continue;
                    const std::int64_t cand = e.gain + value_[std::size_t(e.target)];
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
                    const std::int64_t cand = edges(p)[std::size_t(ei)].gain + val;
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
        for (std::size_t guard = 0; guard <= states_.size(); ++guard) {
            if (terminal_[std::size_t(v)] != kNone) return out;
            const int ei = bestEdge_[std::size_t(v)];
            if (ei < 0) break;
            const PEdge& e = edges(v)[std::size_t(ei)];
            const int gs = states_[std::size_t(v)].g;
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
    RuleEngine rules_;
    std::vector<PState> states_;
    StateIndex index_;
    std::vector<PEdge> edges_;
    std::vector<std::size_t> edgeStart_{0};  // edges of v: [edgeStart_[v], edgeStart_[v + 1])
    std::vector<std::int64_t> terminal_;  // ending states: points of the rules settled at the end
    std::vector<int> comp_;
    std::vector<std::vector<int>> sccs_;
    std::vector<std::int64_t> value_;
    std::vector<int> bestEdge_;
};

std::string lowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = char(s[0] - 'A' + 'a');
    return s;
}

std::string quoteLine(const EvidenceItem& e) {
    if (e.source == "timeout" || e.line.empty())
        return "At step " + std::to_string(e.step) + " you let the time run out";
    return "At step " + std::to_string(e.step) + " you said \u201c" + e.line + "\u201d";
}

// Plain-words remarks for the trainee: what went well, what to work on.
void writeRemarks(const Framework& f, ScoreReport& r) {
    const int top = int(f.levels.size()) - 1;
    const int goodLevel = std::max(1, int(f.levels.size()) / 2);  // "proficient" on a 4-level scale
    std::vector<const CompetencyScore*> good, weak;
    for (const auto& c : r.competencies) {
        if (!c.assessed || c.critical) continue;
        if (c.level >= goodLevel)
            good.push_back(&c);
        else
            weak.push_back(&c);
    }
    std::stable_sort(good.begin(), good.end(),
                     [](const CompetencyScore* a, const CompetencyScore* b) {
                         if (*a->score != *b->score) return *a->score > *b->score;
                         return a->weight > b->weight;
                     });
    for (std::size_t i = 0; i < good.size() && i < 3; ++i) {
        const CompetencyScore& c = *good[i];
        std::string text = c.name + " \u2014 " + c.levelName + " (" + fmtScore(*c.score) + "). ";
        const EvidenceItem* bestItem = nullptr;
        for (const auto& e : c.evidence)
            if (e.points > 0 && (!bestItem || e.points > bestItem->points)) bestItem = &e;
        if (bestItem) {
            const auto ind = f.findIndicator(bestItem->indicator);
            text += quoteLine(*bestItem) + ": " +
                    lowerFirst(f.indicators[std::size_t(*ind)].description);
        } else {
            text += "You avoided every trap this conversation set for it.";
        }
        r.strengths.push_back({c.id, std::move(text)});
    }

    for (const auto& crit : r.critical) {
        const auto ind = f.findIndicator(crit.indicator);
        const Indicator& i = f.indicators[std::size_t(*ind)];
        const Competency& comp = f.competencies[std::size_t(i.competency)];
        r.developmentAreas.push_back(
            {comp.id, comp.name + " \u2014 critical. " + quoteLine(crit) + ": " +
                          lowerFirst(i.description) +
                          " A critical error fails the attempt however well the rest went."});
    }
    std::stable_sort(weak.begin(), weak.end(),
                     [](const CompetencyScore* a, const CompetencyScore* b) {
                         if (*a->score != *b->score) return *a->score < *b->score;
                         return a->weight > b->weight;
                     });
    for (const CompetencyScore* cp : weak) {
        const CompetencyScore& c = *cp;
        std::string text = c.name + " \u2014 " + c.levelName + " (" + fmtScore(*c.score) + "). ";
        const EvidenceItem* worst = nullptr;
        for (const auto& e : c.evidence)
            if (e.points < 0 && (!worst || e.points < worst->points)) worst = &e;
        if (worst) {
            std::string what;
            if (worst->source == "rule") {
                for (const auto& rule : f.rules)
                    if (rule.id == worst->rule) what = rule.description;
            }
            if (what.empty())
                what = f.indicators[std::size_t(*f.findIndicator(worst->indicator))].description;
            text += quoteLine(*worst) + ": " + lowerFirst(what);
            if (text.back() != '.') text += '.';
        } else {
            text += "Your replies earned " + std::to_string(c.earned) + " of the " +
                    std::to_string(c.available) + " points the best replies offered.";
        }
        if (c.level < top && !c.nextAnchor.empty())
            text += " Next level, " + c.nextLevelName + ": " + c.nextAnchor;
        r.developmentAreas.push_back({c.id, std::move(text)});
    }
    for (const auto& c : r.competencies)
        if (c.primary && !c.assessed)
            r.developmentAreas.push_back(
                {c.id,
                 c.name + " \u2014 not tested on the path you took, though this scenario is meant "
                          "to assess it. "
                          "Try the conversation again and look for the moments that call for it."});
}

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

void checkScoringStateSpace(const Scenario& scenario, const Framework& framework,
                            DiagnosticList& diags, std::size_t maxStates) {
    const StateGraph graph = exploreStates(scenario, maxStates);
    checkScoringStateSpace(scenario, framework, graph, diags, maxStates);
}

void checkScoringStateSpace(const Scenario& scenario, const Framework& framework,
                            const StateGraph& graph, DiagnosticList& diags, std::size_t maxStates) {
    OptimumOutcome o;
    try {
        o = computeOptimum(scenario, framework, graph, maxStates);
    } catch (const ScoringError&) {
        return;  // unknown indicators: the evidence check reports them, located
    }
    Diagnostic d;
    d.file = scenario.sourcePath;
    switch (o.problem) {
        case OptimumOutcome::Problem::None:
        case OptimumOutcome::Problem::NoEnding:  // the validator's graph checks report this
                                                 // (RAP0041)
            return;
        case OptimumOutcome::Problem::TooLarge:
            d.code = codes::StateSpaceTooLarge;
            d.pointer = "/nodes";
            d.message = "the scenario has more than " + std::to_string(maxStates) +
                        " distinct states (node, variables, once-choices, visited() facts and "
                        "behaviour-rule "
                        "states; " +
                        std::to_string(o.states) +
                        " explored before stopping), too many to find the best path exactly; "
                        "limit the values variables can take or split the scenario";
            break;
        case OptimumOutcome::Problem::PointsLoop: {
            const Node& n = scenario.nodes[std::size_t(o.loopNode)];
            if (o.loopChoice >= 0) {
                d.pointer = n.choices[std::size_t(o.loopChoice)].pointer + "/evidence";
                d.message = "choice \"" + n.choices[std::size_t(o.loopChoice)].id +
                            "\" of node \"" + n.id +
                            "\" earns points inside a loop, so a trainee could collect them again "
                            "and again; "
                            "make it \"once\" or move its evidence out of the loop";
            } else {
                d.pointer = n.pointer + "/onTimeout";
                d.message = "the timeout of node \"" + n.id + "\" earns points inside a loop";
            }
            d.code = codes::PointsLoop;
            break;
        }
    }
    d.position = scenario.sourceMap.valuePosition(d.pointer);
    diags.add(std::move(d));
}

ScoreReport scoreTranscript(const Scenario& scenario, const Framework& framework,
                            const Transcript& transcript, const ScenarioOptimum* optimum) {
    const Framework& f = framework;
    const EvidenceTable table = buildTable(scenario, f);
    std::optional<ScenarioOptimum> own;
    if (!optimum) {
        OptimumOutcome o = computeOptimum(scenario, f);
        switch (o.problem) {
            case OptimumOutcome::Problem::None:
                break;
            case OptimumOutcome::Problem::TooLarge:
                throw ScoringError("scenario \"" + scenario.id +
                                   "\" has too many states to score exactly (over " +
                                   std::to_string(kMaxScoringStates) + "; run rapport validate)");
            case OptimumOutcome::Problem::PointsLoop:
                throw ScoringError(
                    "scenario \"" + scenario.id +
                    "\" has a loop that earns points again and again (run rapport validate)");
            case OptimumOutcome::Problem::NoEnding:
                throw ScoringError("scenario \"" + scenario.id +
                                   "\" has no path from start to an ending");
        }
        own = std::move(o.optimum);
        optimum = &*own;
    }

    ScoreReport r;
    r.scenarioId = scenario.id;
    r.scenarioVersion = scenario.version;
    r.contentHash = scenario.contentHash;
    r.frameworkId = f.id;
    r.frameworkVersion = f.version;
    r.frameworkHash = f.contentHash;
    r.passScore = scenario.passScore;
    r.best = optimum->best;
    r.bestPath = optimum->bestPath;
    r.states = optimum->states;

    const std::size_t nc = f.competencies.size();
    std::vector<std::int64_t> earned(nc, 0), available(nc, 0);
    std::vector<int> opportunities(nc, 0);
    std::vector<bool> critical(nc, false);
    std::vector<std::vector<EvidenceItem>> evidence(nc);
    std::int64_t total = 0;

    const RuleEngine rules(f, scenario);
    std::uint64_t rk = RuleEngine::initial();
    std::vector<RuleEvent> events;
    std::vector<std::deque<std::size_t>> open(
        f.rules.size());  // indices into r.rules, oldest first

    auto record = [&](int indicator, int points, int step, const std::string& line,
                      const char* source, const std::string& rule, const std::string& note) {
        const Indicator& ind = f.indicators[std::size_t(indicator)];
        const auto c = std::size_t(ind.competency);
        EvidenceItem item{step, line, ind.id, points, source, rule, note};
        earned[c] += points;
        total += weighted(f, indicator, points);
        if (ind.critical) {
            critical[c] = true;
            r.critical.push_back(item);
        }
        evidence[c].push_back(std::move(item));
    };
    auto applyRuleEvents = [&](int step, const std::string& line) {
        for (const RuleEvent& e : events) {
            const BehaviourRule& rule = f.rules[std::size_t(e.rule)];
            const std::string& indId = f.indicators[std::size_t(rule.violation)].id;
            switch (e.kind) {
                case RuleEvent::Kind::Triggered:
                    ++opportunities[std::size_t(
                        f.indicators[std::size_t(rule.violation)].competency)];
                    r.rules.push_back({rule.id, step, false, indId, rule.description});
                    open[std::size_t(e.rule)].push_back(r.rules.size() - 1);
                    break;
                case RuleEvent::Kind::Satisfied:
                    if (!open[std::size_t(e.rule)].empty()) open[std::size_t(e.rule)].pop_front();
                    break;
                case RuleEvent::Kind::Violated:
                    if (!open[std::size_t(e.rule)].empty()) {
                        r.rules[open[std::size_t(e.rule)].front()].violated = true;
                        open[std::size_t(e.rule)].pop_front();
                    }
                    record(rule.violation, f.indicators[std::size_t(rule.violation)].points, step,
                           line, "rule", rule.id, "");
                    break;
            }
        }
    };

    ManualClock clock;
    Session session(scenario, clock, transcript.seed);
    std::string lastLine;
    std::vector<std::int64_t> sums(nc);
    std::vector<bool> touched(nc);
    std::vector<std::int64_t> bestOption(nc);
    std::vector<bool> opportunity(nc);
    for (const TranscriptStep& st : transcript.steps) {
        const std::string where = "transcript step " + std::to_string(st.step) + ": ";
        if (session.finished())
            throw ScoringError(where + "the conversation had already ended at node \"" +
                               session.node().id + "\"");
        const Node& node = session.node();
        const int ni = session.currentNode();
        if (st.node != node.id)
            throw ScoringError(
                where + "made at node \"" + st.node + "\", but the scenario is at node \"" +
                node.id + "\" there: the transcript does not fit this version of the scenario");
        const std::vector<int> shown = session.choices();
        std::vector<std::string> shownIds;
        for (int c : shown) shownIds.push_back(node.choices[std::size_t(c)].id);
        if (shownIds != st.choicesShown)
            throw ScoringError(where + "the choices shown at node \"" + node.id +
                               "\" differ from the scenario's: the transcript does not fit this "
                               "version of the scenario");

        // What this decision offered each competency: the best a shown reply (or the timer) gave.
        std::fill(bestOption.begin(), bestOption.end(), 0);
        std::fill(opportunity.begin(), opportunity.end(), false);
        auto consider = [&](const std::vector<Scored>& items) {
            std::fill(sums.begin(), sums.end(), 0);
            std::fill(touched.begin(), touched.end(), false);
            for (const Scored& s : items) {
                const auto c = std::size_t(f.indicators[std::size_t(s.indicator)].competency);
                sums[c] += s.points;
                touched[c] = true;
            }
            for (std::size_t c = 0; c < nc; ++c) {
                if (touched[c]) opportunity[c] = true;
                bestOption[c] = std::max(bestOption[c], sums[c]);
            }
        };
        for (int c : shown) consider(table.items[std::size_t(ni)][std::size_t(c)]);
        if (node.isTimed()) consider(table.timeoutItems);
        for (std::size_t c = 0; c < nc; ++c)
            if (opportunity[c]) {
                ++opportunities[c];
                available[c] += bestOption[c];
            }

        const std::vector<Scored>* taken = nullptr;
        std::string line;
        const char* source = "choice";
        if (st.timedOut) {
            if (!node.isTimed())
                throw ScoringError(where + "records a timeout at node \"" + node.id +
                                   "\", which has no time limit");
            session.timeout();
            taken = &table.timeoutItems;
            source = "timeout";
        } else {
            const auto it = std::find(shownIds.begin(), shownIds.end(), st.choice);
            if (it == shownIds.end())
                throw ScoringError(where + "choice \"" + st.choice + "\" is not shown at node \"" +
                                   node.id + "\"");
            const int pos = int(it - shownIds.begin());
            const Choice& choice = node.choices[std::size_t(shown[std::size_t(pos)])];
            if (!session.choose(pos))
                throw ScoringError(where + "choice \"" + st.choice +
                                   "\" cannot be taken: " + session.lastError());
            taken = &table.items[std::size_t(ni)][std::size_t(shown[std::size_t(pos)])];
            line = choice.text;
        }
        if (st.next != session.node().id)
            throw ScoringError(where + "leads to node \"" + st.next +
                               "\" in the transcript but to \"" + session.node().id +
                               "\" in the scenario");
        std::vector<int> inds;
        for (const Scored& s : *taken) {
            record(s.indicator, s.points, st.step, line, source, "",
                   s.source ? s.source->note : std::string());
            inds.push_back(s.indicator);
        }
        events.clear();
        rules.step(rk, ni, inds, events);
        applyRuleEvents(st.step, line);
        lastLine = line;
    }
    if (session.finished()) {
        if (!transcript.endingNode.empty() && transcript.endingNode != session.node().id)
            throw ScoringError("transcript ends at node \"" + transcript.endingNode +
                               "\" but its steps lead to \"" + session.node().id + "\"");
        r.finished = true;
        r.endingNode = session.node().id;
        r.outcome = outcomeName(session.ending()->outcome);
        events.clear();
        rules.finish(rk, events);
        applyRuleEvents(int(transcript.steps.size()), lastLine);
    } else if (!transcript.endingNode.empty()) {
        throw ScoringError("transcript claims to end at node \"" + transcript.endingNode +
                           "\" but its steps stop at node \"" + session.node().id + "\"");
    }

    // Scenario score against the best complete path.
    r.earned = total;
    if (r.best > 0)
        r.score = round1(std::clamp(100.0 * double(total) / double(r.best), 0.0, 100.0));
    else
        r.score = total >= r.best ? 100.0 : 0.0;  // nothing to earn: only avoiding losses counts

    // Competency scores over the opportunities met.
    const auto& primary = scenario.assesses;
    for (std::size_t c = 0; c < nc; ++c) {
        const Competency& comp = f.competencies[c];
        CompetencyScore cs;
        cs.id = comp.id;
        cs.name = comp.name;
        cs.weight = comp.weight;
        cs.primary = std::find(primary.begin(), primary.end(), comp.id) != primary.end();
        cs.earned = earned[c];
        cs.available = available[c];
        cs.opportunities = opportunities[c];
        cs.critical = critical[c];
        cs.evidence = std::move(evidence[c]);
        cs.assessed = opportunities[c] > 0;
        if (cs.assessed) {
            double score;
            if (available[c] > 0)
                score = round1(
                    std::clamp(100.0 * double(earned[c]) / double(available[c]), 0.0, 100.0));
            else
                score = earned[c] < 0 ? 0.0 : 100.0;  // only losses were possible here
            cs.score = score;
            cs.confidence = opportunities[c] < 3 ? "low" : "sufficient";
            cs.level = critical[c] ? 0 : f.levelFor(score);
            const Level& l = f.levels[std::size_t(cs.level)];
            cs.levelId = l.id;
            cs.levelName = l.name;
            cs.anchor = comp.anchors[std::size_t(cs.level)];
            if (cs.level + 1 < int(f.levels.size())) {
                cs.nextAnchor = comp.anchors[std::size_t(cs.level + 1)];
                cs.nextLevelName = f.levels[std::size_t(cs.level + 1)].name;
            }
        }
        r.competencies.push_back(std::move(cs));
    }

    // Pass: a compensating total with floors that no total can buy back.
    if (!r.finished) r.reasons.push_back("the conversation did not reach an ending");
    if (r.score < double(r.passScore))
        r.reasons.push_back("scenario score " + fmtScore(r.score) + " is below the pass mark of " +
                            std::to_string(r.passScore));
    for (const auto& e : r.critical)
        r.reasons.push_back(
            "critical error at step " + std::to_string(e.step) + ": " +
            lowerFirst(f.indicators[std::size_t(*f.findIndicator(e.indicator))].description));
    const std::string secondLevel = f.levels.size() > 1 ? f.levels[1].name : f.levels[0].name;
    for (const auto& cs : r.competencies) {
        if (!cs.primary) continue;
        if (!cs.assessed)
            r.reasons.push_back(
                cs.name + " (a primary competency of this scenario) was not assessed on this path");
        else if (cs.level < 1)
            r.reasons.push_back(cs.name + " (a primary competency of this scenario) is at " +
                                cs.levelName + "; it must reach " + secondLevel + " or above");
    }
    r.passed = r.reasons.empty();
    writeRemarks(f, r);
    return r;
}

PlayScore scorePlay(const Scenario& scenario, const Transcript& transcript) {
    PlayScore out;
    FrameworkLookup found =
        lookupFramework(scenario.framework, frameworkSearchPath(scenario.sourcePath));
    if (!found.framework) {
        if (found.path.empty())
            out.error = "competence framework \"" + scenario.framework + "\" not found";
        else
            out.error =
                "competence framework " + found.path + " has errors" +
                (found.diagnostics.empty() ? std::string()
                                           : ": " + formatDiagnostic(found.diagnostics.items()[0]));
        return out;
    }
    try {
        out.report = scoreTranscript(scenario, *found.framework, transcript);
    } catch (const ScoringError& e) {
        out.error = e.what();
    }
    return out;
}

}  // namespace rapport
