#include "store/sync_upload.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <set>
#include <thread>

#include "store/pg_competencies.hpp"
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

// A batch of attempts is two statements whatever its size: every column goes as one array
// parameter and unnest() turns them back into rows on the server. Round trips, not rows, were
// what limited one desktop (bench/bench_sync.cpp).
// An existing row only moves forward: from in progress to more decisions or to an end. A
// re-sent or older copy matches no row of the WHERE and changes nothing.
constexpr const char* kUpsertAttempts = R"sql(
INSERT INTO attempts (uid, trainee_name, employee_id, group_name, scenario_id, scenario_version,
    scenario_title, content_hash, framework_id, framework_version, mode, seed, reply_order,
    started_at, ended_at, status, step_count, ending_node, outcome, score, passed, report,
    competencies, timing, campaign_id, campaign_version, campaign_run, campaign_meeting,
    carried_start, final_state)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
    $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::text[],
    $14::bigint[], $15::bigint[], $16::text[], $17::integer[], $18::text[], $19::text[],
    $20::double precision[], $21::boolean[], $22::text[], $23::text[], $24::text[],
    $25::text[], $26::text[], $27::uuid[], $28::integer[], $29::text[], $30::text[])
ON CONFLICT (uid) DO UPDATE SET ended_at = EXCLUDED.ended_at, status = EXCLUDED.status,
    step_count = EXCLUDED.step_count, ending_node = EXCLUDED.ending_node,
    outcome = EXCLUDED.outcome, score = EXCLUDED.score, passed = EXCLUDED.passed,
    report = EXCLUDED.report, competencies = EXCLUDED.competencies,
    final_state = EXCLUDED.final_state, updated_at = now()
WHERE attempts.status = 'in_progress'
  AND (EXCLUDED.status <> 'in_progress' OR EXCLUDED.step_count > attempts.step_count)
)sql";
constexpr int kAttemptColumns = 30;

constexpr const char* kInsertDecisions = R"sql(
INSERT INTO decisions (uid, attempt_uid, step, node, choice, timed_out, step_json, evidence,
    recorded_at)
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::integer[], $4::text[], $5::text[],
    $6::boolean[], $7::text[], $8::text[], $9::bigint[])
ON CONFLICT (uid) DO NOTHING
)sql";
constexpr int kDecisionColumns = 9;
// Decisions per statement: bounds one message's size (a step's JSON is a few kilobytes).
constexpr std::size_t kDecisionsPerStatement = 5000;

// Column-wise values of many rows, sent as one array parameter per column.
struct Columns {
    explicit Columns(int n) : values(std::size_t(n)) {}
    std::vector<std::vector<PgParam>> values;
    void row(std::initializer_list<PgParam> cells) {
        std::size_t i = 0;
        for (const auto& c : cells) values[i++].push_back(c);
    }
    std::vector<PgParam> params() const {
        std::vector<PgParam> out;
        for (const auto& v : values) out.emplace_back(pgArray(v));
        return out;
    }
    bool empty() const { return values.front().empty(); }
};

// The texts of `batch`'s versions the server lacks, each sent once. The attempt rows are
// already in, so under row-level security a trainee sees the version exactly when someone has
// sent it. DO NOTHING covers another desktop sending the same version at the same moment.
std::vector<UploadStats> uploadScenarioTexts(PgConnection& c,
                                             const std::vector<OutboxAttempt>& batch) {
    std::vector<UploadStats> stats(batch.size());
    std::vector<std::string> hashes;
    for (const auto& a : batch)
        if (a.scenarioText &&
            std::find(hashes.begin(), hashes.end(), a.scenarioText->contentHash) == hashes.end())
            hashes.push_back(a.scenarioText->contentHash);
    if (hashes.empty()) return stats;
    auto have = c.exec("SELECT content_hash FROM scenario_texts WHERE content_hash = ANY($1)",
                       {pgArray(hashes)});
    std::set<std::string> sent;
    for (int i = 0; i < have.rows(); ++i) sent.insert(have.text(i, 0));
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto& t = batch[i].scenarioText;
        if (!t || !sent.insert(t->contentHash).second) continue;
        c.exec(
            "INSERT INTO scenario_texts (content_hash, scenario_id, scenario_version, text) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT (content_hash) DO NOTHING",
            {t->contentHash, t->scenarioId, t->scenarioVersion, t->text});
        stats[i].scenarioTextSent = true;
        stats[i].scenarioTextBytes = t->text.size();
    }
    return stats;
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

// `batch`'s rows, inside the caller's transaction.
std::vector<UploadStats> uploadRows(PgConnection& c, const std::vector<OutboxAttempt>& batch) {
    Columns attempts(kAttemptColumns);
    Columns decisions(kDecisionColumns);
    auto flushDecisions = [&] {
        if (!decisions.empty()) c.exec(kInsertDecisions, decisions.params());
        decisions = Columns(kDecisionColumns);
    };
    for (const auto& a : batch) {
        // HR's pages read this instead of the report (schema v4, pg_competencies.hpp).
        const std::optional<std::string> summary =
            a.status == "finished" && a.report ? competencySummaryText(*a.report) : std::nullopt;
        attempts.row({a.uid,
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
                      opt(a.report),
                      summary,
                      a.timing,
                      opt(a.campaignId),
                      opt(a.campaignVersion),
                      opt(a.campaignRun),
                      optNum(a.campaignMeeting),
                      opt(a.carriedStart),
                      opt(a.finalState)});
    }
    c.exec(kUpsertAttempts, attempts.params());
    std::size_t rows = 0;
    for (const auto& a : batch)
        for (const auto& d : a.decisions) {
            decisions.row({d.uid, a.uid, num(d.step), d.node, d.choice, boolean(d.timedOut),
                           d.stepJson, d.evidence, num(d.recordedAt)});
            if (++rows % kDecisionsPerStatement == 0) flushDecisions();
        }
    flushDecisions();
    return uploadScenarioTexts(c, batch);
}

}  // namespace

UploadStats uploadAttempt(PgConnection& c, const OutboxAttempt& a) {
    PgTransaction tx(c);
    const UploadStats stats = uploadRows(c, {a}).front();
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
                    sent = uploadRows(*conn, batch);
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
