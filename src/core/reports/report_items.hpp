// `rapport report --format items|items-json`: the item analysis, reliability, test-retest and
// norms of the selected attempts, each computed per mode (practice and exam apart, never mixed).
// The store (or the central one) turns attempts into AttemptResponses; everything from there is
// core/statistics, so every front end shows the same figures.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/reports/report_csv.hpp"
#include "core/reports/report_model.hpp"
#include "core/statistics/item_analysis.hpp"
#include "core/statistics/reliability.hpp"
#include "core/statistics/score_norms.hpp"
#include "core/statistics/test_retest.hpp"

namespace rapport {

struct ModeStatistics {
    AttemptMode mode = AttemptMode::Practice;
    int attempts = 0;
    std::vector<ItemStatistics> items;
    std::vector<CompetencyReliability> reliability;
    std::vector<TestRetest> retest;  // exam only: practice sittings are not a retest
    std::vector<ScoreNorm> norms;
};

struct ItemReport {
    ReportScope scope;
    std::int64_t generatedAtMs = 0;
    std::vector<ModeStatistics> modes;  // practice first, then exam; only modes asked for
    int skippedAttempts = 0;  // attempts whose scenario could not be found to score the replies
};

// The statistics of `attempts` for `mode` (absent = practice and exam, each on its own).
std::vector<ModeStatistics> statisticsByMode(const std::vector<AttemptResponses>& attempts,
                                             std::optional<AttemptMode> mode);

// One row per (mode, scenario, decision, reply), item figures repeated on each reply's row so a
// spreadsheet filter keeps them; empty cells for "not computable". Same BOM and escaping rules as
// the attempts CSV (report_csv, report_escape).
std::string renderItemsCsv(const ItemReport& report, const CsvOptions& options = {});

// Everything: {"generatedAt","scope","skippedAttempts","modes":[{"mode","attempts","items",
// "reliability","testRetest","norms"}]}; absent figures are null, never NaN.
nlohmann::json renderItemsJson(const ItemReport& report);

}  // namespace rapport
