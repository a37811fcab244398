// The printable HTML report for HR: one self-contained file (inline CSS and SVG, no scripts, no
// external resources) with the trainee x competency table, a page per group (distribution per
// competency, who passed) and a page per trainee (competency bars, score trend, attempt history).
#pragma once

#include <string>

#include "core/reports/report_model.hpp"

namespace rapport {

struct HtmlReportOptions {
    std::string title = "Rapport results";
    // BCP 47 tag of the report's own words (headings, labels), for <html lang>: screen readers,
    // hyphenation and fonts follow it. Texts from scenarios keep whatever language they are in.
    std::string language = "en";
    bool groupPages = true;
    bool traineePages = true;
};

// Every text that came from a scenario, framework or trainee is HTML-escaped.
std::string renderReportHtml(const ReportData& data, const HtmlReportOptions& options = {});

}  // namespace rapport
