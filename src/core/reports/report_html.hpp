// The printable HTML report for HR: one self-contained file (inline CSS and SVG, no scripts, no
// external resources) with the trainee x competency table, a page per group (distribution per
// competency, who passed) and a page per trainee (competency bars, score trend, attempt history).
#pragma once

#include <string>

#include "core/reports/report_model.hpp"

namespace rapport {

struct HtmlReportOptions {
    std::string title = "Rapport results";
    // The reader's language (BCP 47 / locale name): the report's own words (headings, labels,
    // charts) are in it, and it is <html lang>, which screen readers, hyphenation and fonts
    // follow. Texts from scenarios keep whatever language they are in; the title is as given.
    std::string language = "en";
    bool groupPages = true;
    bool traineePages = true;
};

// Every text that came from a scenario, framework or trainee is HTML-escaped.
std::string renderReportHtml(const ReportData& data, const HtmlReportOptions& options = {});

}  // namespace rapport
