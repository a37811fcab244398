// The HR pages as printable HTML (issue 20 item 5): the trainee x competency table, a trainee's
// page and a group's page, each a self-contained file for A4 in the reader's language, with the
// same figures as the app's HR screens (group_statistics, buildCompetencyTable). The sections
// are also what the full attempt report (report_html) is made of.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/reports/group_statistics.hpp"
#include "core/reports/report_model.hpp"

namespace rapport {

struct HrPageOptions {
    // The reader's language (BCP 47 / locale name: "en", "ja", "ru_RU"): the report's own words
    // and <html lang>. Texts from scenarios, frameworks and people are shown as stored.
    std::string language = "en";
    std::string title;  // empty: the page's own heading in `language`
};

// The table of every trainee's mean per competency over `data.attempts`.
std::string renderTablePageHtml(const ReportData& data, const HrPageOptions& options = {});
// One trainee page per trainee in `data.attempts` (normally one: the scope's trainee), each on a
// new sheet.
std::string renderTraineePageHtml(const ReportData& data, const HrPageOptions& options = {});
// One group page per group in `data.attempts`, each on a new sheet.
std::string renderGroupPageHtml(const ReportData& data, const HrPageOptions& options = {});

namespace html {

struct CompetencyColumn {
    std::string id, name;
};
// Every competency of the attempts, by id, named as first met.
std::vector<CompetencyColumn> competencyColumns(const std::vector<AttemptRecord>& attempts);

// <section> with the trainee x competency table (a "no attempts" line when there are none).
void tableSection(std::string& out, const std::vector<AttemptRecord>& attempts,
                  std::string_view lang);
// <section class="page"> for one group: distributions per competency and who passed.
void groupSection(std::string& out, const std::string& group, const AttemptRefs& attempts,
                  std::string_view lang);
// <section class="page"> for one trainee (attempts oldest first): bars, trend, attempt rows
// with a column per competency of `columns`.
void traineeSection(std::string& out, const AttemptRefs& attempts,
                    const std::vector<CompetencyColumn>& columns, std::string_view lang);

}  // namespace html

}  // namespace rapport
