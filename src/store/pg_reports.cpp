#include "store/pg_reports.hpp"

#include <cstdlib>
#include <string>

#include "core/play/attempt_mode.hpp"
#include "core/play/reply_order.hpp"
#include "core/play/transcript.hpp"
#include "store/pg_competencies.hpp"

namespace rapport::store {

namespace {

// The summary when sync wrote one (schema v4), else the whole report: only rows without a
// summary send their report.
constexpr const char* kCompetencyColumns =
    "competencies, CASE WHEN competencies IS NULL THEN report END";

}  // namespace

std::vector<AttemptRecord> pgAttempts(PgConnection& c, const AttemptFilter& f,
                                      bool withCompetencies) {
    // Fixed fragments only; every value is a parameter.
    std::string where;
    std::vector<PgParam> params;
    auto add = [&](const char* column, const char* op, std::string value) {
        params.emplace_back(std::move(value));
        where += (where.empty() ? " WHERE " : " AND ") + std::string(column) + op + "$" +
                 std::to_string(params.size());
    };
    if (!f.trainee.empty()) add("trainee_name", " = ", f.trainee);
    if (!f.group.empty()) add("group_name", " = ", f.group);
    if (!f.scenario.empty()) add("scenario_id", " = ", f.scenario);
    if (f.sinceMs) add("started_at", " >= ", std::to_string(*f.sinceMs));
    if (f.untilMs) add("started_at", " < ", std::to_string(*f.untilMs));
    if (f.mode) add("mode", " = ", attemptModeName(*f.mode));
    if (f.finishedOnly)
        where += where.empty() ? " WHERE status = 'finished'" : " AND status = 'finished'";
    // COLLATE "C": SQLite compares names byte-wise, and the server's default collation may not.
    // REPEATABLE READ: one snapshot, as the desktop reads inside one transaction.
    PgTransaction tx(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    auto r = c.exec(
        "SELECT row_number() OVER (ORDER BY started_at, uid), uid::text, trainee_name, "
        "employee_id, group_name, scenario_id, scenario_version, scenario_title, content_hash, "
        "framework_id, framework_version, mode, started_at, ended_at, status, step_count, "
        "coalesce(ending_node, ''), coalesce(outcome, ''), score, passed, " +
            std::string(withCompetencies ? kCompetencyColumns : "NULL, NULL") + " FROM attempts" +
            where + " ORDER BY trainee_name COLLATE \"C\", started_at, uid",
        params);
    tx.commit();
    std::vector<AttemptRecord> out;
    out.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        AttemptRecord a;
        a.id = r.integer(i, 0);
        a.uid = r.text(i, 1);
        a.trainee = r.text(i, 2);
        a.employeeId = r.text(i, 3);
        a.group = r.text(i, 4);
        a.scenarioId = r.text(i, 5);
        a.scenarioVersion = r.text(i, 6);
        a.scenarioTitle = r.text(i, 7);
        a.contentHash = r.text(i, 8);
        a.frameworkId = r.text(i, 9);
        a.frameworkVersion = r.text(i, 10);
        a.mode = parseAttemptMode(r.text(i, 11)).value_or(AttemptMode::Practice);
        a.startedAtMs = r.integer(i, 12);
        if (!r.isNull(i, 13)) a.endedAtMs = r.integer(i, 13);
        a.status = parseAttemptStatus(r.text(i, 14)).value_or(AttemptStatus::InProgress);
        a.steps = int(r.integer(i, 15));
        a.endingNode = r.text(i, 16);
        a.outcome = r.text(i, 17);
        // The server prints float8 with full precision (extra_float_digits 1 since PG 12), so
        // strtod gives back the desktop's double exactly.
        if (!r.isNull(i, 18)) a.score = std::strtod(r.text(i, 18).c_str(), nullptr);
        if (!r.isNull(i, 19)) a.passed = r.text(i, 19) == "t";
        // The desktop stores competency rows for finished attempts only.
        if (a.status == AttemptStatus::Finished) {
            if (!r.isNull(i, 20))
                a.competencies = parseCompetencySummary(r.text(i, 20));
            else if (!r.isNull(i, 21))
                a.competencies = competenciesOfReport(r.text(i, 21));
        }
        out.push_back(std::move(a));
    }
    return out;
}

StoredAttempt pgLoadAttempt(PgConnection& c, const std::string& uid) {
    using nlohmann::json;
    auto parsed = [](const PgResult& r, int row, int col) {
        if (r.isNull(row, col)) return json(nullptr);
        json j = json::parse(r.text(row, col), nullptr, false);
        return j.is_discarded() ? json(nullptr) : j;
    };
    PgTransaction tx(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    auto a = c.exec(
        "SELECT uid::text, trainee_name, employee_id, group_name, scenario_id, scenario_version, "
        "scenario_title, content_hash, framework_id, framework_version, mode, started_at, "
        "ended_at, status, step_count, coalesce(ending_node, ''), coalesce(outcome, ''), score, "
        "passed, seed, reply_order, report FROM attempts WHERE uid = $1::uuid",
        {uid});
    // Not found and not readable under row-level security look the same, on purpose.
    if (!a.rows())
        throw PgError("central store: no attempt " + uid + " that this login may read", "", false);
    auto d = c.exec(
        "SELECT step_json, evidence FROM decisions WHERE attempt_uid = $1::uuid ORDER BY step",
        {uid});
    tx.commit();
    StoredAttempt out;
    AttemptRecord& r = out.record;
    r.uid = a.text(0, 0);
    r.trainee = a.text(0, 1);
    r.employeeId = a.text(0, 2);
    r.group = a.text(0, 3);
    r.scenarioId = a.text(0, 4);
    r.scenarioVersion = a.text(0, 5);
    r.scenarioTitle = a.text(0, 6);
    r.contentHash = a.text(0, 7);
    r.frameworkId = a.text(0, 8);
    r.frameworkVersion = a.text(0, 9);
    r.mode = parseAttemptMode(a.text(0, 10)).value_or(AttemptMode::Practice);
    r.startedAtMs = a.integer(0, 11);
    if (!a.isNull(0, 12)) r.endedAtMs = a.integer(0, 12);
    r.status = parseAttemptStatus(a.text(0, 13)).value_or(AttemptStatus::InProgress);
    r.steps = int(a.integer(0, 14));
    r.endingNode = a.text(0, 15);
    r.outcome = a.text(0, 16);
    if (!a.isNull(0, 17)) r.score = std::strtod(a.text(0, 17).c_str(), nullptr);
    if (!a.isNull(0, 18)) r.passed = a.text(0, 18) == "t";
    out.transcript.seed = static_cast<std::uint64_t>(a.integer(0, 19));
    out.transcript.replyOrder = parseReplyOrder(a.text(0, 20)).value_or(ReplyOrder::Authored);
    out.report = parsed(a, 0, 21);
    // As the desktop's loadAttempt: the report's own competencies, every field of them.
    r.competencies = summariseScoreReport(out.report).competencies;
    json t = {{"scenario", r.scenarioId},
              {"version", r.scenarioVersion},
              {"contentHash", r.contentHash},
              {"seed", out.transcript.seed},
              {"replyOrder", replyOrderName(out.transcript.replyOrder)},
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
