// The full report: the table, then every group's and every trainee's page, from the same
// sections as the single HR pages (hr_pages_html), so the two cannot drift apart.
#include "core/reports/report_html.hpp"

#include <algorithm>
#include <map>

#include "core/reports/hr_pages_html.hpp"
#include "core/reports/html_document.hpp"

namespace rapport {

std::string renderReportHtml(const ReportData& data, const HtmlReportOptions& options) {
    const std::string& lang = options.language;
    std::string out;
    out.reserve(4096 + data.attempts.size() * 600);
    html::beginDocument(
        out, options.title, lang,
        html::competencyColumns(data.attempts).size() > html::kPortraitCompetencyColumns);
    html::reportHeader(out, options.title, data.scope, data.attempts.size(), data.generatedAtMs,
                       lang);
    html::tableSection(out, data.attempts, lang);
    if (options.groupPages) {
        std::map<std::string, AttemptRefs> byGroup;
        for (const auto& a : data.attempts) byGroup[a.group].push_back(&a);
        for (const auto& [group, list] : byGroup) html::groupSection(out, group, list, lang);
    }
    if (options.traineePages) {
        const auto comps = html::competencyColumns(data.attempts);
        std::map<std::string, AttemptRefs> byTrainee;
        for (const auto& a : data.attempts) byTrainee[a.trainee].push_back(&a);
        for (auto& [trainee, list] : byTrainee) {
            std::stable_sort(list.begin(), list.end(),
                             [](auto* x, auto* y) { return x->startedAtMs < y->startedAtMs; });
            html::traineeSection(out, list, comps, lang);
        }
    }
    html::endDocument(out);
    return out;
}

}  // namespace rapport
