// The JSON export of HR results: attempts with their competency results, plus the trainee x
// competency table. Keys are documented in docs/hr-reports.md ("format": "rapport-results/1").
#pragma once

#include <nlohmann/json.hpp>

#include "core/reports/report_model.hpp"

namespace rapport {

nlohmann::json renderReportJson(const ReportData& data);

}  // namespace rapport
