// Each finished attempt's competency results as the central store keeps them beside its score
// report (schema v4, column attempts.competencies): a compact JSON array made once at upload from
// the report with summariseScoreReport, so HR's reads send and decode a few hundred bytes an
// attempt instead of every full report (bench/bench_sync.cpp, group page).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reports/report_model.hpp"

namespace rapport::store {

// The summary text of a score report's competencies, in competency id order (the order the
// desktop's competency rows come back in); nullopt when `reportJson` is not JSON.
std::optional<std::string> competencySummaryText(std::string_view reportJson);

// The competencies of a summary text made by competencySummaryText. A damaged or unknown text
// gives none rather than failing the whole page.
std::vector<CompetencyResult> parseCompetencySummary(std::string_view summary);

// The competencies read straight from a full score report (rows stored before v4), in the same
// order as parseCompetencySummary gives them.
std::vector<CompetencyResult> competenciesOfReport(std::string_view reportJson);

}  // namespace rapport::store
