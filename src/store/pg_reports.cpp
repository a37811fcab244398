#include "store/pg_reports.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <tuple>

#include "core/play/attempt_mode.hpp"
#include "core/play/reply_order.hpp"
#include "core/play/transcript.hpp"
#include "store/pg_competencies.hpp"
#include "store/pg_hr_cells.hpp"

namespace rapport::store {

namespace {

// The summary when sync wrote one (schema v4), else the whole report: only rows without a
// summary send their report.
constexpr const char* kCompetencyColumns =
    "competencies, CASE WHEN competencies IS NULL THEN report END";

struct Where {
    std::string sql;
    std::vector<PgParam> params;
};

// Fixed fragments only; every value is a parameter.
Where whereOf(const AttemptFilter& f) {
    Where w;
    auto add = [&](const char* column, const char* op, std::string value) {
        w.params.emplace_back(std::move(value));
        w.sql += (w.sql.empty() ? " WHERE " : " AND ") + std::string(column) + op + "$" +
                 std::to_string(w.params.size());
    };
    if (!f.trainee.empty()) add("trainee_name", " = ", f.trainee);
    if (!f.group.empty()) add("group_name", " = ", f.group);
    if (!f.scenario.empty()) add("scenario_id", " = ", f.scenario);
    if (f.sinceMs) add("started_at", " >= ", std::to_string(*f.sinceMs));
    if (f.untilMs) add("started_at", " < ", std::to_string(*f.untilMs));
    if (f.mode) add("mode", " = ", attemptModeName(*f.mode));
    if (f.finishedOnly)
        w.sql += w.sql.empty() ? " WHERE status = 'finished'" : " AND status = 'finished'";
    return w;
}

// REPEATABLE READ: one snapshot, as the desktop reads inside one transaction. Unsorted: the
// server would sort the wide rows twice (for the ids, then for the order), spilling to disk for
// a large group, where sorting here costs a millisecond (bench/bench_sync.cpp).
PgResult readAttempts(PgConnection& c, const std::string& columns, const AttemptFilter& f) {
    const Where w = whereOf(f);
    PgTransaction tx(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    auto r = c.exec("SELECT " + columns + " FROM attempts" + w.sql, w.params);
    tx.commit();
    return r;
}

// The desktop stores competency rows for finished attempts only.
void readCompetencies(const PgResult& r, int row, int col, AttemptRecord& a) {
    if (a.status != AttemptStatus::Finished) return;
    if (!r.isNull(row, col))
        a.competencies = parseCompetencySummary(r.text(row, col));
    else if (!r.isNull(row, col + 1))
        a.competencies = competenciesOfReport(r.text(row, col + 1));
}

// `id` numbers the attempts in start order, ties broken by uid (the text of a uuid orders as
// the uuid does): what the desktop's ids do for its own attempts, and all the HR table needs to
// find each trainee's latest result.
void numberByStart(std::vector<AttemptRecord>& attempts) {
    std::vector<AttemptRecord*> byStart;
    byStart.reserve(attempts.size());
    for (auto& a : attempts) byStart.push_back(&a);
    std::sort(byStart.begin(), byStart.end(), [](const AttemptRecord* x, const AttemptRecord* y) {
        return std::tie(x->startedAtMs, x->uid) < std::tie(y->startedAtMs, y->uid);
    });
    for (std::size_t i = 0; i < byStart.size(); ++i) byStart[i]->id = std::int64_t(i) + 1;
}

// An attempt's own columns, as the desktop's kAttemptColumns: the attempts page and the attempt
// page read them alike; what follows (competencies, or seed and report) starts at column 20.
constexpr const char* kRecordColumns =
    "uid::text, trainee_name, employee_id, group_name, scenario_id, scenario_version, "
    "scenario_title, content_hash, framework_id, framework_version, mode, started_at, "
    "ended_at, status, step_count, coalesce(ending_node, ''), coalesce(outcome, ''), score, "
    "passed, timing";
constexpr int kRecordColumnCount = 20;

AttemptRecord readRecord(const PgResult& r, int i) {
    AttemptRecord a;
    a.uid = r.text(i, 0);
    a.trainee = r.text(i, 1);
    a.employeeId = r.text(i, 2);
    a.group = r.text(i, 3);
    a.scenarioId = r.text(i, 4);
    a.scenarioVersion = r.text(i, 5);
    a.scenarioTitle = r.text(i, 6);
    a.contentHash = r.text(i, 7);
    a.frameworkId = r.text(i, 8);
    a.frameworkVersion = r.text(i, 9);
    a.mode = parseAttemptMode(r.text(i, 10)).value_or(AttemptMode::Practice);
    a.startedAtMs = r.integer(i, 11);
    if (!r.isNull(i, 12)) a.endedAtMs = r.integer(i, 12);
    a.status = parseAttemptStatus(r.text(i, 13)).value_or(AttemptStatus::InProgress);
    a.steps = int(r.integer(i, 14));
    a.endingNode = r.text(i, 15);
    a.outcome = r.text(i, 16);
    // The server prints float8 with full precision (extra_float_digits 1 since PG 12), so
    // strtod gives back the desktop's double exactly.
    if (!r.isNull(i, 17)) a.score = std::strtod(r.text(i, 17).c_str(), nullptr);
    if (!r.isNull(i, 18)) a.passed = r.text(i, 18) == "t";
    a.timing = parseTiming(r.text(i, 19)).value_or(Timing::Standard);
    return a;
}

}  // namespace

std::vector<AttemptRecord> pgAttempts(PgConnection& c, const AttemptFilter& f,
                                      bool withCompetencies) {
    const auto r = readAttempts(
        c,
        std::string(kRecordColumns) + ", " + (withCompetencies ? kCompetencyColumns : "NULL, NULL"),
        f);
    std::vector<AttemptRecord> read;
    read.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        read.push_back(readRecord(r, i));
        readCompetencies(r, i, kRecordColumnCount, read.back());
    }
    numberByStart(read);
    // The desktop's order: the name byte-wise, as SQLite compares it, which std::string's <
    // does and the server's collation may not. Indices are sorted, and each record moved once.
    std::vector<std::size_t> order(read.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const AttemptRecord &a = read[x], &b = read[y];
        return std::tie(a.trainee, a.startedAtMs, a.uid) <
               std::tie(b.trainee, b.startedAtMs, b.uid);
    });
    std::vector<AttemptRecord> out;
    out.reserve(read.size());
    for (std::size_t i : order) out.push_back(std::move(read[i]));
    return out;
}

std::vector<CompetencyCell> pgCompetencyTable(PgConnection& c, const AttemptFilter& filter) {
    return pgTablePage(c, filter, 0, 0).cells;
}

std::vector<CompetencyCell> pgCompetencyTableOfAttempts(PgConnection& c,
                                                        const AttemptFilter& filter) {
    AttemptFilter f = filter;
    f.finishedOnly = true;  // the table counts finished attempts only
    // Only what a cell needs, so a large group sends a fraction of what its attempts page does.
    const auto r = readAttempts(
        c, std::string("uid::text, trainee_name, group_name, started_at, ") + kCompetencyColumns,
        f);
    std::vector<AttemptRecord> read(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        AttemptRecord& a = read[std::size_t(i)];
        a.uid = r.text(i, 0);
        a.trainee = r.text(i, 1);
        a.group = r.text(i, 2);
        a.startedAtMs = r.integer(i, 3);
        a.status = AttemptStatus::Finished;
        readCompetencies(r, i, 4, a);
    }
    numberByStart(read);
    // In start order, so a trainee whose attempts carry two groups gets, as over pgAttempts, the
    // group of their earliest attempt.
    std::sort(read.begin(), read.end(),
              [](const AttemptRecord& x, const AttemptRecord& y) { return x.id < y.id; });
    return buildCompetencyTable(read);
}

StoredAttempt pgLoadAttempt(PgConnection& c, const std::string& uid) {
    using nlohmann::json;
    auto parsed = [](const PgResult& r, int row, int col) {
        if (r.isNull(row, col)) return json(nullptr);
        json j = json::parse(r.text(row, col), nullptr, false);
        return j.is_discarded() ? json(nullptr) : j;
    };
    PgTransaction tx(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    auto a = c.exec(std::string("SELECT ") + kRecordColumns +
                        ", seed, reply_order, report FROM attempts WHERE uid = $1::uuid",
                    {uid});
    // Not found and not readable under row-level security look the same, on purpose.
    if (!a.rows())
        throw PgError("central store: no attempt " + uid + " that this login may read", "", false);
    auto d = c.exec(
        "SELECT step_json, evidence FROM decisions WHERE attempt_uid = $1::uuid ORDER BY step",
        {uid});
    tx.commit();
    StoredAttempt out;
    out.record = readRecord(a, 0);
    AttemptRecord& r = out.record;
    constexpr int n = kRecordColumnCount;
    out.transcript.seed = static_cast<std::uint64_t>(a.integer(0, n));
    out.transcript.replyOrder = parseReplyOrder(a.text(0, n + 1)).value_or(ReplyOrder::Authored);
    out.report = parsed(a, 0, n + 2);
    // As the desktop's loadAttempt: the report's own competencies, every field of them.
    r.competencies = summariseScoreReport(out.report).competencies;
    json t = {{"scenario", r.scenarioId},
              {"version", r.scenarioVersion},
              {"contentHash", r.contentHash},
              {"seed", out.transcript.seed},
              {"replyOrder", replyOrderName(out.transcript.replyOrder)},
              {"timing", timingName(r.timing)},
              {"steps", json::array()},
              {"endingNode", r.endingNode.empty() ? json(nullptr) : json(r.endingNode)}};
    for (int i = 0; i < d.rows(); ++i) {
        t["steps"].push_back(parsed(d, i, 0));
        out.evidence.push_back(parsed(d, i, 1));
    }
    try {
        out.transcript = transcriptFromJson(t);
    } catch (const std::exception& e) {
        throw PgError(
            "central store: the decisions of attempt " + uid + " are damaged: " + e.what(), "",
            false);
    }
    return out;
}

std::optional<ScenarioText> pgScenarioText(PgConnection& c, const std::string& contentHash) {
    auto r = c.exec(
        "SELECT scenario_id, scenario_version, text FROM scenario_texts WHERE content_hash = $1",
        {contentHash});
    if (!r.rows()) return std::nullopt;
    return ScenarioText{contentHash, r.text(0, 0), r.text(0, 1), r.text(0, 2)};
}

}  // namespace rapport::store
