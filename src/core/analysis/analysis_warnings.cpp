#include "core/analysis/analysis_warnings.hpp"

#include <string>

#include "core/text/number_format.hpp"

namespace rapport {

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
}

}  // namespace rapport
