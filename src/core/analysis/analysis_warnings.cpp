#include "core/analysis/analysis_warnings.hpp"

#include <string>

#include "core/analysis/testwise_players.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

namespace {

// Figures in the reader's language (a decimal comma in Russian).
std::string num(double v) { return uiNumber(oneDecimal(v)); }
std::string whole(double v) { return uiNumber(oneDecimalOrWhole(v)); }
std::string percent(double rate) { return num(rate * 100.0) + " %"; }
std::string count(long long n) { return std::to_string(n); }

}  // namespace

// The messages are sentences for the trainer, in the interface language (the author workspace
// shows them as they are, `rapport analyze` prints them); `kind` is the stable key.
void addAnalysisWarnings(ScenarioAnalysis& a) {
    auto warn = [&](const char* kind, std::string message) {
        a.warnings.push_back({kind, std::move(message)});
    };
    if (!a.problem.empty()) warn("not-exact", a.problem);
    if (!a.unreachableNodes.empty()) {
        std::string list;
        for (const auto& n : a.unreachableNodes) list += (list.empty() ? "" : ", ") + n;
        const auto n = a.unreachableNodes.size();
        warn("unreachable",
             uiFormat(trn("no play can reach {n} node: {list}; link it or delete it",
                          "no play can reach {n} nodes: {list}; link them or delete them", n),
                      {{"n", count(static_cast<long long>(n))}, {"list", list}}));
    }
    if (a.problem.empty()) {
        if (a.bestUnbounded)
            warn("points-loop", tr("a loop earns points each time round; the best path shown goes "
                                   "round it once at most"));
        if (a.best.found && !a.best.passed)
            warn("best-fails",
                 uiFormat(tr("even the best path ({choices}) does not pass: check the pass score, "
                             "critical indicators and the primary competencies on that path"),
                          {{"choices", a.best.choices}}));
        if (a.poor.found && a.poor.passed)
            warn("poor-passes", uiFormat(tr("the consistently poor path ({choices}) passes: poor "
                                            "replies cost too little; give them negative evidence"),
                                         {{"choices", a.poor.choices}}));
        if (!a.poor.found)
            warn("poor-no-ending",
                 tr("taking the reply worth least at every step never reaches an ending (it runs "
                    "into a loop or a dead end)"));
    }
    for (const CompetencyAnalysis& c : a.competencies) {
        if (c.earningReplies == 1)
            warn("single-reply",
                 uiFormat(tr("{name} ({id}) earns points from a single reply: one pick decides "
                             "it; give it more decision points"),
                          {{"name", c.name}, {"id", c.id}}));
        else if (c.primary && c.earningReplies == 0)
            warn("single-reply",
                 uiFormat(tr("{name} ({id}) is a primary competency but no reply earns points "
                             "for it"),
                          {{"name", c.name}, {"id", c.id}}));
        if (c.primary && c.decisionPoints < 3)
            warn("few-opportunities",
                 uiFormat(trn("{name} ({id}) is a primary competency tested at only {n} decision "
                              "point; its score has low confidence on every path",
                              "{name} ({id}) is a primary competency tested at only {n} decision "
                              "points; its score has low confidence on every path",
                              static_cast<unsigned long>(c.decisionPoints)),
                          {{"name", c.name}, {"id", c.id}, {"n", count(c.decisionPoints)}}));
    }
    if (a.random) {
        const RandomPlayStats& r = *a.random;
        if (r.passRate >= kMaxRandomPassRate)
            warn("random-pass-rate",
                 uiFormat(tr("random play passes {rate} of the time ({passed} of {samples}); "
                             "guessing should pass under 10 %: make wrong replies cost more or "
                             "make the good reply less obvious"),
                          {{"rate", percent(r.passRate)},
                           {"passed", count(r.passed)},
                           {"samples", count(r.samples)}}));
        if (r.median >= double(a.passScore))
            warn("random-median",
                 uiFormat(tr("the median random play scores {median}, at or above the pass "
                             "score {pass}"),
                          {{"median", num(r.median)}, {"pass", count(a.passScore)}}));
    }
    for (const TestwiseResult& t : a.testwise) {
        if (t.plays.empty()) continue;
        // Name a passing seed when there is one, else the seed scoring highest.
        const TestwisePlay* shown = &t.plays[t.highest];
        for (const TestwisePlay& p : t.plays)
            if (p.passed && !shown->passed) shown = &p;
        if (!shown->passed && shown->score <= double(a.passScore) - kTestwiseMargin) continue;
        warn("testwise-near-pass",
             uiFormat(shown->passed
                          ? tr("the test-wise player {player} ({rule}) scores {score} and passes "
                               "under seed {seed} (passes under {passed} of {seeds} seeds), "
                               "within {margin} points of the pass score {pass}: {choices}; vary "
                               "the length, position and phrasing of replies so no cue points to "
                               "the best one")
                          : tr("the test-wise player {player} ({rule}) scores {score} under seed "
                               "{seed} (passes under {passed} of {seeds} seeds), within {margin} "
                               "points of the pass score {pass}: {choices}; vary the length, "
                               "position and phrasing of replies so no cue points to the best "
                               "one"),
                      {{"player", testwisePlayerLabel(t.player)},
                       {"rule", testwiseRuleText(t.rule)},
                       {"score", num(shown->score)},
                       {"seed", std::to_string(shown->seed)},
                       {"passed", count(t.passedSeeds)},
                       {"seeds", count(static_cast<long long>(t.plays.size()))},
                       {"margin", whole(kTestwiseMargin)},
                       {"pass", count(a.passScore)},
                       {"choices", shown->choices}}));
    }
    for (const OutcomeMismatch& m : a.outcomeMismatches) {
        const std::string score = num(m.score);  // outlives the views in args
        const std::initializer_list<UiArg> args = {
            {"source", m.source}, {"choices", m.choices}, {"ending", m.ending}, {"score", score}};
        if (m.kind == "won-failing")
            warn("won-failing",
                 uiFormat(tr("the {source} ({choices}) reaches the won ending {ending} with a "
                             "failing score of {score}: make the ending follow the conversation, "
                             "or the score"),
                          args));
        else
            warn("lost-passing",
                 uiFormat(tr("the {source} ({choices}) reaches the lost ending {ending} and passes "
                             "with a score of {score}: make the ending follow the conversation, "
                             "or the score"),
                          args));
    }
    if (a.cues && a.cues->decisions > 0) {
        const CueStatistics& c = *a.cues;
        if (c.bestLongestShare() > kMaxBestLongestShare)
            warn("longest-best",
                 uiFormat(tr("the best reply is the longest at {longest} of {decisions} decisions "
                             "of the best path (more than a third): vary reply lengths so length "
                             "does not point to it"),
                          {{"longest", count(c.bestLongest)}, {"decisions", count(c.decisions)}}));
        const double gap = c.bestAcknowledgementRate() - c.otherAcknowledgementRate();
        if (gap > kMaxAcknowledgementGap || -gap > kMaxAcknowledgementGap)
            warn("acknowledgement-best",
                 uiFormat(tr("best replies open with an acknowledgement or apology {best} of the "
                             "time, the other replies {others} (more than 15 points apart): put "
                             "such openers in weak replies too, or leave them out of strong ones"),
                          {{"best", percent(c.bestAcknowledgementRate())},
                           {"others", percent(c.otherAcknowledgementRate())}}));
    }
}

}  // namespace rapport
