#include "store/pg_reports.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/play/attempt_mode.hpp"

namespace rapport::store {

std::vector<AttemptRecord> pgAttempts(PgConnection& c, const AttemptFilter& f) {
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
    if (f.finishedOnly)
        where += where.empty() ? " WHERE status = 'finished'" : " AND status = 'finished'";
    // COLLATE "C": SQLite compares names byte-wise, and the server's default collation may not.
    // REPEATABLE READ: one snapshot, as the desktop reads inside one transaction.
    PgTransaction tx(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    auto r = c.exec(
        "SELECT row_number() OVER (ORDER BY started_at, uid), uid::text, trainee_name, "
        "employee_id, group_name, scenario_id, scenario_version, scenario_title, content_hash, "
        "framework_id, framework_version, mode, started_at, ended_at, status, step_count, "
        "coalesce(ending_node, ''), coalesce(outcome, ''), score, passed, report FROM attempts" +
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
        if (a.status == AttemptStatus::Finished && !r.isNull(i, 20)) {
            const auto report = nlohmann::json::parse(r.text(i, 20), nullptr, false);
            if (!report.is_discarded()) a.competencies = summariseScoreReport(report).competencies;
            // The desktop's rows come back in its key order, competency id.
            std::stable_sort(a.competencies.begin(), a.competencies.end(),
                             [](const auto& x, const auto& y) { return x.id < y.id; });
        }
        out.push_back(std::move(a));
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
