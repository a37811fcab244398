#include "store/results_reader.hpp"

#include "store/pg_db.hpp"
#include "store/pg_reports.hpp"
#include "store/pg_schema.hpp"

namespace rapport::store {

namespace {

class SqliteReader final : public ResultsReader {
public:
    explicit SqliteReader(const std::string& path) : db_(path, readOnly()) {}
    std::vector<CompetencyCell> competencyTable(const AttemptFilter& f) override {
        return db_.competencyTable(f);
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

class CentralReader final : public ResultsReader {
public:
    explicit CentralReader(const std::string& uri) : c_(uri) {
        const int v = pgSchemaVersion(c_);
        if (v != latestPgSchemaVersion())
            throw PgError("central store: the database has " +
                              (v == 0 ? std::string("no Rapport schema")
                                      : "schema version " + std::to_string(v)) +
                              "; an administrator runs 'rapport admin init' on it first",
                          "", false);
    }
    std::vector<CompetencyCell> competencyTable(const AttemptFilter& f) override {
        return pgCompetencyTable(c_, f);
    }
    std::vector<AttemptRecord> attempts(const AttemptFilter& f, bool withCompetencies) override {
        return pgAttempts(c_, f, withCompetencies);
    }
    StoredAttempt loadAttempt(const AttemptRecord& record) override {
        StoredAttempt out = pgLoadAttempt(c_, record.uid);
        out.record.id = record.id;
        return out;
    }
    std::optional<ScenarioText> scenarioText(const std::string& contentHash) override {
        return pgScenarioText(c_, contentHash);
    }

private:
    PgConnection c_;
};

}  // namespace

std::unique_ptr<ResultsReader> openResultsReader(const std::string& target) {
    if (isPostgresUri(target)) return std::make_unique<CentralReader>(target);
    return std::make_unique<SqliteReader>(target);
}

}  // namespace rapport::store
