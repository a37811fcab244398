#include "core/scoring/remarks.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/text/number_format.hpp"

namespace rapport {

namespace {

std::string quoteLine(const EvidenceItem& e) {
    if (e.source == "timeout" || e.line.empty())
        return "At step " + std::to_string(e.step) + " you let the time run out";
    return "At step " + std::to_string(e.step) + " you said \u201c" + e.line + "\u201d";
}

}  // namespace

std::string lowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = char(s[0] - 'A' + 'a');
    return s;
}

// Plain-words remarks for the trainee: what went well, what to work on. Only rated
// competencies with evidence on the path are remarked on (a level resting on too little
// evidence, or praise for traps the path never met, would say more than the attempt showed);
// critical errors always are.
void writeRemarks(const Framework& f, ScoreReport& r) {
    const int top = int(f.levels.size()) - 1;
    const int goodLevel = std::max(1, int(f.levels.size()) / 2);  // "proficient" on a 4-level scale
    std::vector<const CompetencyScore*> good, weak;
    for (const auto& c : r.competencies) {
        if (!c.rated || c.critical || c.evidence.empty()) continue;
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
    for (std::size_t i = 0; i < good.size() && r.strengths.size() < 3; ++i) {
        const CompetencyScore& c = *good[i];
        const EvidenceItem* bestItem = nullptr;
        for (const auto& e : c.evidence)
            if (e.points > 0 && (!bestItem || e.points > bestItem->points)) bestItem = &e;
        if (!bestItem) continue;  // a strength is something the trainee did, not a trap missed
        const auto ind = f.findIndicator(bestItem->indicator);
        r.strengths.push_back({c.id, c.name + " \u2014 " + c.levelName + " (" +
                                         oneDecimal(*c.score) + "). " + quoteLine(*bestItem) +
                                         ": " +
                                         lowerFirst(f.indicators[std::size_t(*ind)].description)});
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
        std::string text = c.name + " \u2014 " + c.levelName + " (" + oneDecimal(*c.score) + "). ";
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
}

}  // namespace rapport
