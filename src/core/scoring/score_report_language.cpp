#include "core/scoring/score_report_language.hpp"

#include "core/scoring/remarks.hpp"
#include "core/translation/interface_language.hpp"

namespace rapport {

namespace {

void renameInto(ScoreReport& report, const Framework& f, std::string_view lang) {
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

}  // namespace

void localiseScoreReport(ScoreReport& report, const Framework& f, std::string_view lang) {
    // English is what the scorer stored: nothing to rewrite, so a stored report shows unchanged.
    if (languageOfLocaleName(lang) == "en") return;
    if (f.translation(lang)) renameInto(report, f, lang);
    if (!frameworkCoversReport(f, report)) return;
    writeRemarks(f, report, lang);
    if (!report.passed)
        if (auto reasons = passReasons(f, report, lang); !reasons.empty())
            report.reasons = std::move(reasons);
}

}  // namespace rapport
