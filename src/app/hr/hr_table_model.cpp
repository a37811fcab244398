#include "app/hr/hr_table_model.hpp"

#include <algorithm>
#include <map>

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

void sortHrRows(std::vector<HrRow>& rows, const HrSort& sort) {
    using Key = HrSort::Key;
    // Name order first, so equal keys come out alphabetically whatever the previous sort was.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const HrRow& a, const HrRow& b) { return a.trainee < b.trainee; });
    if (sort.key == Key::Trainee) {
        if (sort.descending) std::reverse(rows.begin(), rows.end());
        return;
    }
    std::stable_sort(rows.begin(), rows.end(), [&](const HrRow& a, const HrRow& b) {
        if (sort.key == Key::Group) return sort.descending ? a.group > b.group : a.group < b.group;
        if (sort.key != Key::Competency) {
            auto value = [&](const HrRow& r) -> std::optional<double> {
                if (sort.key == Key::Overall) return r.totals.overall;
                if (sort.key == Key::PassRate) return r.totals.passRate();
                return r.totals.attempts > 0 ? std::optional<double>(r.totals.attempts)
                                             : std::nullopt;
            };
            const auto va = value(a), vb = value(b);
            if (!va || !vb) return va.has_value() && !vb.has_value();  // missing last
            return sort.descending ? *va > *vb : *va < *vb;
        }
        const auto col = std::size_t(sort.column);
        const auto& ca = col < a.cells.size() ? a.cells[col] : std::nullopt;
        const auto& cb = col < b.cells.size() ? b.cells[col] : std::nullopt;
        if (!ca || !cb) return ca.has_value() && !cb.has_value();  // missing last
        return sort.descending ? ca->mean > cb->mean : ca->mean < cb->mean;
    });
}

}  // namespace rapport::app
