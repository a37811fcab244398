#include "core/analysis/analysis_report.hpp"

#include <algorithm>
#include <cstdio>

#include "core/analysis/surface_cues.hpp"
#include "core/text/number_format.hpp"

namespace rapport {

namespace {

using nlohmann::json;

constexpr const char* kRandomRule =
    "each reply shown equally likely; on a timed node letting the timer run out is one more option";

std::string percent(double rate) { return oneDecimal(rate * 100.0) + " %"; }

json pathJson(const AnalysisPath& p) {
    if (!p.found) return nullptr;
    json j = {{"choices", p.choices}, {"steps", p.steps},   {"value", p.value},
              {"score", p.score},     {"passed", p.passed}, {"ending", p.ending},
              {"outcome", p.outcome}};
    if (p.competencyScore) j["competencyScore"] = *p.competencyScore;
    return j;
}

json randomJson(const RandomPlayStats& r) {
    return {{"samples", r.samples},
            {"seed", r.seed},
            {"rule", kRandomRule},
            {"min", r.min},
            {"lowerQuartile", r.lowerQuartile},
            {"median", r.median},
            {"upperQuartile", r.upperQuartile},
            {"max", r.max},
            {"mean", r.mean},
            {"passed", r.passed},
            {"passRate", r.passRate},
            {"unfinished", r.unfinished},
            {"outcomes",
             {{"won", r.outcomes[0]},
              {"partial", r.outcomes[1]},
              {"lost", r.outcomes[2]},
              {"escalated", r.outcomes[3]}}}};
}

json testwiseJson(const std::vector<TestwiseResult>& players) {
    json seeds = json::array();
    for (std::uint64_t seed : kTestwiseSeeds) seeds.push_back(seed);
    json list = json::array();
    for (const TestwiseResult& t : players) {
        json plays = json::array();
        for (const TestwisePlay& p : t.plays)
            plays.push_back({{"seed", p.seed},
                             {"finished", p.finished},
                             {"score", p.score},
                             {"passed", p.passed},
                             {"ending", p.finished ? json(p.ending) : json(nullptr)},
                             {"outcome", p.finished ? json(p.outcome) : json(nullptr)},
                             {"choices", p.choices},
                             {"steps", p.steps}});
        const TestwisePlay& h = t.plays[t.highest];
        list.push_back({{"name", t.player},
                        {"rule", t.rule},
                        {"highest", {{"seed", h.seed}, {"score", h.score}, {"passed", h.passed}}},
                        {"passedSeeds", t.passedSeeds},
                        {"plays", plays}});
    }
    return {{"seeds", seeds}, {"margin", kTestwiseMargin}, {"players", list}};
}

json cuesJson(const CueStatistics& c, const std::string& language) {
    return {{"language", surfaceCuesFor(language).language},
            {"decisions", c.decisions},
            {"bestLongest", c.bestLongest},
            {"bestLongestShare", c.bestLongestShare()},
            {"bestTopTwo", c.bestTopTwo},
            {"bestAcknowledgement", c.bestAcknowledgement},
            {"bestAcknowledgementRate", c.bestAcknowledgementRate()},
            {"otherReplies", c.otherReplies},
            {"otherAcknowledgement", c.otherAcknowledgement},
            {"otherAcknowledgementRate", c.otherAcknowledgementRate()},
            {"objection",
             {{"decisions", c.objectionDecisions},
              {"bestAcknowledgement", c.objectionBestAcknowledgement},
              {"bestAcknowledgementRate", c.objectionBestAcknowledgementRate()},
              {"otherReplies", c.objectionOtherReplies},
              {"otherAcknowledgement", c.objectionOtherAcknowledgement},
              {"otherAcknowledgementRate", c.objectionOtherAcknowledgementRate()}}}};
}

// The highest test-wise score over players and seeds, or null when none ran.
const TestwiseResult* highestTestwise(const std::vector<TestwiseResult>& players) {
    const TestwiseResult* out = nullptr;
    for (const TestwiseResult& t : players)
        if (!out || t.plays[t.highest].score > out->plays[out->highest].score) out = &t;
    return out;
}

// "a path: 2,1,3 (5 steps, score 40.0, failed, ending lost_deal)"
std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string pathLine(const AnalysisPath& p, bool withEnding = true) {
    if (!p.found) return "none";
    return plural(p.steps, "step", "steps") + ", score " + oneDecimal(p.score) +
           (p.passed ? ", passed" : ", failed") +
           (withEnding ? ", ends " + p.ending + " (" + p.outcome + ")" : std::string()) + ": " +
           p.choices;
}

}  // namespace

json analysisToJson(const ScenarioAnalysis& a) {
    json out;
    out["format"] = kAnalysisFormat;
    out["scenario"] = {{"id", a.id},
                       {"title", a.title},
                       {"language", a.language},
                       {"sector", a.sector},
                       {"framework", a.framework},
                       {"passScore", a.passScore},
                       {"assesses", a.assesses},
                       {"path", a.path}};
    out["structure"] = {{"nodes", a.nodes},
                        {"choices", a.choices},
                        {"endings", a.endings},
                        {"timedNodes", a.timedNodes}};
    json exact;
    exact["problem"] = a.problem.empty() ? json(nullptr) : json(a.problem);
    exact["states"] = a.states;
    exact["scoringStates"] = a.scoringStates;
    exact["unreachableNodes"] = a.unreachableNodes;
    json endings = json::array();
    for (const auto& e : a.endingPaths)
        endings.push_back({{"node", e.node},
                           {"outcome", e.outcome},
                           {"title", e.title},
                           {"reachable", e.reachable},
                           {"shortest", pathJson(e.shortest)}});
    exact["endings"] = endings;
    exact["best"] = pathJson(a.best);
    exact["worst"] = pathJson(a.worst);
    exact["poor"] = pathJson(a.poor);
    exact["lowestWon"] = pathJson(a.lowestWon);
    exact["highestLost"] = pathJson(a.highestLost);
    exact["bestUnbounded"] = a.bestUnbounded;
    exact["worstUnbounded"] = a.worstUnbounded;
    json comps = json::array();
    for (const auto& c : a.competencies)
        comps.push_back({{"id", c.id},
                         {"name", c.name},
                         {"weight", c.weight},
                         {"primary", c.primary},
                         {"decisionPoints", c.decisionPoints},
                         {"replies", c.replies},
                         {"earningReplies", c.earningReplies},
                         {"max", pathJson(c.max)},
                         {"min", pathJson(c.min)},
                         {"maxUnbounded", c.maxUnbounded},
                         {"minUnbounded", c.minUnbounded}});
    exact["competencies"] = comps;
    json dom = json::array();
    for (const auto& d : a.dominated)
        dom.push_back(
            {{"node", d.node}, {"choice", d.choice}, {"by", d.by}, {"sameNext", d.sameNext}});
    exact["dominated"] = dom;
    out["exact"] = exact;
    out["random"] = a.random ? randomJson(*a.random) : json(nullptr);
    out["testwise"] = a.testwise.empty() ? json(nullptr) : testwiseJson(a.testwise);
    out["cues"] = a.cues ? cuesJson(*a.cues, a.language) : json(nullptr);
    json mismatches = json::array();
    for (const auto& m : a.outcomeMismatches)
        mismatches.push_back({{"kind", m.kind},
                              {"source", m.source},
                              {"choices", m.choices},
                              {"score", m.score},
                              {"passed", m.passed},
                              {"ending", m.ending},
                              {"outcome", m.outcome}});
    out["outcomeMismatches"] = mismatches;
    json warnings = json::array();
    for (const auto& w : a.warnings) warnings.push_back({{"kind", w.kind}, {"message", w.message}});
    out["warnings"] = warnings;
    return out;
}

std::string analysisText(const ScenarioAnalysis& a) {
    std::string o;
    auto line = [&](const std::string& s) { o += s + "\n"; };
    line(a.id + " \u2014 " + a.title);
    line("  language " + a.language + ", sector " + a.sector + ", framework " + a.framework +
         ", pass score " + std::to_string(a.passScore));
    line("");
    line("Structure: " + plural(a.nodes, "node", "nodes") + ", " +
         plural(a.choices, "reply", "replies") + ", " + plural(a.endings, "ending", "endings") +
         ", " + plural(a.timedNodes, "timed node", "timed nodes"));
    if (!a.problem.empty()) {
        line("Exact analysis: not possible: " + a.problem);
    } else {
        line("Exact analysis over " + std::to_string(a.states) + " states (" +
             std::to_string(a.scoringStates) + " with behaviour-rule states)");
        if (a.unreachableNodes.empty()) {
            line("Reachability: every node can be reached");
        } else {
            std::string list;
            for (const auto& n : a.unreachableNodes) list += (list.empty() ? "" : ", ") + n;
            line("Reachability: " + std::to_string(a.unreachableNodes.size()) +
                 " node(s) cannot be reached: " + list);
        }
        line("");
        line("Endings, with a shortest way to each (--choices list; t = let the timer run out):");
        for (const auto& e : a.endingPaths) {
            if (!e.reachable)
                line("  " + e.node + " (" + e.outcome + "): cannot be reached");
            else
                line("  " + e.node + " (" + e.outcome + "): " + pathLine(e.shortest, false));
        }
        line("");
        line("Scenario score over complete paths (exact):");
        line("  best   " + pathLine(a.best) + (a.bestUnbounded ? "  [a loop earns points]" : ""));
        line("  worst  " + pathLine(a.worst) +
             (a.worstUnbounded ? "  [a loop loses points each time round]" : ""));
        line("  poor   " +
             (a.poor.found ? pathLine(a.poor) : std::string("never reaches an ending")));
        line("         (poor = at every decision the reply worth least at that moment)");
        line("  lowest won   " +
             (a.lowestWon.found ? pathLine(a.lowestWon) : std::string("no path ends won")));
        line("  highest lost " +
             (a.highestLost.found ? pathLine(a.highestLost) : std::string("no path ends lost")));
        line("");
        line(
            "Competencies: points earned on a complete path (framework points, unweighted, rule "
            "violations");
        line(
            "included), highest and lowest over all complete paths, with the competency score on "
            "that path.");
        line(
            "Opportunities = decision points where some reply (or the timer) gives evidence for "
            "it.");
        for (const auto& c : a.competencies) {
            line("  " + c.name + " (" + c.id + ", weight " + std::to_string(c.weight) +
                 (c.primary ? ", primary" : "") +
                 "): " + plural(c.decisionPoints, "opportunity", "opportunities") + ", " +
                 plural(c.replies, "reply cites", "replies cite") + " it, " +
                 plural(c.earningReplies, "earns", "earn") + " points");
            auto ext = [&](const char* label, const AnalysisPath& p, bool unbounded) {
                if (!p.found) {
                    line(std::string("    ") + label + " none");
                    return;
                }
                line(std::string("    ") + label + " " + std::to_string(p.value) +
                     " points (competency score " +
                     (p.competencyScore ? oneDecimal(*p.competencyScore)
                                        : std::string("not assessed")) +
                     ")" + (unbounded ? " [a loop changes it each time round]" : "") + ": " +
                     p.choices);
            };
            ext("max", c.max, c.maxUnbounded);
            ext("min", c.min, c.minUnbounded);
        }
        line("");
        line(
            "Dominated replies (never better on any competency than a sibling shown with them, "
            "worse on one): " +
            std::to_string(a.dominated.size()));
        for (const auto& d : a.dominated)
            line("  " + d.node + ": " + d.choice + " < " + d.by +
                 (d.sameNext ? " (same next node)" : ""));
    }
    line("");
    if (a.random) {
        const RandomPlayStats& r = *a.random;
        line("Random play (sampled: " + std::to_string(r.samples) + " plays, seed " +
             std::to_string(r.seed) + "; " + kRandomRule + "):");
        line("  scenario score: median " + oneDecimal(r.median) + ", quartiles " +
             oneDecimal(r.lowerQuartile) + " \u2013 " + oneDecimal(r.upperQuartile) + ", min " +
             oneDecimal(r.min) + ", max " + oneDecimal(r.max) + ", mean " + oneDecimal(r.mean));
        line("  passed: " + std::to_string(r.passed) + " of " + std::to_string(r.samples) + " (" +
             percent(r.passRate) + ")");
        auto share = [&](int n) { return percent(double(n) / double(r.samples)); };
        line("  endings: won " + share(r.outcomes[0]) + ", partial " + share(r.outcomes[1]) +
             ", lost " + share(r.outcomes[2]) + ", escalated " + share(r.outcomes[3]) +
             ", unfinished " + share(r.unfinished));
    } else {
        line("Random play: not run");
    }
    line("");
    if (!a.testwise.empty()) {
        line(
            "Test-wise players (choose by surface cues only, never by meaning; each under seeds "
            "0-7;");
        line("worst case = the seed scoring highest; pass score " + std::to_string(a.passScore) +
             ", warned above " + oneDecimalOrWhole(double(a.passScore) - kTestwiseMargin) + "):");
        std::size_t width = 0;
        for (const auto& t : a.testwise) width = std::max(width, t.player.size());
        for (const auto& t : a.testwise) {
            const TestwisePlay& h = t.plays[t.highest];
            line("  " + t.player + std::string(width - t.player.size(), ' ') + "  highest " +
                 oneDecimal(h.score) + " (seed " + std::to_string(h.seed) + ", " +
                 (h.finished ? "ends " + h.ending + " (" + h.outcome + ")" : "no ending") +
                 "), passes under " + std::to_string(t.passedSeeds) + " of " +
                 std::to_string(t.plays.size()) + " seeds: " + h.choices);
        }
        line("");
    }
    if (a.cues) {
        const CueStatistics& c = *a.cues;
        line("Surface cues on the best path (" + plural(c.decisions, "decision", "decisions") +
             " with two or more replies; cue words: " + surfaceCuesFor(a.language).language + "):");
        line("  best reply is the longest: " + std::to_string(c.bestLongest) + " of " +
             std::to_string(c.decisions) + " (" + percent(c.bestLongestShare()) +
             "); among the two longest: " + std::to_string(c.bestTopTwo) + " of " +
             std::to_string(c.decisions));
        line("  opens with an acknowledgement or apology: best replies " +
             percent(c.bestAcknowledgementRate()) + " (" + std::to_string(c.bestAcknowledgement) +
             " of " + std::to_string(c.decisions) + "), other replies " +
             percent(c.otherAcknowledgementRate()) + " (" + std::to_string(c.otherAcknowledgement) +
             " of " + std::to_string(c.otherReplies) + ")");
        if (c.objectionDecisions > 0)
            line("    at the " +
                 plural(c.objectionDecisions, "objection decision", "objection decisions") +
                 ": best replies " + percent(c.objectionBestAcknowledgementRate()) + " (" +
                 std::to_string(c.objectionBestAcknowledgement) + " of " +
                 std::to_string(c.objectionDecisions) + "), other replies " +
                 percent(c.objectionOtherAcknowledgementRate()) + " (" +
                 std::to_string(c.objectionOtherAcknowledgement) + " of " +
                 std::to_string(c.objectionOtherReplies) + ")");
        line("");
    }
    if (!a.problem.empty()) {
        // Nothing was scored, so nothing could disagree.
    } else if (a.outcomeMismatches.empty()) {
        line("Endings and scores agree on every path above and every random play");
        line("");
    } else {
        line("Endings and scores disagree (over the paths above and the random plays):");
        for (const auto& m : a.outcomeMismatches)
            line("  " + m.kind + ": " + m.source + " ends " + m.ending + " (" + m.outcome +
                 "), score " + oneDecimal(m.score) + (m.passed ? ", passed" : ", failed") + ": " +
                 m.choices);
        line("");
    }
    if (a.warnings.empty()) {
        line("Warnings: none");
    } else {
        line("Warnings (" + std::to_string(a.warnings.size()) + "):");
        for (const auto& w : a.warnings) line("  - [" + w.kind + "] " + w.message);
    }
    return o;
}

std::string analysisTable(std::vector<ScenarioAnalysis> analyses) {
    std::sort(analyses.begin(), analyses.end(),
              [](const ScenarioAnalysis& x, const ScenarioAnalysis& y) { return x.id < y.id; });
    auto cell = [](std::string s) {
        std::string out;
        for (char ch : s) {
            if (ch == '|')
                out += "\\|";
            else if (ch == '\n')
                out += ' ';
            else
                out += ch;
        }
        return out;
    };
    std::string o;
    o += "# Bundled scenarios: quality-gate figures\n\n";
    o += "Generated, not typed: regenerate with\n\n```\n";
    o += kScenarioTableCommand;
    o += "\n```\n\n";
    o += "`tests/core/analysis/unit-scenario-gate.cpp` fails when this file is stale. "
         "Figures are explained in\n"
         "[analysis.md](analysis.md): *best* and *poor* are exact scenario scores of the best path "
         "and of\n"
         "the consistently poor path (the reply worth least at every decision), *worst* of the "
         "worst\n"
         "complete path; the random-play columns are sampled (seed 1) under the random-play rule "
         "of\n"
         "analysis.md. *Test-wise* is the highest score of any test-wise player under any seed "
         "tried, with\n"
         "the player; *best longest* counts the best path's decisions where the best reply is the "
         "longest;\n"
         "*openers* is how often best replies and the other replies open with an acknowledgement "
         "or apology.\n\n";
    o += "| id | title | language | sector | nodes | endings | competencies | best | worst | poor "
         "| random median | random quartiles | random pass rate | samples | test-wise | "
         "best longest | openers best / others |\n";
    o += "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---|\n";
    for (const auto& a : analyses) {
        int assessed = 0;
        for (const auto& c : a.competencies) assessed += c.decisionPoints > 0 ? 1 : 0;
        o += "| " + cell(a.id) + " | " + cell(a.title) + " | " + cell(a.language) + " | " +
             cell(a.sector) + " | " + std::to_string(a.nodes) + " | " + std::to_string(a.endings) +
             " | " + std::to_string(assessed) + " | ";
        o += (a.best.found ? oneDecimal(a.best.score) : std::string("—")) + " | ";
        o += (a.worst.found ? oneDecimal(a.worst.score) : std::string("—")) + " | ";
        o += (a.poor.found ? oneDecimal(a.poor.score) + (a.poor.passed ? " (passes)" : "")
                           : std::string("—")) +
             " | ";
        if (a.random) {
            const auto& r = *a.random;
            o += oneDecimal(r.median) + " | " + oneDecimal(r.lowerQuartile) + " – " +
                 oneDecimal(r.upperQuartile) + " | " + percent(r.passRate) + " | " +
                 std::to_string(r.samples) + " | ";
        } else {
            o += "— | — | — | 0 | ";
        }
        if (const TestwiseResult* t = highestTestwise(a.testwise)) {
            const TestwisePlay& h = t->plays[t->highest];
            o +=
                oneDecimal(h.score) + " " + cell(t->player) + (h.passed ? " (passes)" : "") + " | ";
        } else {
            o += "— | ";
        }
        if (a.cues)
            o += std::to_string(a.cues->bestLongest) + " of " + std::to_string(a.cues->decisions) +
                 " | " + percent(a.cues->bestAcknowledgementRate()) + " / " +
                 percent(a.cues->otherAcknowledgementRate()) + " |\n";
        else
            o += "— | — |\n";
    }
    return o;
}

}  // namespace rapport
