#include "core/analysis/scenario_analysis.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <stdexcept>

#include "core/analysis/analysis_warnings.hpp"
#include "core/analysis/dominated_replies.hpp"
#include "core/analysis/evidence_profile.hpp"
#include "core/analysis/product_graph.hpp"
#include "core/play/clock.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/state/state_space.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

namespace {

using analysis_detail::kNone;
using analysis_detail::ProductGraph;

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
        const auto worstSol = pg.solve(pg.gains(nc, -1));
        optimum_.best = bestSol.value[0];
        optimum_.worst = -worstSol.value[0];
        optimum_.states = pg.states.size();
        player_.emplace(s_, f_, graph_, optimum_.best, optimum_.worst);
        a.best = pathFor(pg, bestSol, pg.gains(nc, 1), 1);
        optimum_.bestPath = a.best.choices;
        a.worstUnbounded = worstSol.unbounded;
        a.worst = pathFor(pg, worstSol, pg.gains(nc, -1), -1);
        a.poor = poorPath(pg);
        a.lowestWon = extremeEndingPath(pg, Outcome::Won, -1);
        a.highestLost = extremeEndingPath(pg, Outcome::Lost, 1);
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
        a.testwise = runTestwisePlayers(s_, f_, &optimum_);
        a.cues = bestPathCueStatistics(s_, a.best.choices);
        findOutcomeMismatches(a);
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

    // The complete path ending with `outcome` whose weighted total is lowest (sign -1) or
    // highest (+1).
    AnalysisPath extremeEndingPath(const ProductGraph& pg, Outcome outcome, int sign) {
        std::vector<char> endsAt(pg.states.size(), 0);
        bool any = false;
        for (std::size_t v = 0; v < pg.states.size(); ++v) {
            if (pg.terminal[v] < 0) continue;
            const Node& n = s_.nodes[std::size_t(graph_.node(pg.states[v].g))];
            endsAt[v] = n.ending && n.ending->outcome == outcome;
            any = any || endsAt[v];
        }
        if (!any) return {};
        const std::size_t nc = f_.competencies.size();
        const auto gain = pg.gains(nc, sign);
        return pathFor(pg, pg.solve(gain, &endsAt), gain, sign);
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

    // One witness per kind of a path whose ending and score disagree, searched over every path
    // the analysis scored, in the order ScenarioAnalysis::outcomeMismatches lists.
    void findOutcomeMismatches(ScenarioAnalysis& a) const {
        auto consider = [&](const std::string& source, const std::string& choices, double score,
                            bool passed, const std::string& ending, const std::string& outcome) {
            const char* kind = outcome == "won" && score < double(a.passScore) ? "won-failing"
                               : outcome == "lost" && passed                   ? "lost-passing"
                                                                               : nullptr;
            if (!kind) return;
            for (const auto& m : a.outcomeMismatches)
                if (m.kind == kind) return;
            a.outcomeMismatches.push_back({kind, source, choices, score, passed, ending, outcome});
        };
        auto path = [&](const std::string& source, const AnalysisPath& p) {
            if (p.found) consider(source, p.choices, p.score, p.passed, p.ending, p.outcome);
        };
        // The names are sentences for the trainer, in the interface language (the warning that
        // quotes them is too); `kind` stays the stable key.
        path(tr("best path"), a.best);
        path(tr("worst path"), a.worst);
        path(tr("poor path"), a.poor);
        path(tr("lowest-scoring way to a won ending"), a.lowestWon);
        path(tr("highest-scoring way to a lost ending"), a.highestLost);
        for (const EndingReach& e : a.endingPaths)
            if (e.reachable)
                path(uiFormat(tr("shortest way to {node}"), {{"node", e.node}}), e.shortest);
        for (const CompetencyAnalysis& c : a.competencies) {
            path(uiFormat(tr("highest {competency}"), {{"competency", c.id}}), c.max);
            path(uiFormat(tr("lowest {competency}"), {{"competency", c.id}}), c.min);
        }
        for (const TestwiseResult& t : a.testwise)
            for (const TestwisePlay& p : t.plays)
                if (p.finished)
                    consider(uiFormat(tr("test-wise player {player}, seed {seed}"),
                                      {{"player", testwisePlayerLabel(t.player)},
                                       {"seed", std::to_string(p.seed)}}),
                             p.choices, p.score, p.passed, p.ending, p.outcome);
        if (a.random)
            for (const auto* w : {&a.random->wonFailing, &a.random->lostPassing})
                if (*w)
                    consider(tr("random play"), (*w)->choices, (*w)->score, (*w)->passed,
                             s_.nodes[std::size_t((*w)->endingNode)].id,
                             outcomeName(s_.nodes[std::size_t((*w)->endingNode)].ending->outcome));
    }

    void dominated(ScenarioAnalysis& a) const { findDominatedReplies(s_, f_, graph_, ev_, a); }

    ScenarioAnalysis& finish(ScenarioAnalysis& a) const {
        addAnalysisWarnings(a);
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

}  // namespace rapport
