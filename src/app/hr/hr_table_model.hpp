// The HR table as the screen shows it: one row per trainee, one column per competency, built from
// the store's cells (trainee x competency) and sorted by any column. Pure data, so tests check
// sorting without a window.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/reports/report_model.hpp"
#include "store/table_sort.hpp"

namespace rapport::app {

struct HrColumn {
    std::string id;
    std::string name;
};

// A trainee's scenario results over the selected attempts: the columns HR reads first.
struct HrTotals {
    int attempts = 0;               // finished attempts with a score
    int passed = 0;                 // of those, passed
    std::optional<double> overall;  // mean scenario score of those; empty without any
    std::optional<double> passRate() const {
        if (attempts == 0) return std::nullopt;
        return 100.0 * double(passed) / double(attempts);
    }
};

struct HrRow {
    std::string trainee;
    std::string group;
    std::vector<std::optional<CompetencyCell>> cells;  // one per column; empty = never assessed
    HrTotals totals;
};

struct HrTable {
    std::vector<HrColumn> columns;  // competencies, ordered by name then id
    std::vector<HrRow> rows;        // trainees, ordered by name
};

HrTable pivotCompetencyTable(const std::vector<CompetencyCell>& cells);

// Per trainee, the totals of their finished, scored attempts (unfinished ones do not count).
std::map<std::string, HrTotals> traineeTotals(const std::vector<AttemptRecord>& attempts);
// Puts `totals` into the table's rows (a trainee without an entry keeps empty totals).
void addTotals(HrTable& table, const std::map<std::string, HrTotals>& totals);

// Which column a sort uses: the trainee's name, the group, or a competency's mean (by index
// into HrTable::columns).
struct HrSort {
    using Key = store::TableSort::Key;
    Key key = Key::Trainee;
    int column = 0;
    bool descending = false;
};

// The store's sort for `sort` over `table`'s columns (a competency by its id, so the sort means
// the same column on every page).
store::TableSort storeSort(const HrTable& table, const HrSort& sort);

// Sorts the rows by store::sortsBefore (the stores' rule): rows without a value go last in
// both directions; ties in trainee-name order.
void sortHrRows(std::vector<HrRow>& rows, const HrSort& sort);

// Puts the rows in `order` (trainee names, as the store's page gives them); rows not named
// keep name order after them.
void orderHrRows(std::vector<HrRow>& rows, const std::vector<std::string>& order);

}  // namespace rapport::app
