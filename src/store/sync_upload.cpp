#include "store/sync_upload.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "store/pg_schema.hpp"

namespace rapport::store {

namespace {

PgParam opt(const std::optional<std::string>& s) { return s; }
PgParam num(std::int64_t v) { return std::to_string(v); }
PgParam optNum(const std::optional<std::int64_t>& v) {
    return v ? PgParam(std::to_string(*v)) : std::nullopt;
}
PgParam optReal(const std::optional<double>& v) {
    if (!v) return std::nullopt;
    char buf[32];  // %.17g round-trips every double exactly
    std::snprintf(buf, sizeof buf, "%.17g", *v);
    return std::string(buf);
}
PgParam boolean(bool b) { return std::string(b ? "true" : "false"); }

// An existing row only moves forward: from in progress to more decisions or to an end. A
// re-sent or older copy matches no row of the WHERE and changes nothing.
constexpr const char* kUpsertAttempt = R"sql(
INSERT INTO attempts (uid, trainee_name, employee_id, group_name, scenario_id, scenario_version,
    scenario_title, content_hash, framework_id, framework_version, mode, seed, reply_order,
    started_at, ended_at, status, step_count, ending_node, outcome, score, passed, report)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
    $20, $21, $22)
ON CONFLICT (uid) DO UPDATE SET ended_at = EXCLUDED.ended_at, status = EXCLUDED.status,
    step_count = EXCLUDED.step_count, ending_node = EXCLUDED.ending_node,
    outcome = EXCLUDED.outcome, score = EXCLUDED.score, passed = EXCLUDED.passed,
    report = EXCLUDED.report, updated_at = now()
WHERE attempts.status = 'in_progress'
  AND (EXCLUDED.status <> 'in_progress' OR EXCLUDED.step_count > attempts.step_count)
)sql";

// Decisions go many rows per statement: one round trip per batch rather than per decision is
// what lets one desktop send well over 1,000 attempts a second (bench/bench_sync.cpp).
constexpr int kDecisionColumns = 9;
constexpr std::size_t kDecisionsPerStatement = 500;  // 4,500 parameters, far below 65,535

std::string insertDecisionsSql(std::size_t rows) {
    std::string sql =
        "INSERT INTO decisions (uid, attempt_uid, step, node, choice, timed_out, step_json, "
        "evidence, recorded_at) VALUES ";
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (int c = 1; c <= kDecisionColumns; ++c) {
            sql += "$" + std::to_string(r * kDecisionColumns + std::size_t(c));
            sql += c < kDecisionColumns ? ", " : ")";
        }
    }
    return sql + " ON CONFLICT (uid) DO NOTHING";
}

// Sent only when the server lacks it; the attempt row is already in, so under row-level
// security a trainee sees the version exactly when someone has sent it. DO NOTHING covers
// another desktop sending the same version at the same moment.
bool uploadScenarioText(PgConnection& c, const ScenarioText& t) {
    if (c.exec("SELECT 1 FROM scenario_texts WHERE content_hash = $1", {t.contentHash}).rows())
        return false;
    c.exec(
        "INSERT INTO scenario_texts (content_hash, scenario_id, scenario_version, text) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (content_hash) DO NOTHING",
        {t.contentHash, t.scenarioId, t.scenarioVersion, t.text});
    return true;
}

std::unique_ptr<PgConnection> connectChecked(const std::string& uri) {
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

}  // namespace

namespace {

// One attempt's rows, inside the caller's transaction.
UploadStats uploadRows(PgConnection& c, const OutboxAttempt& a) {
    UploadStats stats;
    c.exec(kUpsertAttempt, {a.uid,
                            a.traineeName,
                            a.employeeId,
                            a.groupName,
                            a.scenarioId,
                            a.scenarioVersion,
                            a.scenarioTitle,
                            a.contentHash,
                            a.frameworkId,
                            a.frameworkVersion,
                            a.mode,
                            num(a.seed),
                            a.replyOrder,
                            num(a.startedAt),
                            optNum(a.endedAt),
                            a.status,
                            num(a.stepCount),
                            opt(a.endingNode),
                            opt(a.outcome),
                            optReal(a.score),
                            a.passed ? boolean(*a.passed) : std::nullopt,
                            opt(a.report)});
    for (std::size_t first = 0; first < a.decisions.size(); first += kDecisionsPerStatement) {
        const std::size_t n = std::min(kDecisionsPerStatement, a.decisions.size() - first);
        std::vector<PgParam> params;
        params.reserve(n * kDecisionColumns);
        for (std::size_t i = first; i < first + n; ++i) {
            const auto& d = a.decisions[i];
            for (PgParam p :
                 {PgParam(d.uid), PgParam(a.uid), num(d.step), PgParam(d.node), PgParam(d.choice),
                  boolean(d.timedOut), PgParam(d.stepJson), PgParam(d.evidence), num(d.recordedAt)})
                params.push_back(std::move(p));
        }
        c.exec(insertDecisionsSql(n), params);
    }
    if (a.scenarioText && uploadScenarioText(c, *a.scenarioText)) {
        stats.scenarioTextSent = true;
        stats.scenarioTextBytes = a.scenarioText->text.size();
    }
    return stats;
}

}  // namespace

UploadStats uploadAttempt(PgConnection& c, const OutboxAttempt& a) {
    PgTransaction tx(c);
    const UploadStats stats = uploadRows(c, a);
    tx.commit();
    return stats;
}

SyncResult syncOutbox(Database& local, const std::string& uri, const SyncOptions& options) {
    SyncResult result;
    std::unique_ptr<PgConnection> conn;
    bool connectedBefore = false;
    int failures = 0;  // consecutive lost connections
    auto backoff = [&] {
        const long ms = std::min<long>(long(options.firstBackoffMs) << std::min(failures, 20),
                                       options.maxBackoffMs);
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        ++failures;
    };
    const std::vector<std::int64_t> pending = pendingAttempts(local);
    // Several attempts per server transaction and per local confirmation: a commit waits for
    // the disk on both sides, and one wait per batch instead of per attempt is most of the
    // throughput (bench/bench_sync.cpp). A batch the server refuses is sent again one attempt
    // at a time, so only the refused item stays behind.
    const std::size_t batchSize = std::size_t(std::max(1, options.batchSize));
    std::size_t singlyUntil = 0;  // after a refused batch, its stretch goes one at a time
    for (std::size_t first = 0; first < pending.size();) {
        std::size_t n = std::min(first < singlyUntil ? 1 : batchSize, pending.size() - first);
        std::vector<OutboxAttempt> batch;
        for (std::size_t i = first; i < first + n; ++i)
            batch.push_back(loadOutboxAttempt(local, pending[i]));
        for (;;) {
            try {
                if (!conn) {
                    conn = connectChecked(uri);
                    if (connectedBefore) ++result.reconnects;
                    connectedBefore = true;
                }
                std::vector<UploadStats> sent;
                {
                    PgTransaction tx(*conn);
                    for (const auto& a : batch) sent.push_back(uploadRows(*conn, a));
                    tx.commit();
                }
                failures = 0;
                Transaction confirm(local);
                for (std::size_t i = 0; i < batch.size(); ++i) {
                    const auto& a = batch[i];
                    confirmSynced(local, a.id, a.stepCount, a.status);
                    if (a.scenarioText) markScenarioTextSent(local, a.contentHash);
                    if (sent[i].scenarioTextSent) {
                        ++result.scenarioTextsSent;
                        result.scenarioTextBytes += sent[i].scenarioTextBytes;
                    }
                }
                confirm.commit();
                for (std::size_t i = 0; i < batch.size(); ++i) {
                    ++result.confirmed;
                    if (options.onConfirmed) options.onConfirmed(result.confirmed);
                }
                first += n;
                break;
            } catch (const PgError& e) {
                if (!e.connectionLost()) {
                    if (!conn) {  // no schema, newer schema: nothing else can go either
                        result.unreachable = true;
                        result.error = e.what();
                        return result;
                    }
                    if (batch.size() > 1) {  // find the refused item: this stretch singly
                        singlyUntil = first + n;
                        n = 1;
                        batch.resize(1);
                        continue;
                    }
                    result.refused.push_back({batch.front().uid, e.what()});
                    first += 1;
                    break;
                }
                conn.reset();
                if (failures >= options.retries) {
                    result.unreachable = true;
                    result.error = e.what();
                    return result;
                }
                backoff();
            }
        }
    }
    return result;
}

}  // namespace rapport::store
