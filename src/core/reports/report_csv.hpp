// The CSV export for spreadsheets: one row per attempt, one score column per competency.
// RFC 4180 (CRLF line ends, quoted fields) with formula-injection neutralised (report_escape).
#pragma once

#include <string>

#include "core/reports/report_model.hpp"

namespace rapport {

std::string renderReportCsv(const ReportData& data);

}  // namespace rapport
