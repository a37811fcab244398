#include "store/sync_outbox.hpp"

namespace rapport::store {

namespace {

constexpr const char* kPendingWhere =
    "FROM attempts a LEFT JOIN sync_confirmed c ON c.attempt_id = a.id "
    "WHERE c.attempt_id IS NULL OR c.steps <> a.step_count OR c.status <> a.status";

}  // namespace

std::vector<std::int64_t> pendingAttempts(Database& db) {
    Statement s(db, std::string("SELECT a.id ") + kPendingWhere + " ORDER BY a.id");
    std::vector<std::int64_t> ids;
    while (s.step()) ids.push_back(s.integer(0));
    return ids;
}

PendingCounts pendingCounts(Database& db) {
    Statement s(db, std::string("SELECT coalesce(sum(a.status = 'in_progress'), 0), "
                                "coalesce(sum(a.status <> 'in_progress'), 0), "
                                "coalesce(sum(a.step_count - coalesce(c.steps, 0)), 0) ") +
                        kPendingWhere);
    PendingCounts n;
    if (s.step()) {
        n.inProgress = int(s.integer(0));
        n.ended = int(s.integer(1));
        n.decisions = int(s.integer(2));
    }
    return n;
}

OutboxAttempt loadOutboxAttempt(Database& db, std::int64_t id) {
    Statement s(db,
                "SELECT a.uid, t.name, t.employee_id, t.group_name, a.scenario_id, "
                "a.scenario_version, a.scenario_title, a.content_hash, a.framework_id, "
                "a.framework_version, a.mode, a.reply_order, a.status, a.seed, a.started_at, "
                "a.step_count, a.ended_at, a.ending_node, a.outcome, d.report, a.score, a.passed, "
                "coalesce(c.steps, 0), c.attempt_id IS NULL, a.timing, a.campaign_id, "
                "a.campaign_version, a.campaign_run, a.campaign_meeting, a.carried_start, "
                "a.final_state "
                "FROM attempts a JOIN trainees t ON t.id = a.trainee_id "
                "LEFT JOIN attempt_documents d ON d.attempt_id = a.id "
                "LEFT JOIN sync_confirmed c ON c.attempt_id = a.id WHERE a.id = ?");
    s.bind(1, id);
    if (!s.step()) throw StoreError("results database: no attempt " + std::to_string(id), 0);
    OutboxAttempt a;
    a.id = id;
    a.uid = s.text(0);
    a.traineeName = s.text(1);
    a.employeeId = s.text(2);
    a.groupName = s.text(3);
    a.scenarioId = s.text(4);
    a.scenarioVersion = s.text(5);
    a.scenarioTitle = s.text(6);
    a.contentHash = s.text(7);
    a.frameworkId = s.text(8);
    a.frameworkVersion = s.text(9);
    a.mode = s.text(10);
    a.replyOrder = s.text(11);
    a.status = s.text(12);
    a.seed = s.integer(13);
    a.startedAt = s.integer(14);
    a.stepCount = int(s.integer(15));
    a.endedAt = s.optInteger(16);
    if (!s.isNull(17)) a.endingNode = s.text(17);
    if (!s.isNull(18)) a.outcome = s.text(18);
    if (!s.isNull(19)) a.report = s.text(19);
    a.score = s.optReal(20);
    if (auto p = s.optInteger(21)) a.passed = *p != 0;
    const auto confirmed = s.integer(22);
    const bool neverConfirmed = s.integer(23) != 0;
    a.timing = s.text(24);
    auto optText = [&](int col) -> std::optional<std::string> {
        if (s.isNull(col)) return std::nullopt;
        return s.text(col);
    };
    a.campaignId = optText(25);
    a.campaignVersion = optText(26);
    a.campaignRun = optText(27);
    a.campaignMeeting = s.optInteger(28);
    a.carriedStart = optText(29);
    a.finalState = optText(30);
    Statement d(db,
                "SELECT uid, step, node, choice, timed_out, step_json, evidence, recorded_at "
                "FROM attempt_steps WHERE attempt_id = ? AND step > ? ORDER BY step");
    d.bind(1, id).bind(2, confirmed);
    while (d.step())
        a.decisions.push_back(OutboxDecision{d.text(0), int(d.integer(1)), d.text(2), d.text(3),
                                             d.integer(4) != 0, d.text(5), d.text(6),
                                             d.integer(7)});
    // An attempt the server never confirmed offers its version even when it was sent before:
    // after a restored backup the server may have lost it, and it asks before taking the text.
    a.scenarioText = neverConfirmed ? keptScenarioText(db, a.contentHash)
                                    : unsentScenarioText(db, a.contentHash);
    return a;
}

void confirmSynced(Database& db, std::int64_t id, int steps, const std::string& status) {
    Statement s(db,
                "INSERT INTO sync_confirmed (attempt_id, steps, status, confirmed_at) "
                "VALUES (?1, ?2, ?3, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) "
                "ON CONFLICT(attempt_id) DO UPDATE SET steps = ?2, status = ?3, "
                "confirmed_at = excluded.confirmed_at");
    s.bind(1, id).bind(2, steps).bind(3, status).run();
}

}  // namespace rapport::store
