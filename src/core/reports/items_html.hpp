// The item analysis and reliability page as printable HTML (issue 20 item 5): per mode (practice
// and exam on separate sheets), per scenario the decisions with their difficulty and
// discrimination (table and chart), every reply's choice rate, then reliability with its
// confidence interval, test-retest and the score norms. The same ItemReport as
// `rapport report --format items-json`, so the two say the same numbers.
#pragma once

#include <string>

#include "core/reports/hr_pages_html.hpp"
#include "core/reports/report_items.hpp"

namespace rapport {

// A figure below kMinTrustworthySample responses is printed in grey italics with a note; one
// that cannot be computed says why, in the reader's language.
std::string renderItemsHtml(const ItemReport& report, const HrPageOptions& options = {});

}  // namespace rapport
