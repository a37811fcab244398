#include "store/table_sort.hpp"

#include <algorithm>

#include "store/results_reader.hpp"

namespace rapport::store {

TableSortValue tableSortValue(std::string_view trainee, std::string_view group,
                              const TraineeTotals* totals, std::optional<double> competencyMean,
                              const TableSort& sort) {
    TableSortValue v{trainee, group, std::nullopt};
    using Key = TableSort::Key;
    const bool scored = totals && totals->attempts > 0;
    switch (sort.key) {
        case Key::Trainee:
        case Key::Group:
            break;
        case Key::Overall:
            v.value = scored ? totals->overall : std::nullopt;
            break;
        case Key::PassRate:
            if (scored) v.value = 100.0 * double(totals->passed) / double(totals->attempts);
            break;
        case Key::Attempts:
            if (scored) v.value = double(totals->attempts);
            break;
        case Key::Competency:
            v.value = competencyMean;
            break;
    }
    return v;
}

bool sortsBefore(const TableSortValue& a, const TableSortValue& b, const TableSort& sort) {
    using Key = TableSort::Key;
    if (sort.key == Key::Trainee)
        return sort.descending ? a.trainee > b.trainee : a.trainee < b.trainee;
    if (sort.key == Key::Group) {
        if (a.group != b.group) return sort.descending ? a.group > b.group : a.group < b.group;
    } else if (a.value.has_value() != b.value.has_value()) {
        return a.value.has_value();  // missing last
    } else if (a.value && *a.value != *b.value) {
        return sort.descending ? *a.value > *b.value : *a.value < *b.value;
    }
    return a.trainee < b.trainee;
}

std::vector<std::string> sortedTrainees(const std::vector<CompetencyCell>& cells,
                                        const std::map<std::string, TraineeTotals>& totals,
                                        const TableSort& sort) {
    struct Row {
        std::string trainee, group;
        std::optional<double> mean;
    };
    std::vector<Row> rows;
    for (const auto& c : cells) {
        if (rows.empty() || rows.back().trainee != c.trainee)
            rows.push_back({c.trainee, c.group, {}});
        if (sort.key == TableSort::Key::Competency && c.competencyId == sort.competencyId)
            rows.back().mean = c.mean;
    }
    std::vector<TableSortValue> values;
    values.reserve(rows.size());
    for (const auto& r : rows) {
        const auto it = totals.find(r.trainee);
        values.push_back(tableSortValue(r.trainee, r.group,
                                        it == totals.end() ? nullptr : &it->second, r.mean, sort));
    }
    std::sort(values.begin(), values.end(), [&](const TableSortValue& a, const TableSortValue& b) {
        return sortsBefore(a, b, sort);
    });
    std::vector<std::string> out;
    out.reserve(values.size());
    for (const auto& v : values) out.emplace_back(v.trainee);
    return out;
}

}  // namespace rapport::store
