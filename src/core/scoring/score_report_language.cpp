#include "core/scoring/score_report_language.hpp"

namespace rapport {

void localiseScoreReport(ScoreReport& report, const Framework& f, std::string_view lang) {
    if (!f.translation(lang)) return;
    const int levels = int(f.levels.size());
    for (auto& cs : report.competencies) {
        const auto c = f.findCompetency(cs.id);
        if (!c) continue;
        cs.name = f.competencyName(*c, lang);
        if (cs.level < 0 || cs.level >= levels) continue;
        cs.levelName = f.levelName(cs.level, lang);
        cs.anchor = f.anchor(*c, cs.level, lang);
        if (cs.level + 1 < levels) {
            cs.nextLevelName = f.levelName(cs.level + 1, lang);
            cs.nextAnchor = f.anchor(*c, cs.level + 1, lang);
        }
    }
    for (auto& r : report.rules)
        for (std::size_t i = 0; i < f.rules.size(); ++i)
            if (f.rules[i].id == r.rule) r.description = f.ruleDescription(int(i), lang);
}

}  // namespace rapport
