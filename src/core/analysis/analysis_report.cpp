#include "core/analysis/analysis_report.hpp"

#include <algorithm>
#include <cstdio>

#include "core/analysis/surface_cues.hpp"
#include "core/text/number_format.hpp"
#include "core/text/terminal_text.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

namespace {

using nlohmann::json;

// Marked for the catalogue: the text report gives it in the reader's language, the JSON in
// English.
constexpr const char* kRandomRule = trNoop(
    "each reply shown equally likely; on a timed node letting the timer run out is one "
    "more option");

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
    // The trainer's report, in the interface language; numbers keep the point in every language
    // here, as the --choices lists and scores a trainer copies into other commands do.
    std::string o;
    auto line = [&](const std::string& s) { o += s + "\n"; };
    auto f = [](const char* pattern, std::initializer_list<UiArg> args) {
        return uiFormat(pattern, args);
    };
    auto n = [](long long v) { return std::to_string(v); };
    // `pattern` is trn(...) at the call, where xgettext finds it.
    auto count = [&](const char* pattern, long long v) { return f(pattern, {{"n", n(v)}}); };
    auto ul = [](long long v) { return static_cast<unsigned long>(v < 0 ? -v : v); };
    auto path = [&](const AnalysisPath& p, bool withEnding = true) -> std::string {
        if (!p.found) return tr("none");
        const std::string steps = count(trn("{n} step", "{n} steps", ul(p.steps)), p.steps);
        const std::string score = oneDecimal(p.score);
        if (withEnding)
            return f(p.passed ? tr("{steps}, score {score}, passed, ends {ending} ({outcome}): "
                                   "{choices}")
                              : tr("{steps}, score {score}, failed, ends {ending} ({outcome}): "
                                   "{choices}"),
                     {{"steps", steps},
                      {"score", score},
                      {"ending", p.ending},
                      {"outcome", p.outcome},
                      {"choices", p.choices}});
        return f(p.passed ? tr("{steps}, score {score}, passed: {choices}")
                          : tr("{steps}, score {score}, failed: {choices}"),
                 {{"steps", steps}, {"score", score}, {"choices", p.choices}});
    };
    // Labels in a column, padded to the widest as a terminal shows them.
    auto column = [](std::vector<std::string> labels) {
        std::size_t width = 0;
        for (const auto& l : labels) width = std::max(width, terminalColumns(l));
        for (auto& l : labels) l += std::string(width - terminalColumns(l), ' ');
        return labels;
    };

    line(a.id + " \u2014 " + a.title);
    line(f(tr("  language {language}, sector {sector}, framework {framework}, pass score {pass}"),
           {{"language", a.language},
            {"sector", a.sector},
            {"framework", a.framework},
            {"pass", n(a.passScore)}}));
    line("");
    line(f(tr("Structure: {nodes}, {replies}, {endings}, {timed}"),
           {{"nodes", count(trn("{n} node", "{n} nodes", ul(a.nodes)), a.nodes)},
            {"replies", count(trn("{n} reply", "{n} replies", ul(a.choices)), a.choices)},
            {"endings", count(trn("{n} ending", "{n} endings", ul(a.endings)), a.endings)},
            {"timed",
             count(trn("{n} timed node", "{n} timed nodes", ul(a.timedNodes)), a.timedNodes)}}));
    if (!a.problem.empty()) {
        line(f(tr("Exact analysis: not possible: {problem}"), {{"problem", a.problem}}));
    } else {
        line(f(tr("Exact analysis over {states} states ({rules} with behaviour-rule states)"),
               {{"states", n(a.states)}, {"rules", n(a.scoringStates)}}));
        if (a.unreachableNodes.empty()) {
            line(tr("Reachability: every node can be reached"));
        } else {
            std::string list;
            for (const auto& u : a.unreachableNodes) list += (list.empty() ? "" : ", ") + u;
            const auto k = a.unreachableNodes.size();
            line(f(trn("Reachability: {n} node cannot be reached: {list}",
                       "Reachability: {n} nodes cannot be reached: {list}", k),
                   {{"n", n(static_cast<long long>(k))}, {"list", list}}));
        }
        line("");
        line(
            tr("Endings, with a shortest way to each (--choices list; t = let the timer run "
               "out):"));
        for (const auto& e : a.endingPaths) {
            if (!e.reachable)
                line(f(tr("  {ending} ({outcome}): cannot be reached"),
                       {{"ending", e.node}, {"outcome", e.outcome}}));
            else
                line("  " + e.node + " (" + e.outcome + "): " + path(e.shortest, false));
        }
        line("");
        line(tr("Scenario score over complete paths (exact):"));
        const auto labels = column({trc("analysis path", "best"), trc("analysis path", "worst"),
                                    trc("analysis path", "poor")});
        line("  " + labels[0] + "  " + path(a.best) +
             (a.bestUnbounded ? std::string("  ") + tr("[a loop earns points]") : ""));
        line("  " + labels[1] + "  " + path(a.worst) +
             (a.worstUnbounded ? std::string("  ") + tr("[a loop loses points each time round]")
                               : ""));
        line("  " + labels[2] + "  " +
             (a.poor.found ? path(a.poor) : std::string(tr("never reaches an ending"))));
        line(std::string(terminalColumns(labels[0]) + 4, ' ') +
             tr("(poor = at every decision the reply worth least at that moment)"));
        const auto extremes =
            column({trc("analysis path", "lowest won"), trc("analysis path", "highest lost")});
        line("  " + extremes[0] + " " +
             (a.lowestWon.found ? path(a.lowestWon) : std::string(tr("no path ends won"))));
        line("  " + extremes[1] + " " +
             (a.highestLost.found ? path(a.highestLost) : std::string(tr("no path ends lost"))));
        line("");
        line(
            tr("Competencies: points earned on a complete path (framework points, unweighted, "
               "rule violations"));
        line(
            tr("included), highest and lowest over all complete paths, with the competency "
               "score on that path."));
        line(
            tr("Opportunities = decision points where some reply (or the timer) gives evidence "
               "for it."));
        for (const auto& c : a.competencies) {
            line(f(c.primary ? tr("  {name} ({id}, weight {weight}, primary): {opportunities}, "
                                  "{cite} it, {earn} points")
                             : tr("  {name} ({id}, weight {weight}): {opportunities}, {cite} it, "
                                  "{earn} points"),
                   {{"name", c.name},
                    {"id", c.id},
                    {"weight", n(c.weight)},
                    {"opportunities",
                     count(trn("{n} opportunity", "{n} opportunities", ul(c.decisionPoints)),
                           c.decisionPoints)},
                    {"cite",
                     count(trn("{n} reply cites", "{n} replies cite", ul(c.replies)), c.replies)},
                    {"earn", count(trn("{n} earns", "{n} earn", ul(c.earningReplies)),
                                   c.earningReplies)}}));
            auto ext = [&](const char* label, const AnalysisPath& p, bool unbounded) {
                if (!p.found) {
                    line(std::string("    ") + label + " " + tr("none"));
                    return;
                }
                const std::string score =
                    p.competencyScore ? oneDecimal(*p.competencyScore) : tr("not assessed");
                line(std::string("    ") + label + " " +
                     f(unbounded ? tr("{points} points (competency score {score}) [a loop "
                                      "changes it each time round]: {choices}")
                                 : tr("{points} points (competency score {score}): {choices}"),
                       {{"points", n(p.value)}, {"score", score}, {"choices", p.choices}}));
            };
            const auto ends =
                column({trc("competency extreme", "max"), trc("competency extreme", "min")});
            ext(ends[0].c_str(), c.max, c.maxUnbounded);
            ext(ends[1].c_str(), c.min, c.minUnbounded);
        }
        line("");
        line(f(tr("Dominated replies (never better on any competency than a sibling shown with "
                  "them, worse on one): {n}"),
               {{"n", n(static_cast<long long>(a.dominated.size()))}}));
        for (const auto& d : a.dominated)
            line("  " + d.node + ": " + d.choice + " < " + d.by +
                 (d.sameNext ? std::string(" ") + tr("(same next node)") : ""));
    }
    line("");
    if (a.random) {
        const RandomPlayStats& r = *a.random;
        line(f(tr("Random play (sampled: {n} plays, seed {seed}; {rule}):"),
               {{"n", n(r.samples)}, {"seed", std::to_string(r.seed)}, {"rule", tr(kRandomRule)}}));
        line(f(tr("  scenario score: median {median}, quartiles {lower} \u2013 {upper}, min {min}, "
                  "max {max}, mean {mean}"),
               {{"median", oneDecimal(r.median)},
                {"lower", oneDecimal(r.lowerQuartile)},
                {"upper", oneDecimal(r.upperQuartile)},
                {"min", oneDecimal(r.min)},
                {"max", oneDecimal(r.max)},
                {"mean", oneDecimal(r.mean)}}));
        line(
            f(tr("  passed: {passed} of {samples} ({rate})"),
              {{"passed", n(r.passed)}, {"samples", n(r.samples)}, {"rate", percent(r.passRate)}}));
        auto share = [&](int k) { return percent(double(k) / double(r.samples)); };
        line(f(tr("  endings: won {won}, partial {partial}, lost {lost}, escalated {escalated}, "
                  "unfinished {unfinished}"),
               {{"won", share(r.outcomes[0])},
                {"partial", share(r.outcomes[1])},
                {"lost", share(r.outcomes[2])},
                {"escalated", share(r.outcomes[3])},
                {"unfinished", share(r.unfinished)}}));
    } else {
        line(tr("Random play: not run"));
    }
    line("");
    if (!a.testwise.empty()) {
        line(f(tr("Test-wise players (choose by surface cues only, never by meaning; each under "
                  "seeds 0-{last};"),
               {{"last", n(static_cast<long long>(std::size(kTestwiseSeeds)) - 1)}}));
        line(f(tr("worst case = the seed scoring highest; pass score {pass}, warned above "
                  "{warn}):"),
               {{"pass", n(a.passScore)},
                {"warn", oneDecimalOrWhole(double(a.passScore) - kTestwiseMargin)}}));
        std::size_t width = 0;
        for (const auto& t : a.testwise) width = std::max(width, t.player.size());
        for (const auto& t : a.testwise) {
            const TestwisePlay& h = t.plays[t.highest];
            const std::string ending = h.finished
                                           ? f(tr("ends {ending} ({outcome})"),
                                               {{"ending", h.ending}, {"outcome", h.outcome}})
                                           : std::string(tr("no ending"));
            line("  " + t.player + std::string(width - t.player.size(), ' ') + "  " +
                 f(tr("highest {score} (seed {seed}, {ending}), passes under {passed} of {seeds} "
                      "seeds: {choices}"),
                   {{"score", oneDecimal(h.score)},
                    {"seed", std::to_string(h.seed)},
                    {"ending", ending},
                    {"passed", n(t.passedSeeds)},
                    {"seeds", n(static_cast<long long>(t.plays.size()))},
                    {"choices", h.choices}}));
        }
        line("");
    }
    if (a.cues) {
        const CueStatistics& c = *a.cues;
        line(f(tr("Surface cues on the best path ({decisions} with two or more replies; cue "
                  "words: {language}):"),
               {{"decisions",
                 count(trn("{n} decision", "{n} decisions", ul(c.decisions)), c.decisions)},
                {"language", surfaceCuesFor(a.language).language}}));
        line(f(tr("  best reply is the longest: {longest} of {decisions} ({share}); among the two "
                  "longest: {top} of {decisions}"),
               {{"longest", n(c.bestLongest)},
                {"decisions", n(c.decisions)},
                {"share", percent(c.bestLongestShare())},
                {"top", n(c.bestTopTwo)}}));
        line(f(tr("  opens with an acknowledgement or apology: best replies {best} ({bestN} of "
                  "{decisions}), other replies {other} ({otherN} of {others})"),
               {{"best", percent(c.bestAcknowledgementRate())},
                {"bestN", n(c.bestAcknowledgement)},
                {"decisions", n(c.decisions)},
                {"other", percent(c.otherAcknowledgementRate())},
                {"otherN", n(c.otherAcknowledgement)},
                {"others", n(c.otherReplies)}}));
        if (c.objectionDecisions > 0)
            line(f(tr("    at the {objections}: best replies {best} ({bestN} of {decisions}), "
                      "other replies {other} ({otherN} of {others})"),
                   {{"objections", count(trn("{n} objection decision", "{n} objection decisions",
                                             ul(c.objectionDecisions)),
                                         c.objectionDecisions)},
                    {"best", percent(c.objectionBestAcknowledgementRate())},
                    {"bestN", n(c.objectionBestAcknowledgement)},
                    {"decisions", n(c.objectionDecisions)},
                    {"other", percent(c.objectionOtherAcknowledgementRate())},
                    {"otherN", n(c.objectionOtherAcknowledgement)},
                    {"others", n(c.objectionOtherReplies)}}));
        line("");
    }
    if (!a.problem.empty()) {
        // Nothing was scored, so nothing could disagree.
    } else if (a.outcomeMismatches.empty()) {
        line(tr("Endings and scores agree on every path above and every random play"));
        line("");
    } else {
        line(tr("Endings and scores disagree (over the paths above and the random plays):"));
        for (const auto& m : a.outcomeMismatches)
            line("  " + m.kind + ": " +
                 f(m.passed ? tr("{source} ends {ending} ({outcome}), score {score}, passed: "
                                 "{choices}")
                            : tr("{source} ends {ending} ({outcome}), score {score}, failed: "
                                 "{choices}"),
                   {{"source", m.source},
                    {"ending", m.ending},
                    {"outcome", m.outcome},
                    {"score", oneDecimal(m.score)},
                    {"choices", m.choices}}));
        line("");
    }
    if (a.warnings.empty()) {
        line(tr("Warnings: none"));
    } else {
        line(f(tr("Warnings ({n}):"), {{"n", n(static_cast<long long>(a.warnings.size()))}}));
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
