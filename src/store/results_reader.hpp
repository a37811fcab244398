// What the HR pages read, from whichever store the desktop uses: its own SQLite file, or the
// central PostgreSQL store (a postgresql:// URI), where HR sees every desktop's synced attempts
// that row-level security grants its login. Both give the same AttemptRecords and the same HR
// table cells for the same attempts, so the pages and every report renderer work on either.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/reports/report_model.hpp"
#include "store/results_store.hpp"
#include "store/scenario_texts.hpp"
#include "store/table_sort.hpp"

namespace rapport::store {

// A trainee's scenario results over the selected attempts (the HR table's overall, pass-rate and
// attempts columns): finished attempts with a score, the passed ones, and their mean score.
struct TraineeTotals {
    int attempts = 0;
    int passed = 0;
    std::optional<double> overall;
};

// The totals of `attempts`, per trainee. The mean adds the scores in the attempts' order, which
// is ResultsStore::attempts()'s (start order within a trainee).
std::map<std::string, TraineeTotals> traineeTotalsOf(const std::vector<AttemptRecord>& attempts);

// One page of the HR table: the trainees `offset`… in the sort's order (name order, byte-wise,
// unless told otherwise), at most `limit` of them (0 = all), so a screen never builds the whole
// company's rows at once. A sort orders the whole table of the filter, then the page is cut.
struct TablePage {
    std::vector<CompetencyCell> cells;            // the page's trainees, by trainee then id
    std::map<std::string, TraineeTotals> totals;  // the page's trainees
    std::vector<std::string> order;               // the page's trainees in the sort's order
    std::size_t trainees = 0;                     // in the whole table, on every page
    std::vector<std::string> groups;              // of the whole table's trainees, sorted
};

// The page of a whole table (`cells` ordered by trainee as competencyTable gives them), its
// trainees ordered by `sort`.
TablePage pageOfTable(std::vector<CompetencyCell> cells,
                      std::map<std::string, TraineeTotals> totals, std::size_t offset,
                      std::size_t limit, const TableSort& sort = {});

class ResultsReader {
public:
    virtual ~ResultsReader() = default;
    // The HR table (trainees x competencies) over the finished attempts of `filter`.
    virtual std::vector<CompetencyCell> competencyTable(const AttemptFilter& filter) = 0;
    // One page of that table with the trainees' totals, over the same attempts, the trainees
    // ordered by `sort` over the whole table.
    virtual TablePage tablePage(const AttemptFilter& filter, std::size_t offset, std::size_t limit,
                                const TableSort& sort) = 0;
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
