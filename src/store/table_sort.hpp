// How the HR table's trainees sort: the one rule, used by both stores' pages (so a sort orders
// the whole company before a page is cut from it) and by the app's table model.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reports/report_model.hpp"

namespace rapport::store {

struct TraineeTotals;

// The column a table sorts by: the trainee's name, the group, a total column, or the mean of
// the competency `competencyId`.
struct TableSort {
    enum class Key { Trainee, Group, Overall, PassRate, Attempts, Competency };
    Key key = Key::Trainee;
    std::string competencyId;  // for Key::Competency
    bool descending = false;
    bool operator==(const TableSort&) const = default;
    // Name order A→Z: the order the stores page in without reading the whole table.
    bool byName() const { return key == Key::Trainee && !descending; }
};

// What a trainee's row shows in the sorted column: the group for Key::Group, a number for the
// others (empty = no value: never assessed, no scored attempt).
struct TableSortValue {
    std::string_view trainee;
    std::string_view group;
    std::optional<double> value;
};

// The value of `sort`'s column for a trainee with `totals` (null = none) and the mean of the
// sorted competency (empty = never assessed in it).
TableSortValue tableSortValue(std::string_view trainee, std::string_view group,
                              const TraineeTotals* totals, std::optional<double> competencyMean,
                              const TableSort& sort);

// Strict order of rows: by the sorted column in its direction, rows without a value last in
// both directions, equal values in trainee-name order (A→Z; Z→A only when sorting by name).
bool sortsBefore(const TableSortValue& a, const TableSortValue& b, const TableSort& sort);

// The trainees of `cells` (one table: cells grouped by trainee) in `sort`'s order.
std::vector<std::string> sortedTrainees(const std::vector<CompetencyCell>& cells,
                                        const std::map<std::string, TraineeTotals>& totals,
                                        const TableSort& sort);

}  // namespace rapport::store
