#include "core/reports/report_language.hpp"

namespace rapport {

int findLevelByName(const Framework& f, std::string_view stored) {
    if (stored.empty()) return -1;
    for (std::size_t l = 0; l < f.levels.size(); ++l) {
        if (f.levels[l].id == stored || f.levels[l].name == stored) return int(l);
        for (const auto& t : f.translations)
            if (l < t.levelNames.size() && t.levelNames[l] == stored) return int(l);
    }
    return -1;
}

void localiseReportData(ReportData& data, const FrameworkResolver& frameworks,
                        std::string_view lang) {
    localiseAttempts(data.attempts, frameworks, lang);
}

void localiseAttempts(std::vector<AttemptRecord>& attempts, const FrameworkResolver& frameworks,
                      std::string_view lang) {
    if (!frameworks) return;
    for (auto& a : attempts) {
        const Framework* f = frameworks(a.frameworkId);
        if (!f) continue;
        for (auto& c : a.competencies) {
            if (const auto i = f->findCompetency(c.id)) c.name = f->competencyName(*i, lang);
            if (const int l = findLevelByName(*f, c.level); l >= 0) c.level = f->levelName(l, lang);
        }
    }
}

void localiseCompetencyTable(std::vector<CompetencyCell>& cells,
                             const std::vector<const Framework*>& frameworks,
                             std::string_view lang) {
    for (auto& c : cells)
        for (const Framework* f : frameworks)
            if (const auto i = f ? f->findCompetency(c.competencyId) : std::nullopt) {
                c.competencyName = f->competencyName(*i, lang);
                break;
            }
}

}  // namespace rapport
