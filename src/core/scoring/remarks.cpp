#include "core/scoring/remarks.hpp"

#include <algorithm>
#include <vector>

#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text_in.hpp"

namespace rapport {

namespace {

std::string num(std::string_view lang, double v) { return uiNumberIn(lang, oneDecimal(v)); }

// "At step 3 you said “…”: <what the indicator describes>" as one translated sentence.
std::string evidenceSentence(std::string_view lang, const EvidenceItem& e, std::string what) {
    const std::string step = std::to_string(e.step);
    what = lowerFirst(std::move(what));
    if (e.source == "timeout" || e.line.empty())
        return uiFormat(trIn(lang, "At step {step} you let the time run out: {what}"),
                        {{"step", step}, {"what", what}});
    return uiFormat(trIn(lang, "At step {step} you said \u201c{line}\u201d: {what}"),
                    {{"step", step}, {"line", e.line}, {"what", what}});
}

std::string competencyHeader(std::string_view lang, const CompetencyScore& c,
                             const std::string& details) {
    return uiFormat(trIn(lang, "{competency} \u2014 {level} ({score}). {details}"),
                    {{"competency", c.name},
                     {"level", c.levelName},
                     {"score", num(lang, *c.score)},
                     {"details", details}});
}

// The sentence ends with the language's full stop ("." or "。"), added when the framework's
// description did not end with one.
void endSentence(std::string_view lang, std::string& s) {
    // TRANSLATORS: the mark that ends a sentence ("。" in Japanese).
    const std::string_view stop = trcIn(lang, "full stop", ".");
    if (s.size() < stop.size() || s.compare(s.size() - stop.size(), stop.size(), stop) != 0)
        s += stop;
}

const std::string& indicatorText(const Framework& f, const std::string& id, std::string_view lang) {
    return f.indicatorDescription(*f.findIndicator(id), lang);
}

}  // namespace

std::string lowerFirst(std::string s) {
    if (s.empty()) return s;
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 >= 'A' && b0 <= 'Z') {
        s[0] = char(b0 - 'A' + 'a');
    } else if (s.size() >= 2) {
        const auto b1 = static_cast<unsigned char>(s[1]);
        // UTF-8 Cyrillic capitals: А-П (D0 90-9F) -> D0 B0-BF, Р-Я (D0 A0-AF) -> D1 80-8F,
        // Ё (D0 81) -> D1 91.
        if (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0x9F) {
            s[1] = char(b1 + 0x20);
        } else if (b0 == 0xD0 && b1 >= 0xA0 && b1 <= 0xAF) {
            s[0] = char(0xD1);
            s[1] = char(b1 - 0x20);
        } else if (b0 == 0xD0 && b1 == 0x81) {
            s[0] = char(0xD1);
            s[1] = char(0x91);
        }
    }
    return s;
}

bool frameworkCoversReport(const Framework& f, const ScoreReport& r) {
    for (const auto& e : r.critical)
        if (!f.findIndicator(e.indicator)) return false;
    for (const auto& c : r.competencies)
        for (const auto& e : c.evidence)
            if (!f.findIndicator(e.indicator)) return false;
    return !f.levels.empty();
}

// Only rated competencies with evidence on the path are remarked on (a level resting on too
// little evidence, or praise for traps the path never met, would say more than the attempt
// showed); critical errors always are.
void writeRemarks(const Framework& f, ScoreReport& r, std::string_view lang) {
    r.strengths.clear();
    r.developmentAreas.clear();
    const int top = int(f.levels.size()) - 1;
    const int goodLevel = std::max(1, int(f.levels.size()) / 2);  // "proficient" on a 4-level scale
    std::vector<const CompetencyScore*> good, weak;
    for (const auto& c : r.competencies) {
        if (!c.rated || c.critical || c.evidence.empty() || !c.score) continue;
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
        r.strengths.push_back(
            {c.id,
             competencyHeader(
                 lang, c,
                 evidenceSentence(lang, *bestItem, indicatorText(f, bestItem->indicator, lang)))});
    }

    for (const auto& crit : r.critical) {
        const int ind = *f.findIndicator(crit.indicator);
        const int comp = f.indicators[std::size_t(ind)].competency;
        r.developmentAreas.push_back(
            {f.competencies[std::size_t(comp)].id,
             uiFormat(
                 trIn(lang,
                      "{competency} \u2014 critical. {details} A critical error fails "
                      "the attempt however well the rest went."),
                 {{"competency", f.competencyName(comp, lang)},
                  {"details", evidenceSentence(lang, crit, f.indicatorDescription(ind, lang))}})});
    }
    std::stable_sort(weak.begin(), weak.end(),
                     [](const CompetencyScore* a, const CompetencyScore* b) {
                         if (*a->score != *b->score) return *a->score < *b->score;
                         return a->weight > b->weight;
                     });
    for (const CompetencyScore* cp : weak) {
        const CompetencyScore& c = *cp;
        const EvidenceItem* worst = nullptr;
        for (const auto& e : c.evidence)
            if (e.points < 0 && (!worst || e.points < worst->points)) worst = &e;
        std::string details;
        if (worst) {
            std::string what;
            if (worst->source == "rule")
                for (std::size_t i = 0; i < f.rules.size(); ++i)
                    if (f.rules[i].id == worst->rule) what = f.ruleDescription(int(i), lang);
            if (what.empty()) what = indicatorText(f, worst->indicator, lang);
            details = evidenceSentence(lang, *worst, std::move(what));
            endSentence(lang, details);
        } else {
            details = uiFormat(
                trnIn(lang,
                      "Your replies earned {earned} of the {available} point the best "
                      "replies offered.",
                      "Your replies earned {earned} of the {available} points the best replies "
                      "offered.",
                      static_cast<unsigned long>(std::max<std::int64_t>(c.available, 0))),
                {{"earned", std::to_string(c.earned)}, {"available", std::to_string(c.available)}});
        }
        std::string text = competencyHeader(lang, c, details);
        if (c.level < top && !c.nextAnchor.empty())
            text =
                uiFormat(trIn(lang, "{remark} Next level, {level}: {anchor}"),
                         {{"remark", text}, {"level", c.nextLevelName}, {"anchor", c.nextAnchor}});
        r.developmentAreas.push_back({c.id, std::move(text)});
    }
}

std::vector<std::string> passReasons(const Framework& f, const ScoreReport& r,
                                     std::string_view lang) {
    std::vector<std::string> out;
    if (!r.finished) out.push_back(trIn(lang, "the conversation did not reach an ending"));
    if (r.score < double(r.passScore))
        out.push_back(
            uiFormat(trIn(lang, "scenario score {score} is below the pass mark of {pass}"),
                     {{"score", num(lang, r.score)}, {"pass", std::to_string(r.passScore)}}));
    for (const auto& e : r.critical)
        out.push_back(uiFormat(trIn(lang, "critical error at step {step}: {what}"),
                               {{"step", std::to_string(e.step)},
                                {"what", lowerFirst(indicatorText(f, e.indicator, lang))}}));
    const std::string& required = f.levelName(f.levels.size() > 1 ? 1 : 0, lang);
    for (const auto& cs : r.competencies) {
        if (!cs.primary) continue;
        if (!cs.assessed)
            out.push_back(uiFormat(trIn(lang,
                                        "{competency} (a primary competency of this "
                                        "scenario) was not assessed on this path"),
                                   {{"competency", cs.name}}));
        else if (!cs.rated)
            out.push_back(uiFormat(
                trnIn(lang,
                      "{competency} (a primary competency of this scenario) is not rated: too "
                      "little evidence on this path ({count} of the {needed} opportunity a level "
                      "needs)",
                      "{competency} (a primary competency of this scenario) is not rated: too "
                      "little evidence on this path ({count} of the {needed} opportunities a "
                      "level needs)",
                      static_cast<unsigned long>(std::max(f.minOpportunities, 0))),
                {{"competency", cs.name},
                 {"count", std::to_string(cs.opportunities)},
                 {"needed", std::to_string(f.minOpportunities)}}));
        else if (cs.level < 1)
            out.push_back(uiFormat(
                trIn(lang,
                     "{competency} (a primary competency of this "
                     "scenario) is at {level}; it must reach {required} "
                     "or above"),
                {{"competency", cs.name}, {"level", cs.levelName}, {"required", required}}));
    }
    return out;
}

}  // namespace rapport
