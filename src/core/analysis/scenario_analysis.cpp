#include "core/analysis/scenario_analysis.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <queue>
#include <stdexcept>
#include <unordered_map>

#include "core/analysis/evidence_profile.hpp"
#include "core/play/clock.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scoring/behaviour_rules.hpp"
#include "core/state/state_space.hpp"
#include "core/state/strong_components.hpp"
#include "core/text/number_format.hpp"

namespace rapport {

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();

// The scenario's state graph times the behaviour-rule states, as the best-path search builds it
// (scoring.cpp), with every step's points kept per competency so one graph answers every
// "highest / lowest total of X over complete paths" question.
class ProductGraph {
public:
    struct PState {
        int g;
        std::uint64_t rk;
    };
    struct PEdge {
        int target;
        int graphEdge;  // index into graph.edges(g)
        int profile;    // index into profiles: points per competency, then the weighted total
    };

    ProductGraph(const Scenario& s, const Framework& f, const StateGraph& graph,
                 const ScenarioEvidence& ev, std::size_t maxStates)
        : s_(s), f_(f), graph_(graph), ev_(ev), rules_(f, s), nc_(f.competencies.size()) {
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
    Solution solve(const std::vector<std::int64_t>& gain) const {
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
    int intern(int g, std::uint64_t rk) {
        auto [it, fresh] = index_.emplace(std::make_pair(g, rk), int(states.size()));
        if (fresh) {
            states.push_back({g, rk});
            edges.emplace_back();
            terminal.push_back(-1);
        }
        return it->second;
    }

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
        intern(0, rules_.scoringKey(RuleEngine::initial()));
        std::vector<RuleEvent> events;
        std::vector<std::int64_t> p(nc_ + 1);
        for (std::size_t i = 0; i < states.size(); ++i) {
            if (states.size() > maxStates) return false;
            const PState ps = states[i];
            const int node = graph_.node(ps.g);
            if (s_.nodes[std::size_t(node)].isEnding()) {
                std::uint64_t rk = ps.rk;
                events.clear();
                rules_.finish(rk, events);
                std::fill(p.begin(), p.end(), 0);
                addViolations(p, events);
                terminal[i] = internProfile(p);
                continue;
            }
            const auto gEdges = graph_.edges(ps.g);
            for (std::size_t e = 0; e < gEdges.size(); ++e) {
                const int c = gEdges[e].choice;
                const EvidenceProfile& ep =
                    c >= 0 ? ev_.choices[std::size_t(node)][std::size_t(c)] : ev_.timeout;
                std::uint64_t rk = ps.rk;
                events.clear();
                rules_.step(rk, node, ep.indicators, events);
                std::copy(ep.points.begin(), ep.points.end(), p.begin());
                p[nc_] = ep.weighted;
                addViolations(p, events);
                const int profile = internProfile(p);
                const int target = intern(gEdges[e].target, rules_.scoringKey(rk));
                edges[i].push_back({target, int(e), profile});
            }
        }
        return states.size() <= maxStates;
    }

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

    struct KeyHash {
        std::size_t operator()(const std::pair<int, std::uint64_t>& k) const {
            return std::hash<std::uint64_t>()(k.second * 0x9E3779B97F4A7C15ull ^
                                              std::uint64_t(k.first));
        }
    };

    const Scenario& s_;
    const Framework& f_;
    const StateGraph& graph_;
    const ScenarioEvidence& ev_;
    RuleEngine rules_;
    std::size_t nc_;
    std::unordered_map<std::pair<int, std::uint64_t>, int, KeyHash> index_;
    std::map<std::vector<std::int64_t>, int> profileIndex_;
    std::vector<int> comp_;
    std::vector<std::vector<int>> sccs_;
    std::vector<std::vector<std::pair<int, int>>> preds_;  // internal edges: (from, edge index)
    std::vector<bool> internal_;                           // per component
};

class Analyzer {
public:
    Analyzer(const Scenario& s, const Framework& f, const AnalysisOptions& o)
        : s_(s), f_(f), o_(o), ev_(resolveScenarioEvidence(s, f)) {}

    ScenarioAnalysis run() {
        ScenarioAnalysis a;
        a.path = s_.sourcePath;
        a.id = s_.id;
        a.title = s_.title;
        a.language = s_.language;
        a.sector = s_.sector;
        a.framework = f_.id;
        a.passScore = s_.passScore;
        a.assesses = s_.assesses;
        a.nodes = int(s_.nodes.size());
        for (const Node& n : s_.nodes) {
            a.choices += int(n.choices.size());
            if (n.isEnding()) ++a.endings;
            if (n.isTimed()) ++a.timedNodes;
        }
        countOpportunities(a);

        graph_ = exploreStates(s_, o_.maxStates);
        a.states = graph_.size();
        if (!graph_.complete) {
            a.problem = "the scenario has more than " + std::to_string(o_.maxStates) +
                        " distinct states, too many to analyse exactly (run rapport validate)";
            return finish(a);
        }
        reachability(a);
        ProductGraph pg(s_, f_, graph_, ev_, o_.maxStates);
        a.scoringStates = pg.states.size();
        if (!pg.complete) {
            a.problem = "the scenario has more than " + std::to_string(o_.maxStates) +
                        " distinct states with behaviour-rule states, too many to analyse exactly";
            return finish(a);
        }
        const std::size_t nc = f_.competencies.size();
        const auto bestSol = pg.solve(pg.gains(nc, 1));
        if (bestSol.value[0] == kNone) {
            a.problem = "no complete path leads from start to an ending";
            return finish(a);
        }
        a.bestUnbounded = bestSol.unbounded;
        optimum_.best = bestSol.value[0];
        optimum_.states = pg.states.size();
        player_.emplace(s_, f_, graph_, optimum_.best);
        a.best = pathFor(pg, bestSol, pg.gains(nc, 1), 1);
        optimum_.bestPath = a.best.choices;
        const auto worstSol = pg.solve(pg.gains(nc, -1));
        a.worstUnbounded = worstSol.unbounded;
        a.worst = pathFor(pg, worstSol, pg.gains(nc, -1), -1);
        a.poor = poorPath(pg);
        for (EndingReach& e : a.endingPaths)
            if (e.reachable) e.shortest = scorePath(e.shortest.choices, 0);
        for (CompetencyAnalysis& c : a.competencies) {
            const auto ci = std::size_t(*f_.findCompetency(c.id));
            const auto maxSol = pg.solve(pg.gains(ci, 1));
            const auto minSol = pg.solve(pg.gains(ci, -1));
            c.maxUnbounded = maxSol.unbounded;
            c.minUnbounded = minSol.unbounded;
            c.max = pathFor(pg, maxSol, pg.gains(ci, 1), 1, int(ci));
            c.min = pathFor(pg, minSol, pg.gains(ci, -1), -1, int(ci));
        }
        dominated(a);
        if (o_.samples > 0) a.random = sampleRandomPlay(*player_, o_.samples, o_.seed);
        return finish(a);
    }

private:
    void countOpportunities(ScenarioAnalysis& a) {
        const std::size_t nc = f_.competencies.size();
        std::vector<int> points(nc, 0), replies(nc, 0), earning(nc, 0);
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const Node& node = s_.nodes[n];
            std::vector<bool> here(nc, false);
            for (std::size_t c = 0; c < node.choices.size(); ++c) {
                const EvidenceProfile& p = ev_.choices[n][c];
                for (std::size_t k = 0; k < nc; ++k) {
                    if (!p.cited[k]) continue;
                    here[k] = true;
                    ++replies[k];
                    if (p.points[k] > 0) ++earning[k];
                }
            }
            if (node.isTimed())
                for (std::size_t k = 0; k < nc; ++k) here[k] = here[k] || ev_.timeout.cited[k];
            for (std::size_t k = 0; k < nc; ++k) points[k] += here[k] ? 1 : 0;
        }
        for (std::size_t k = 0; k < nc; ++k) {
            const Competency& comp = f_.competencies[k];
            const bool primary =
                std::find(s_.assesses.begin(), s_.assesses.end(), comp.id) != s_.assesses.end();
            if (!primary && points[k] == 0) continue;
            CompetencyAnalysis c;
            c.id = comp.id;
            c.name = comp.name;
            c.weight = comp.weight;
            c.primary = primary;
            c.decisionPoints = points[k];
            c.replies = replies[k];
            c.earningReplies = earning[k];
            a.competencies.push_back(std::move(c));
        }
    }

    // Reachable nodes, and a shortest way (fewest decisions) to each ending, breadth-first over
    // the state graph; edges are tried in display order, so ties go to the earlier reply.
    void reachability(ScenarioAnalysis& a) {
        std::vector<bool> reached(s_.nodes.size(), false);
        for (std::size_t st = 0; st < graph_.size(); ++st)
            reached[std::size_t(graph_.node(int(st)))] = true;
        for (std::size_t n = 0; n < s_.nodes.size(); ++n)
            if (!reached[n]) a.unreachableNodes.push_back(s_.nodes[n].id);
        std::vector<std::pair<int, int>> parent(graph_.size(), {-1, -1});
        std::vector<bool> seen(graph_.size(), false);
        std::vector<int> firstState(s_.nodes.size(), -1);
        std::deque<int> queue{0};
        seen[0] = true;
        while (!queue.empty()) {
            const int v = queue.front();
            queue.pop_front();
            const int node = graph_.node(v);
            if (firstState[std::size_t(node)] < 0) firstState[std::size_t(node)] = v;
            const auto es = graph_.edges(v);
            for (std::size_t e = 0; e < es.size(); ++e) {
                const int t = es[e].target;
                if (seen[std::size_t(t)]) continue;
                seen[std::size_t(t)] = true;
                parent[std::size_t(t)] = {v, int(e)};
                queue.push_back(t);
            }
        }
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const Node& node = s_.nodes[n];
            if (!node.isEnding()) continue;
            EndingReach r;
            r.node = node.id;
            r.outcome = outcomeName(node.ending->outcome);
            r.title = node.ending->title;
            r.reachable = firstState[n] >= 0;
            if (r.reachable) {
                std::vector<std::pair<int, int>> steps;
                for (int v = firstState[n]; parent[std::size_t(v)].first >= 0;
                     v = parent[std::size_t(v)].first)
                    steps.push_back(parent[std::size_t(v)]);
                std::reverse(steps.begin(), steps.end());
                r.shortest.choices = choicesOf(steps);
            }
            a.endingPaths.push_back(std::move(r));
        }
    }

    // The --choices list of a sequence of (graph state, edge) decisions.
    std::string choicesOf(const std::vector<std::pair<int, int>>& steps) const {
        // Positions count every reply shown, including any whose `set` fails, as play does.
        std::string out;
        for (const auto& [state, edge] : steps) {
            if (!out.empty()) out += ',';
            const int choice = graph_.edges(state)[std::size_t(edge)].choice;
            if (choice < 0) {
                out += 't';
                continue;
            }
            const std::vector<int> shown = shownChoices(graph_, state);
            out += std::to_string(
                int(std::find(shown.begin(), shown.end(), choice) - shown.begin()) + 1);
        }
        return out;
    }

    std::pair<std::string, std::int64_t> extract(const ProductGraph& pg,
                                                 const ProductGraph::Solution& sol,
                                                 const std::vector<std::int64_t>& gain) const {
        std::vector<std::pair<int, int>> steps;
        std::int64_t total = 0;
        int v = 0;
        for (std::size_t guard = 0; guard <= pg.states.size(); ++guard) {
            if (pg.terminal[std::size_t(v)] >= 0) {
                total += gain[std::size_t(pg.terminal[std::size_t(v)])];
                return {choicesOf(steps), total};
            }
            const int ei = sol.edge[std::size_t(v)];
            if (ei < 0) break;
            const auto& e = pg.edges[std::size_t(v)][std::size_t(ei)];
            steps.push_back({pg.states[std::size_t(v)].g, e.graphEdge});
            total += gain[std::size_t(e.profile)];
            v = e.target;
        }
        throw std::logic_error("analyzeScenario: an extreme path does not reach an ending");
    }

    AnalysisPath pathFor(const ProductGraph& pg, const ProductGraph::Solution& sol,
                         const std::vector<std::int64_t>& gain, int sign, int competency = -1) {
        if (sol.value[0] == kNone) return {};
        const auto [choices, total] = extract(pg, sol, gain);
        AnalysisPath p = scorePath(choices, competency);
        p.value = sign * total;
        return p;
    }

    // Replays a --choices list through a Session and scores it like any play-through.
    AnalysisPath scorePath(const std::string& choices, int competency) const {
        std::string error;
        const auto script = parseChoiceScript(choices, error);
        ManualClock clock;
        Session session(s_, clock);
        const std::string problem = script ? playScript(session, clock, *script) : error;
        if (!problem.empty())
            throw std::logic_error("analyzeScenario: path " + choices +
                                   " does not replay: " + problem);
        const ScoreReport r = scoreTranscript(s_, f_, session.transcript(), &optimum_);
        AnalysisPath p;
        p.found = true;
        p.choices = choices;
        p.steps = int(script->size());
        p.value = r.earned;
        p.score = r.score;
        p.passed = r.passed;
        p.ending = r.endingNode;
        p.outcome = r.outcome;
        if (competency >= 0) p.competencyScore = r.competencies[std::size_t(competency)].score;
        return p;
    }

    // "Consistently poor": at every decision the reply worth least right now (its weighted
    // points, rule violations of that step included; the first such reply in display order),
    // never letting a timer run out while a reply is shown, and never returning to a state
    // already passed when another reply avoids it.
    AnalysisPath poorPath(const ProductGraph& pg) {
        std::vector<bool> visited(pg.states.size(), false);
        std::vector<std::pair<int, int>> steps;
        const std::size_t nc = f_.competencies.size();
        int v = 0;
        while (pg.terminal[std::size_t(v)] < 0) {
            visited[std::size_t(v)] = true;
            const auto& es = pg.edges[std::size_t(v)];
            const int g = pg.states[std::size_t(v)].g;
            int pick = -1;
            bool pickFresh = false;
            std::int64_t pickGain = 0;
            bool anyReply = false;
            for (const auto& e : es)
                anyReply = anyReply || graph_.edges(g)[std::size_t(e.graphEdge)].choice >= 0;
            for (std::size_t i = 0; i < es.size(); ++i) {
                if (anyReply && graph_.edges(g)[std::size_t(es[i].graphEdge)].choice < 0) continue;
                const bool fresh = !visited[std::size_t(es[i].target)];
                const std::int64_t gain = pg.profiles[std::size_t(es[i].profile)][nc];
                if (pick < 0 || (fresh && !pickFresh) || (fresh == pickFresh && gain < pickGain)) {
                    pick = int(i);
                    pickFresh = fresh;
                    pickGain = gain;
                }
            }
            if (pick < 0 || !pickFresh || steps.size() > pg.states.size())
                return {};  // dead end or a loop
            steps.push_back({g, es[std::size_t(pick)].graphEdge});
            v = es[std::size_t(pick)].target;
        }
        return scorePath(choicesOf(steps), -1);
    }

    // Replies never better on any competency than a sibling shown with them in a reachable state.
    void dominated(ScenarioAnalysis& a) const {
        const std::size_t nc = f_.competencies.size();
        std::vector<std::vector<std::vector<bool>>> together(s_.nodes.size());
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const std::size_t k = s_.nodes[n].choices.size();
            together[n].assign(k, std::vector<bool>(k, false));
        }
        std::vector<int> shown;
        for (std::size_t st = 0; st < graph_.size(); ++st) {
            const auto node = std::size_t(graph_.node(int(st)));
            shown.clear();
            for (const auto& e : graph_.edges(int(st)))
                if (e.choice >= 0) shown.push_back(e.choice);
            for (int x : shown)
                for (int y : shown) together[node][std::size_t(x)][std::size_t(y)] = true;
        }
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const Node& node = s_.nodes[n];
            for (std::size_t x = 0; x < node.choices.size(); ++x) {
                int by = -1;
                for (std::size_t y = 0; y < node.choices.size(); ++y) {
                    if (x == y || !together[n][x][y]) continue;
                    const auto& px = ev_.choices[n][x].points;
                    const auto& py = ev_.choices[n][y].points;
                    bool never = true, worse = false;
                    for (std::size_t c = 0; c < nc; ++c) {
                        never = never && px[c] <= py[c];
                        worse = worse || px[c] < py[c];
                    }
                    if (!never || !worse) continue;
                    if (by < 0 ||
                        ev_.choices[n][y].weighted > ev_.choices[n][std::size_t(by)].weighted)
                        by = int(y);
                }
                if (by >= 0)
                    a.dominated.push_back(
                        {node.id, node.choices[x].id, node.choices[std::size_t(by)].id,
                         node.choices[x].next == node.choices[std::size_t(by)].next});
            }
        }
    }

    ScenarioAnalysis& finish(ScenarioAnalysis& a) const {
        auto warn = [&](const char* kind, std::string message) {
            a.warnings.push_back({kind, std::move(message)});
        };
        if (!a.problem.empty()) warn("not-exact", a.problem);
        if (!a.unreachableNodes.empty()) {
            std::string list;
            for (const auto& n : a.unreachableNodes) list += (list.empty() ? "" : ", ") + n;
            warn("unreachable", "no play can reach " + std::to_string(a.unreachableNodes.size()) +
                                    " node(s): " + list + "; link them or delete them");
        }
        if (a.problem.empty()) {
            if (a.bestUnbounded)
                warn("points-loop",
                     "a loop earns points each time round; the best path shown goes round it once "
                     "at most");
            if (a.best.found && !a.best.passed)
                warn("best-fails",
                     "even the best path (" + a.best.choices +
                         ") does not pass: check the pass score, "
                         "critical indicators and the primary competencies on that path");
            if (a.poor.found && a.poor.passed)
                warn("poor-passes", "the consistently poor path (" + a.poor.choices +
                                        ") passes: poor replies cost too "
                                        "little; give them negative evidence");
            if (!a.poor.found)
                warn("poor-no-ending",
                     "taking the reply worth least at every step never reaches an ending "
                     "(it runs into a loop or a dead end)");
        }
        for (const CompetencyAnalysis& c : a.competencies) {
            if (c.earningReplies == 1)
                warn("single-reply", c.name + " (" + c.id +
                                         ") earns points from a single reply: one pick decides it; "
                                         "give it more decision points");
            else if (c.primary && c.earningReplies == 0)
                warn("single-reply",
                     c.name + " (" + c.id +
                         ") is a primary competency but no reply earns points for it");
            if (c.primary && c.decisionPoints < 3)
                warn("few-opportunities",
                     c.name + " (" + c.id + ") is a primary competency tested at only " +
                         std::to_string(c.decisionPoints) +
                         " decision point(s); its score has low confidence on every path");
        }
        if (a.random) {
            const RandomPlayStats& r = *a.random;
            if (r.passRate >= kMaxRandomPassRate)
                warn("random-pass-rate",
                     "random play passes " + (oneDecimal(r.passRate * 100.0) + " %") +
                         " of the time (" + std::to_string(r.passed) + " of " +
                         std::to_string(r.samples) +
                         "); guessing should pass under 10 %: make wrong replies cost more or "
                         "make the good reply less obvious");
            if (r.median >= double(a.passScore))
                warn("random-median", "the median random play scores " + oneDecimal(r.median) +
                                          ", at or above the pass score " +
                                          std::to_string(a.passScore));
        }
        return a;
    }

    const Scenario& s_;
    const Framework& f_;
    const AnalysisOptions& o_;
    ScenarioEvidence ev_;
    StateGraph graph_;
    ScenarioOptimum optimum_;
    std::optional<RandomPlayer> player_;
};

}  // namespace

ScenarioAnalysis analyzeScenario(const Scenario& scenario, const Framework& framework,
                                 const AnalysisOptions& options) {
    return Analyzer(scenario, framework, options).run();
}

FileAnalysis analyzeScenarioFile(const std::string& path, const AnalysisOptions& options) {
    FileAnalysis out;
    out.check = checkScenarioFile(path);
    if (!out.check.playable()) {
        out.error = out.check.unreadable
                        ? "cannot be read"
                        : "has errors; fix them (rapport validate) before analysing";
        return out;
    }
    const Scenario& s = *out.check.scenario;
    // A playable check has found and loaded the framework (RAP0050 otherwise).
    if (!out.check.framework) {
        out.error = "competence framework \"" + s.framework + "\" not found";
        return out;
    }
    try {
        out.analysis = analyzeScenario(s, *out.check.framework, options);
    } catch (const ScoringError& e) {
        out.error = e.what();
    }
    return out;
}

}  // namespace rapport
