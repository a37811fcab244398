#include "store/pg_hr_cells.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "core/play/attempt_mode.hpp"
#include "store/pg_reports.hpp"

namespace rapport::store {

bool hrCellsAnswer(const AttemptFilter& f) {
    return f.scenario.empty() && !f.sinceMs && !f.untilMs;
}

namespace {

TablePage fromAttempts(PgConnection& c, const AttemptFilter& f, std::size_t offset,
                       std::size_t limit, const TableSort& sort) {
    return pageOfTable(pgCompetencyTableOfAttempts(c, f), traineeTotalsOf(pgAttempts(c, f, false)),
                       offset, limit, sort);
}

double real(const PgResult& r, int row, int col) {
    // Full precision from the server (extra_float_digits 1), so strtod gives the bits back.
    return std::strtod(r.text(row, col).c_str(), nullptr);
}

}  // namespace

TablePage pgTablePage(PgConnection& c, const AttemptFilter& f, std::size_t offset,
                      std::size_t limit, const TableSort& sort) {
    if (!hrCellsAnswer(f)) return fromAttempts(c, f, offset, limit, sort);
    if (!sort.byName()) {
        // The order needs every trainee's figures: the whole table, sorted, then cut.
        TablePage whole = pgTablePage(c, f, 0, 0);
        TablePage page =
            pageOfTable(std::move(whole.cells), std::move(whole.totals), offset, limit, sort);
        page.groups = std::move(whole.groups);
        return page;
    }
    std::vector<PgParam> params{std::string(f.mode ? attemptModeName(*f.mode) : "any")};
    std::string where = " WHERE mode = $1";
    if (!f.group.empty()) {
        params.emplace_back(f.group);
        where += " AND group_name = $" + std::to_string(params.size());
    }
    if (!f.trainee.empty()) {
        params.emplace_back(f.trainee);
        where += " AND trainee_name = $" + std::to_string(params.size());
    }

    TablePage page;
    PgTransaction tx(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // The table's trainees are those with a competency cell (as pivoting the cells makes rows).
    const auto names = c.exec(
        "SELECT DISTINCT trainee_name, group_name FROM hr_cells" + where + " AND item <> 's'",
        params);
    std::set<std::string> trainees, groups;
    for (int i = 0; i < names.rows(); ++i) {
        trainees.insert(names.text(i, 0));
        groups.insert(names.text(i, 1));
    }
    page.trainees = trainees.size();
    page.groups.assign(groups.begin(), groups.end());
    std::vector<std::string> onPage;
    auto from = trainees.begin();
    std::advance(from, std::min(offset, trainees.size()));
    for (auto it = from; it != trainees.end() && (!limit || onPage.size() < limit); ++it)
        onPage.push_back(*it);
    if (onPage.empty()) {
        tx.commit();
        return page;
    }
    params.emplace_back(pgArray(onPage));
    const auto r = c.exec(
        "SELECT trainee_name, group_name, item, attempts, passed, score_sum, best, last_score, "
        "last_name FROM hr_cells" +
            where + " AND trainee_name = ANY($" + std::to_string(params.size()) + "::text[])",
        params);
    tx.commit();

    // A (trainee, item) with one row is that row; with several (groups, logins) the trainee's
    // figures are read from the attempts, since sums kept apart do not add up to the same bits.
    std::map<std::pair<std::string, std::string>, std::vector<int>> rowsOf;
    for (int i = 0; i < r.rows(); ++i) rowsOf[{r.text(i, 0), r.text(i, 2)}].push_back(i);
    std::set<std::string> mixed;
    for (const auto& [key, rows] : rowsOf)
        if (rows.size() > 1) mixed.insert(key.first);
    for (const auto& [key, rows] : rowsOf) {
        const auto& [trainee, item] = key;
        if (mixed.count(trainee)) continue;
        const int i = rows.front();
        const int n = int(r.integer(i, 3));
        if (n <= 0) continue;
        if (item == "s") {
            page.totals[trainee] = {n, int(r.integer(i, 4)), real(r, i, 5) / double(n)};
            continue;
        }
        CompetencyCell cell;
        cell.trainee = trainee;
        cell.group = r.text(i, 1);
        cell.competencyId = item.substr(1);
        cell.competencyName = r.text(i, 8);
        cell.assessedAttempts = n;
        cell.mean = real(r, i, 5) / n;
        cell.best = real(r, i, 6);
        cell.last = real(r, i, 7);
        page.cells.push_back(std::move(cell));
    }
    for (const auto& trainee : mixed) {
        AttemptFilter one = f;
        one.trainee = trainee;
        for (auto& cell : pgCompetencyTableOfAttempts(c, one))
            page.cells.push_back(std::move(cell));
        for (auto& [name, t] : traineeTotalsOf(pgAttempts(c, one, false))) page.totals[name] = t;
    }
    std::sort(page.cells.begin(), page.cells.end(),
              [](const CompetencyCell& a, const CompetencyCell& b) {
                  return std::tie(a.trainee, a.competencyId) < std::tie(b.trainee, b.competencyId);
              });
    page.order = std::move(onPage);
    return page;
}

}  // namespace rapport::store
