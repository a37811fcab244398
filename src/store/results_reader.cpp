#include "store/results_reader.hpp"

#include <algorithm>
#include <set>
#include <type_traits>
#include <utility>

#include "store/pg_db.hpp"
#include "store/pg_hr_cells.hpp"
#include "store/pg_reports.hpp"
#include "store/pg_schema.hpp"

namespace rapport::store {

std::map<std::string, TraineeTotals> traineeTotalsOf(const std::vector<AttemptRecord>& attempts) {
    std::map<std::string, TraineeTotals> out;
    std::map<std::string, double> sums;
    for (const auto& a : attempts) {
        if (a.status != AttemptStatus::Finished || !a.score) continue;
        TraineeTotals& t = out[a.trainee];
        ++t.attempts;
        if (a.passed.value_or(false)) ++t.passed;
        sums[a.trainee] += *a.score;
    }
    for (auto& [trainee, t] : out) t.overall = sums[trainee] / double(t.attempts);
    return out;
}

TablePage pageOfTable(std::vector<CompetencyCell> cells,
                      std::map<std::string, TraineeTotals> totals, std::size_t offset,
                      std::size_t limit, const TableSort& sort) {
    TablePage page;
    std::set<std::string> groups;
    for (const auto& c : cells) groups.insert(c.group);
    page.groups.assign(groups.begin(), groups.end());
    // The whole table's trainees in the sort's order (name order is the cells' own).
    std::vector<std::string> all;
    if (sort.byName()) {
        for (const auto& c : cells)
            if (all.empty() || all.back() != c.trainee) all.push_back(c.trainee);
    } else {
        all = sortedTrainees(cells, totals, sort);
    }
    page.trainees = all.size();
    const std::size_t first = std::min(offset, all.size());
    const std::size_t last = limit ? std::min(all.size(), first + limit) : all.size();
    page.order.assign(all.begin() + std::ptrdiff_t(first), all.begin() + std::ptrdiff_t(last));
    const std::set<std::string> onPage(page.order.begin(), page.order.end());
    for (auto& c : cells) {
        if (!onPage.count(c.trainee)) continue;
        if (auto it = totals.find(c.trainee); it != totals.end())
            page.totals.insert(totals.extract(it));
        page.cells.push_back(std::move(c));
    }
    return page;
}

namespace {

class SqliteReader final : public ResultsReader {
public:
    explicit SqliteReader(const std::string& path) : db_(path, readOnly()) {}
    std::vector<CompetencyCell> competencyTable(const AttemptFilter& f) override {
        return db_.competencyTable(f);
    }
    // The desktop's table is a few hundred milliseconds at most (100,000 attempts,
    // bench/bench_sync.cpp), so it is built whole, sorted and cut here.
    TablePage tablePage(const AttemptFilter& f, std::size_t offset, std::size_t limit,
                        const TableSort& sort) override {
        return pageOfTable(db_.competencyTable(f), traineeTotalsOf(db_.attempts(f, false)), offset,
                           limit, sort);
    }
    std::vector<AttemptRecord> attempts(const AttemptFilter& f, bool withCompetencies) override {
        return db_.attempts(f, withCompetencies);
    }
    StoredAttempt loadAttempt(const AttemptRecord& record) override {
        return db_.loadAttempt(record.id);
    }
    std::optional<ScenarioText> scenarioText(const std::string& contentHash) override {
        return keptScenarioText(db_.database(), contentHash);
    }

private:
    static StoreOptions readOnly() {
        StoreOptions o;
        o.readOnly = true;  // a backup or a read-only share opens too
        return o;
    }
    ResultsStore db_;
};

std::unique_ptr<PgConnection> connectForReading(const std::string& uri) {
    auto c = std::make_unique<PgConnection>(uri);
    const int v = pgSchemaVersion(*c);
    if (v != latestPgSchemaVersion())
        throw PgError("central store: the database has " +
                          (v == 0 ? std::string("no Rapport schema")
                                  : "schema version " + std::to_string(v)) +
                          "; an administrator runs 'rapport admin init' on it first",
                      "", false);
    return c;
}

// One connection for as long as the reader lives (an HR session), not one per page. A
// connection the server or the network broke is opened again once, and the read repeated;
// when that fails too, the error says so.
class CentralReader final : public ResultsReader {
public:
    explicit CentralReader(const std::string& uri) : uri_(uri), c_(connectForReading(uri)) {}
    std::vector<CompetencyCell> competencyTable(const AttemptFilter& f) override {
        return read([&](PgConnection& c) { return pgCompetencyTable(c, f); });
    }
    TablePage tablePage(const AttemptFilter& f, std::size_t offset, std::size_t limit,
                        const TableSort& sort) override {
        return read([&](PgConnection& c) { return pgTablePage(c, f, offset, limit, sort); });
    }
    std::vector<AttemptRecord> attempts(const AttemptFilter& f, bool withCompetencies) override {
        return read([&](PgConnection& c) { return pgAttempts(c, f, withCompetencies); });
    }
    StoredAttempt loadAttempt(const AttemptRecord& record) override {
        StoredAttempt out = read([&](PgConnection& c) { return pgLoadAttempt(c, record.uid); });
        out.record.id = record.id;
        return out;
    }
    std::optional<ScenarioText> scenarioText(const std::string& contentHash) override {
        return read([&](PgConnection& c) { return pgScenarioText(c, contentHash); });
    }

private:
    template <class F>
    std::invoke_result_t<F&, PgConnection&> read(F&& f) {
        if (c_ && c_->ok()) {
            try {
                return f(*c_);
            } catch (const PgError& e) {
                if (!e.connectionLost() && c_->ok()) throw;
            }
        }
        try {
            c_.reset();
            c_ = connectForReading(uri_);
        } catch (const PgError& e) {
            throw PgError(std::string("central store: the connection was lost and could not be "
                                      "opened again: ") +
                              e.what(),
                          e.sqlstate(), e.connectionLost());
        }
        return f(*c_);
    }

    std::string uri_;
    std::unique_ptr<PgConnection> c_;
};

}  // namespace

std::unique_ptr<ResultsReader> openResultsReader(const std::string& target) {
    if (isPostgresUri(target)) return std::make_unique<CentralReader>(target);
    return std::make_unique<SqliteReader>(target);
}

}  // namespace rapport::store
