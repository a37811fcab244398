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

constexpr const char* kInsertDecision = R"sql(
INSERT INTO decisions (uid, attempt_uid, step, node, choice, timed_out, step_json, evidence,
    recorded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (uid) DO NOTHING
)sql";

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

void uploadAttempt(PgConnection& c, const OutboxAttempt& a) {
    PgTransaction tx(c);
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
    for (const auto& d : a.decisions)
        c.exec(kInsertDecision, {d.uid, a.uid, num(d.step), d.node, d.choice, boolean(d.timedOut),
                                 d.stepJson, d.evidence, num(d.recordedAt)});
    tx.commit();
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
    for (const std::int64_t id : pendingAttempts(local)) {
        const OutboxAttempt a = loadOutboxAttempt(local, id);
        for (;;) {
            try {
                if (!conn) {
                    conn = connectChecked(uri);
                    if (connectedBefore) ++result.reconnects;
                    connectedBefore = true;
                }
                uploadAttempt(*conn, a);
                failures = 0;
                confirmSynced(local, id, a.stepCount, a.status);
                ++result.confirmed;
                if (options.onConfirmed) options.onConfirmed(result.confirmed);
                break;
            } catch (const PgError& e) {
                if (!e.connectionLost()) {
                    if (!conn) {  // no schema, newer schema: nothing else can go either
                        result.unreachable = true;
                        result.error = e.what();
                        return result;
                    }
                    result.refused.push_back({a.uid, e.what()});
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
