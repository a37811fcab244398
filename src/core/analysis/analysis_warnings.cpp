#include "core/analysis/analysis_warnings.hpp"

#include <string>

#include "core/text/number_format.hpp"

namespace rapport {

namespace {

std::string percent(double rate) { return oneDecimal(rate * 100.0) + " %"; }

}  // namespace

void addAnalysisWarnings(ScenarioAnalysis& a) {
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
            warn("best-fails", "even the best path (" + a.best.choices +
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
            warn("single-reply", c.name + " (" + c.id +
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
    for (const TestwiseResult& t : a.testwise) {
        if (t.plays.empty()) continue;
        // Name a passing seed when there is one, else the seed scoring highest.
        const TestwisePlay* shown = &t.plays[t.highest];
        for (const TestwisePlay& p : t.plays)
            if (p.passed && !shown->passed) shown = &p;
        if (!shown->passed && shown->score <= double(a.passScore) - kTestwiseMargin) continue;
        warn("testwise-near-pass",
             "the test-wise player " + t.player + " (" + t.rule + ") scores " +
                 oneDecimal(shown->score) + (shown->passed ? " and passes" : "") + " under seed " +
                 std::to_string(shown->seed) + " (passes under " + std::to_string(t.passedSeeds) +
                 " of " + std::to_string(t.plays.size()) + " seeds), within " +
                 oneDecimalOrWhole(kTestwiseMargin) + " points of the pass score " +
                 std::to_string(a.passScore) + ": " + shown->choices +
                 "; vary the length, position and phrasing of replies so no cue points to the "
                 "best one");
    }
    for (const OutcomeMismatch& m : a.outcomeMismatches) {
        if (m.kind == "won-failing")
            warn("won-failing", "the " + m.source + " (" + m.choices + ") reaches the won ending " +
                                    m.ending + " with a failing score of " + oneDecimal(m.score) +
                                    ": make the ending follow the conversation, or the score");
        else
            warn("lost-passing", "the " + m.source + " (" + m.choices +
                                     ") reaches the lost ending " + m.ending +
                                     " and passes with a score of " + oneDecimal(m.score) +
                                     ": make the ending follow the conversation, or the score");
    }
    if (a.cues && a.cues->decisions > 0) {
        const CueStatistics& c = *a.cues;
        if (c.bestLongestShare() > kMaxBestLongestShare)
            warn("longest-best", "the best reply is the longest at " +
                                     std::to_string(c.bestLongest) + " of " +
                                     std::to_string(c.decisions) +
                                     " decisions of the best path (more than a third): vary "
                                     "reply lengths so length does not point to it");
        const double gap = c.bestAcknowledgementRate() - c.otherAcknowledgementRate();
        if (gap > kMaxAcknowledgementGap || -gap > kMaxAcknowledgementGap)
            warn("acknowledgement-best",
                 "best replies open with an acknowledgement or apology " +
                     percent(c.bestAcknowledgementRate()) + " of the time, the other replies " +
                     percent(c.otherAcknowledgementRate()) +
                     " (more than 15 points apart): put such openers in weak replies too, or "
                     "leave them out of strong ones");
    }
}

}  // namespace rapport
