#include "app/hr/hr_table_model.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "store/results_reader.hpp"

namespace rapport::app {

HrTable pivotCompetencyTable(const std::vector<CompetencyCell>& cells) {
    HrTable t;
    std::map<std::string, std::string> names;  // competency id -> name
    for (const auto& c : cells) names.emplace(c.competencyId, c.competencyName);
    for (const auto& [id, name] : names) t.columns.push_back({id, name.empty() ? id : name});
    std::stable_sort(t.columns.begin(), t.columns.end(),
                     [](const HrColumn& a, const HrColumn& b) { return a.name < b.name; });
    std::map<std::string, std::size_t> columnOf;
    for (std::size_t i = 0; i < t.columns.size(); ++i) columnOf[t.columns[i].id] = i;

    std::map<std::string, std::size_t> rowOf;
    for (const auto& c : cells) {
        auto [it, inserted] = rowOf.emplace(c.trainee, t.rows.size());
        if (inserted)
            t.rows.push_back({c.trainee,
                              c.group,
                              std::vector<std::optional<CompetencyCell>>(t.columns.size()),
                              {}});
        t.rows[it->second].cells[columnOf[c.competencyId]] = c;
    }
    std::stable_sort(t.rows.begin(), t.rows.end(),
                     [](const HrRow& a, const HrRow& b) { return a.trainee < b.trainee; });
    return t;
}

std::map<std::string, HrTotals> traineeTotals(const std::vector<AttemptRecord>& attempts) {
    std::map<std::string, HrTotals> out;
    std::map<std::string, double> sums;
    for (const auto& a : attempts) {
        if (a.status != AttemptStatus::Finished || !a.score) continue;
        HrTotals& t = out[a.trainee];
        ++t.attempts;
        if (a.passed.value_or(false)) ++t.passed;
        sums[a.trainee] += *a.score;
    }
    for (auto& [trainee, t] : out) t.overall = sums[trainee] / double(t.attempts);
    return out;
}

void addTotals(HrTable& table, const std::map<std::string, HrTotals>& totals) {
    for (auto& row : table.rows)
        if (auto it = totals.find(row.trainee); it != totals.end()) row.totals = it->second;
}

store::TableSort storeSort(const HrTable& table, const HrSort& sort) {
    store::TableSort out;
    out.key = sort.key;
    out.descending = sort.descending;
    if (sort.key == HrSort::Key::Competency && sort.column >= 0 &&
        std::size_t(sort.column) < table.columns.size())
        out.competencyId = table.columns[std::size_t(sort.column)].id;
    return out;
}

void sortHrRows(std::vector<HrRow>& rows, const HrSort& sort) {
    store::TableSort s;
    s.key = sort.key;
    s.descending = sort.descending;
    auto valueOf = [&](const HrRow& r) {
        const auto col = std::size_t(sort.column);
        std::optional<double> mean;
        if (sort.key == HrSort::Key::Competency && col < r.cells.size() && r.cells[col])
            mean = r.cells[col]->mean;
        const store::TraineeTotals totals{r.totals.attempts, r.totals.passed, r.totals.overall};
        return store::tableSortValue(r.trainee, r.group, &totals, mean, s);
    };
    std::sort(rows.begin(), rows.end(), [&](const HrRow& a, const HrRow& b) {
        return store::sortsBefore(valueOf(a), valueOf(b), s);
    });
}

void orderHrRows(std::vector<HrRow>& rows, const std::vector<std::string>& order) {
    std::map<std::string_view, std::size_t> rank;
    for (std::size_t i = 0; i < order.size(); ++i) rank.emplace(order[i], i);
    auto rankOf = [&](const HrRow& r) {
        const auto it = rank.find(r.trainee);
        return it == rank.end() ? order.size() : it->second;
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const HrRow& a, const HrRow& b) { return rankOf(a) < rankOf(b); });
}

}  // namespace rapport::app
