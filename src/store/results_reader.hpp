// What the HR pages read, from whichever store the desktop uses: its own SQLite file, or the
// central PostgreSQL store (a postgresql:// URI), where HR sees every desktop's synced attempts
// that row-level security grants its login. Both give the same AttemptRecords and the same HR
// table cells for the same attempts, so the pages and every report renderer work on either.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/reports/report_model.hpp"
#include "store/results_store.hpp"
#include "store/scenario_texts.hpp"

namespace rapport::store {

class ResultsReader {
public:
    virtual ~ResultsReader() = default;
    // The HR table (trainees x competencies) over the finished attempts of `filter`.
    virtual std::vector<CompetencyCell> competencyTable(const AttemptFilter& filter) = 0;
    // As ResultsStore::attempts().
    virtual std::vector<AttemptRecord> attempts(const AttemptFilter& filter,
                                                bool withCompetencies) = 0;
    // The attempt `record` (one of those attempts() returned) with its decisions and report.
    virtual StoredAttempt loadAttempt(const AttemptRecord& record) = 0;
    // The text of the scenario version `contentHash` as it was played, when the store kept it
    // (the desktop at the attempt's start, the central store from sync): what the attempt page
    // shows when that version's file is no longer in the library.
    virtual std::optional<ScenarioText> scenarioText(const std::string& contentHash) = 0;
};

// Opens `target` for reading only: a postgresql:// URI (throws PgError when the server cannot
// be reached or has another schema version), else an SQLite file opened read-only (throws
// StoreError). Never creates anything.
std::unique_ptr<ResultsReader> openResultsReader(const std::string& target);

}  // namespace rapport::store
