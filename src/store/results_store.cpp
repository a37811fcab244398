// Why synchronous=FULL with WAL: a commit is then durable even on power loss, not only when the
// process is killed (NORMAL already covers a killed process). Rapport commits once per trainee
// decision — seconds apart — so the extra fsync per commit costs nothing a person notices, and
// "nothing a trainee did is lost" holds for the worst case too.
#include "store/results_store.hpp"

#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "store/store_schema.hpp"

namespace rapport::store {

using nlohmann::json;

// Attempt uids are random (UUID version 4): unique across databases, so exports from several
// machines can be merged and xAPI statement ids derived from them never collide.
std::string randomUuid() {
    std::random_device rd;
    std::array<unsigned char, 16> b{};
    for (std::size_t i = 0; i < b.size(); i += 4) {
        unsigned v = rd();
        for (std::size_t k = 0; k < 4; ++k) b[i + k] = static_cast<unsigned char>(v >> (8 * k));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    static const char* hex = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
        s += hex[b[i] >> 4];
        s += hex[b[i] & 15];
    }
    return s;
}

namespace {

// Whether the file system holding `path` accepts writes (statvfs: a read-only mount says no
// whatever the file's permissions, which root would ignore anyway).
bool onWritableMedia(const std::string& path) {
    struct statvfs st {};
    return ::statvfs(path.c_str(), &st) != 0 || (st.f_flag & ST_RDONLY) == 0;
}

// How to open `path`: an existing file is probed read-only first, so a file that is not a
// Rapport database (another program's, a newer Rapport's) is refused before any pragma writes
// to it (the WAL switch rewrites the header).
OpenMode checkBeforeOpening(const std::string& path, const StoreOptions& options) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && !options.readOnly) return OpenMode::ReadWrite;
    if (!exists)
        throw StoreError("results database " + path + ": there is no such file", SQLITE_CANTOPEN);
    int version = 0;
    OpenMode readMode = OpenMode::ReadOnly;
    try {
        Database probe(path, OpenMode::ReadOnly);
        sqlite3_busy_timeout(probe.handle(), options.busyTimeoutMs);
        version = checkIdentity(probe);
    } catch (const StoreError& e) {
        // A WAL database on read-only media: SQLite cannot create the -shm file beside it. With
        // no -wal content there is nothing beyond the main file, so it is read as immutable;
        // with some, reading the main file alone would show an older state, so say so.
        if (!options.readOnly || e.code() != SQLITE_CANTOPEN || onWritableMedia(path)) throw;
        if (std::filesystem::file_size(path + "-wal", ec) > 0 && !ec)
            throw StoreError("results database " + path +
                                 ": on a read-only location with changes still in " + path +
                                 "-wal that cannot be read without writing beside it; copy the "
                                 "database with its -wal file to a writable folder and read "
                                 "the copy",
                             SQLITE_CANTOPEN);
        Database probe(path, OpenMode::Immutable);
        version = checkIdentity(probe);
        readMode = OpenMode::Immutable;
    }
    if (!options.readOnly) return OpenMode::ReadWrite;
    if (version >= latestSchemaVersion()) return readMode;
    if (::access(path.c_str(), W_OK) == 0) return OpenMode::ReadWrite;  // upgraded first
    throw StoreError("results database " + path + ": made by an older Rapport (schema version " +
                         std::to_string(version) +
                         ") and read-only here; open it once where it can be written, so Rapport "
                         "can upgrade it, then read it",
                     SQLITE_READONLY);
}

}  // namespace

ResultsStore::ResultsStore(const std::string& path, const StoreOptions& options)
    : db_(path, checkBeforeOpening(path, options)) {
    sqlite3_busy_timeout(db_.handle(), options.busyTimeoutMs);
    if (options.readOnly && sqlite3_db_readonly(db_.handle(), "main") == 1) return;
    // Reading the schema version first turns "not a database" into a clean error before any
    // pragma tries to write (a file created meanwhile by another process).
    (void)checkIdentity(db_);
    // SQLite answers a journal-mode switch that meets another connection's lock with SQLITE_BUSY
    // at once, without calling the busy handler: two processes creating one new database race
    // here. Retry within the same patience the busy timeout gives every other statement.
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(options.busyTimeoutMs);
    for (;;) {
        try {
            db_.exec("PRAGMA journal_mode = WAL");
            break;
        } catch (const StoreError& e) {
            if (e.code() != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    db_.exec("PRAGMA synchronous = FULL");
    db_.exec("PRAGMA foreign_keys = ON");
    if (options.maxPages) {
        std::string sql = "PRAGMA max_page_count = " + std::to_string(*options.maxPages);
        db_.exec(sql.c_str());
    }
    migrate(db_, options.schemaVersion);
}

int ResultsStore::schemaVersion() { return store::schemaVersion(db_); }

std::string ResultsStore::integrityCheck() {
    Statement s(db_, "PRAGMA integrity_check");
    return s.step() ? s.text(0) : std::string("no answer");
}

std::int64_t ResultsStore::upsertTrainee(const TraineeInfo& t) {
    if (t.name.empty()) throw std::invalid_argument("trainee name must not be empty");
    Transaction tx(db_);
    Statement up(db_,
                 "INSERT INTO trainees (name, employee_id, group_name, created_at) "
                 "VALUES (?1, ?2, ?3, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) "
                 "ON CONFLICT(name) DO UPDATE SET "
                 "employee_id = CASE WHEN ?2 <> '' THEN ?2 ELSE employee_id END, "
                 "group_name = CASE WHEN ?3 <> '' THEN ?3 ELSE group_name END");
    up.bind(1, t.name).bind(2, t.employeeId).bind(3, t.group).run();
    Statement id(db_, "SELECT id FROM trainees WHERE name = ?");
    id.bind(1, t.name);
    if (!id.step())
        throw StoreError("results database " + db_.path() + ": trainee vanished after insert", 0);
    std::int64_t result = id.integer(0);
    tx.commit();
    return result;
}

std::int64_t ResultsStore::beginAttempt(const AttemptStart& a) {
    Transaction tx(db_);
    // A lone attempt names only the columns every schema since v7 has, so tests that make
    // older files through today's code can still write them.
    Statement s(
        db_,
        a.campaign
            ? "INSERT INTO attempts (uid, trainee_id, scenario_id, scenario_version, "
              "scenario_title, content_hash, framework_id, framework_version, mode, seed, "
              "started_at, status, reply_order, timing, campaign_id, campaign_version, "
              "campaign_run, campaign_meeting, carried_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "?, ?, 'in_progress', ?, ?, ?, ?, ?, ?, ?)"
            : "INSERT INTO attempts (uid, trainee_id, scenario_id, scenario_version, "
              "scenario_title, content_hash, framework_id, framework_version, mode, seed, "
              "started_at, status, reply_order, timing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "'in_progress', ?, ?)");
    s.bind(1, randomUuid())
        .bind(2, a.traineeId)
        .bind(3, a.scenarioId)
        .bind(4, a.scenarioVersion)
        .bind(5, a.scenarioTitle)
        .bind(6, a.contentHash)
        .bind(7, a.frameworkId)
        .bind(8, a.frameworkVersion)
        .bind(9, attemptModeName(a.mode))
        .bind(10, static_cast<std::int64_t>(a.seed))
        .bind(11, a.startedAtMs)
        .bind(12, std::string(replyOrderName(a.replyOrder)))
        .bind(13, std::string(timingName(a.timing)));
    if (a.campaign) {
        if (a.campaign->id.empty() || a.campaign->run.empty() || a.campaign->meeting < 0)
            throw std::invalid_argument("beginAttempt: a campaign meeting needs an id and a run");
        s.bind(14, a.campaign->id)
            .bind(15, a.campaign->version)
            .bind(16, a.campaign->run)
            .bind(17, std::int64_t(a.campaign->meeting))
            .bind(18,
                  (a.campaign->carriedStart.is_null() ? json::object() : a.campaign->carriedStart)
                      .dump());
    }
    s.run();
    std::int64_t id = db_.lastInsertRowid();
    tx.commit();
    return id;
}

void ResultsStore::appendStep(std::int64_t attempt, const TranscriptStep& step,
                              const json& evidence, const json& sessionState) {
    Transaction tx(db_);
    Statement check(db_, "SELECT status, step_count FROM attempts WHERE id = ?");
    check.bind(1, attempt);
    if (!check.step())
        throw StoreError("results database: no attempt " + std::to_string(attempt), 0);
    if (check.text(0) != "in_progress")
        throw StoreError("results database: attempt " + std::to_string(attempt) + " is " +
                             check.text(0) + ", not in progress; no step can be added",
                         0);
    if (check.integer(1) + 1 != step.step)
        throw StoreError("results database: attempt " + std::to_string(attempt) + " has " +
                             std::to_string(check.integer(1)) + " steps; step " +
                             std::to_string(step.step) + " does not follow on",
                         0);
    Transcript one;
    one.steps.push_back(step);
    json stepJson = transcriptToJson(one)["steps"][0];
    Statement ins(
        db_,
        "INSERT INTO attempt_steps (attempt_id, step, node, choice, timed_out, step_json, "
        "evidence, recorded_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, "
        "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), ?)");
    ins.bind(1, attempt)
        .bind(2, step.step)
        .bind(3, step.node)
        .bind(4, step.choice)
        .bind(5, step.timedOut ? 1 : 0)
        .bind(6, stepJson.dump())
        .bind(7, (evidence.is_null() ? json::array() : evidence).dump())
        .bind(8, randomUuid())
        .run();
    Statement up(db_, "UPDATE attempts SET step_count = step_count + 1 WHERE id = ?");
    up.bind(1, attempt).run();
    Statement doc(db_,
                  "INSERT INTO attempt_documents (attempt_id, session_state) VALUES (?1, ?2) "
                  "ON CONFLICT(attempt_id) DO UPDATE SET session_state = ?2");
    doc.bind(1, attempt);
    if (sessionState.is_null())
        doc.bindNull(2);
    else
        doc.bind(2, sessionState.dump());
    doc.run();
    tx.commit();
}

void ResultsStore::finishAttempt(std::int64_t attempt, const AttemptEnd& end) {
    ScoreSummary summary = summariseScoreReport(end.report);
    // HR reads "finished" as "scored": a finished row with an empty score looks like a result
    // and is none. An attempt that cannot be scored stays in progress instead.
    if (!summary.score)
        throw StoreError("results database: attempt " + std::to_string(attempt) +
                             " cannot be marked finished without a score report",
                         0);
    Transaction tx(db_);
    Statement up(
        db_, end.finalState.is_null()
                 ? "UPDATE attempts SET status = 'finished', ended_at = ?, ending_node = ?, "
                   "outcome = ?, score = ?, passed = ? WHERE id = ? AND status = 'in_progress'"
                 : "UPDATE attempts SET status = 'finished', ended_at = ?, ending_node = ?, "
                   "outcome = ?, score = ?, passed = ?, final_state = ? WHERE id = ? AND status = "
                   "'in_progress'");
    up.bind(1, end.endedAtMs).bind(2, end.endingNode).bind(3, end.outcome).bind(4, summary.score);
    if (summary.passed)
        up.bind(5, *summary.passed ? 1 : 0);
    else
        up.bindNull(5);
    if (end.finalState.is_null())
        up.bind(6, attempt).run();
    else
        up.bind(6, end.finalState.dump()).bind(7, attempt).run();
    if (db_.changes() != 1)
        throw StoreError("results database: attempt " + std::to_string(attempt) +
                             " is not in progress (already finished, abandoned or missing)",
                         0);
    // The resume state is no longer needed once the attempt is finished.
    Statement doc(
        db_,
        "INSERT INTO attempt_documents (attempt_id, report, session_state) VALUES (?1, ?2, NULL) "
        "ON CONFLICT(attempt_id) DO UPDATE SET report = ?2, session_state = NULL");
    doc.bind(1, attempt);
    if (end.report.is_null())
        doc.bindNull(2);
    else
        doc.bind(2, end.report.dump());
    doc.run();
    Statement ins(
        db_,
        "INSERT INTO competency_scores (attempt_id, competency_id, competency_name, score, "
        "level, assessed, opportunities, confidence, trainee_id, scenario_id, started_at) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, trainee_id, scenario_id, started_at "
        "FROM attempts WHERE id = ?1");
    for (const auto& c : summary.competencies) {
        ins.reset();
        ins.bind(1, attempt)
            .bind(2, c.id)
            .bind(3, c.name)
            .bind(4, c.score)
            .bind(5, c.level)
            .bind(6, c.assessed ? 1 : 0)
            .bind(7, c.opportunities)
            .bind(8, c.confidence);
        ins.run();
    }
    // The HR summary (schema v3), in the same transaction as the rows it summarises. SET
    // expressions read the row as it was before the update, so every CASE compares against the
    // previous latest attempt; (started_at, id) orders attempts as buildCompetencyTable does.
    Statement sum(
        db_,
        "INSERT INTO competency_summary (trainee_id, competency_id, scenario_id, competency_name, "
        "attempts, score_sum, best, last_started_at, last_attempt_id, last_score) "
        "SELECT trainee_id, ?2, scenario_id, ?3, 1, ?4, ?4, started_at, id, ?4 FROM attempts WHERE "
        "id = ?1 "
        "ON CONFLICT (trainee_id, competency_id, scenario_id) DO UPDATE SET "
        "attempts = attempts + 1, score_sum = score_sum + excluded.score_sum, "
        "best = max(best, excluded.best), "
        "competency_name = CASE WHEN (excluded.last_started_at, excluded.last_attempt_id) > "
        "(last_started_at, last_attempt_id) THEN excluded.competency_name ELSE competency_name "
        "END, "
        "last_score = CASE WHEN (excluded.last_started_at, excluded.last_attempt_id) > "
        "(last_started_at, last_attempt_id) THEN excluded.last_score ELSE last_score END, "
        "last_attempt_id = CASE WHEN (excluded.last_started_at, excluded.last_attempt_id) > "
        "(last_started_at, last_attempt_id) THEN excluded.last_attempt_id ELSE last_attempt_id "
        "END, "
        "last_started_at = max(last_started_at, excluded.last_started_at)");
    for (const auto& c : summary.competencies) {
        if (!c.assessed || !c.score) continue;
        sum.reset();
        sum.bind(1, attempt).bind(2, c.id).bind(3, c.name).bind(4, *c.score);
        sum.run();
    }
    tx.commit();
}

void ResultsStore::markAbandoned(std::int64_t attempt, std::int64_t endedAtMs) {
    Transaction tx(db_);
    Statement up(db_,
                 "UPDATE attempts SET status = 'abandoned', ended_at = ? WHERE id = ? AND status = "
                 "'in_progress'");
    up.bind(1, endedAtMs).bind(2, attempt).run();
    if (db_.changes() != 1)
        throw StoreError(
            "results database: attempt " + std::to_string(attempt) + " is not in progress", 0);
    tx.commit();
}

}  // namespace rapport::store
