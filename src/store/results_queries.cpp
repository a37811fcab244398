// The read side of the results store: attempts back for resume, replay and HR reports, and the
// HR table. Each call reads inside one transaction, so what it returns comes from one snapshot
// even while another process is journaling.
#include <sqlite3.h>

#include <unordered_map>

#include "store/results_store.hpp"

namespace rapport::store {

using nlohmann::json;

namespace {

json parseStoredJson(const std::string& text) {
    if (text.empty()) return nullptr;
    // Stored by us; a parse failure means the file was edited or damaged.
    json j = json::parse(text, nullptr, false);
    return j.is_discarded() ? json(nullptr) : j;
}

// The filter of attempts(): the WHERE clause is assembled from fixed fragments
// only; every value is bound, never spliced into the SQL text.
struct Where {
    std::string sql;
    std::vector<std::string> texts;  // bound in order, then the integers
    std::vector<std::int64_t> integers;
};

Where buildWhere(const AttemptFilter& f) {
    Where w;
    std::vector<std::string> parts;
    if (!f.trainee.empty()) {
        parts.push_back("t.name = ?");
        w.texts.push_back(f.trainee);
    }
    if (!f.group.empty()) {
        parts.push_back("t.group_name = ?");
        w.texts.push_back(f.group);
    }
    if (!f.scenario.empty()) {
        parts.push_back("a.scenario_id = ?");
        w.texts.push_back(f.scenario);
    }
    if (f.mode) {
        parts.push_back("a.mode = ?");
        w.texts.push_back(attemptModeName(*f.mode));
    }
    if (f.finishedOnly) parts.push_back("a.status = 'finished'");
    if (f.sinceMs) {
        parts.push_back("a.started_at >= ?");
        w.integers.push_back(*f.sinceMs);
    }
    if (f.untilMs) {
        parts.push_back("a.started_at < ?");
        w.integers.push_back(*f.untilMs);
    }
    for (std::size_t i = 0; i < parts.size(); ++i) w.sql += (i ? " AND " : " WHERE ") + parts[i];
    return w;
}

void bindWhere(Statement& s, const Where& w, int first = 1) {
    int i = first;
    for (const auto& t : w.texts) s.bind(i++, t);
    for (auto n : w.integers) s.bind(i++, n);
}

constexpr const char* kAttemptColumns =
    "a.id, a.uid, t.name, t.employee_id, t.group_name, a.scenario_id, a.scenario_version, "
    "a.scenario_title, a.content_hash, a.framework_id, a.framework_version, a.mode, a.started_at, "
    "a.ended_at, a.status, a.step_count, a.ending_node, a.outcome, a.score, a.passed, a.timing, "
    "a.campaign_id, a.campaign_version, a.campaign_run, a.campaign_meeting, a.carried_start, "
    "a.final_state";

// Columns a query selects after kAttemptColumns start at this index.
constexpr int kAfterAttempt = 27;

AttemptRecord readAttempt(const Statement& s) {
    AttemptRecord r;
    r.id = s.integer(0);
    r.uid = s.text(1);
    r.trainee = s.text(2);
    r.employeeId = s.text(3);
    r.group = s.text(4);
    r.scenarioId = s.text(5);
    r.scenarioVersion = s.text(6);
    r.scenarioTitle = s.text(7);
    r.contentHash = s.text(8);
    r.frameworkId = s.text(9);
    r.frameworkVersion = s.text(10);
    r.mode = parseAttemptMode(s.text(11)).value_or(AttemptMode::Practice);
    r.startedAtMs = s.integer(12);
    r.endedAtMs = s.optInteger(13);
    r.status = parseAttemptStatus(s.text(14)).value_or(AttemptStatus::InProgress);
    r.steps = int(s.integer(15));
    r.endingNode = s.text(16);
    r.outcome = s.text(17);
    r.score = s.optReal(18);
    if (auto p = s.optInteger(19)) r.passed = *p != 0;
    r.timing = parseTiming(s.text(20)).value_or(Timing::Standard);  // CHECKed by the schema
    if (!s.isNull(21)) {
        AttemptCampaign c;
        c.id = s.text(21);
        c.version = s.text(22);
        c.run = s.text(23);
        c.meeting = int(s.optInteger(24).value_or(0));
        c.carriedStart = parseStoredJson(s.text(25));
        if (!c.carriedStart.is_object()) c.carriedStart = json::object();
        r.campaign = std::move(c);
    }
    if (!s.isNull(26)) r.finalState = parseStoredJson(s.text(26));
    return r;
}

}  // namespace

std::vector<AttemptRecord> ResultsStore::listIncomplete(const std::string& trainee,
                                                        const std::string& scenarioId) {
    std::string sql =
        std::string("SELECT ") + kAttemptColumns +
        " FROM attempts a JOIN trainees t ON t.id = a.trainee_id "
        "WHERE a.status = 'in_progress' AND t.name = ?1 AND (?2 = '' OR a.scenario_id = ?2) "
        "AND a.campaign_run IS NULL ORDER BY a.started_at DESC, a.id DESC";
    Statement s(db_, sql);
    s.bind(1, trainee).bind(2, scenarioId);
    std::vector<AttemptRecord> out;
    while (s.step()) out.push_back(readAttempt(s));
    return out;
}

std::vector<AttemptRecord> ResultsStore::campaignAttempts(const std::string& trainee,
                                                          const std::string& campaignId) {
    std::string sql = std::string("SELECT ") + kAttemptColumns +
                      " FROM attempts a JOIN trainees t ON t.id = a.trainee_id "
                      "WHERE t.name = ?1 AND a.campaign_id = ?2 "
                      "ORDER BY a.started_at, a.id";
    Statement s(db_, sql);
    s.bind(1, trainee).bind(2, campaignId);
    std::vector<AttemptRecord> out;
    while (s.step()) out.push_back(readAttempt(s));
    return out;
}

StoredAttempt ResultsStore::loadAttempt(std::int64_t attempt) {
    StoredAttempt out;
    // One read transaction, so the attempt and its steps come from the same snapshot even while
    // another process is journaling.
    db_.exec("BEGIN");
    struct EndRead {
        Database& db;
        ~EndRead() { sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr); }
    } endRead{db_};
    {
        std::string sql =
            std::string("SELECT ") + kAttemptColumns +
            ", a.seed, d.report, d.session_state, a.reply_order FROM attempts a JOIN trainees t "
            "ON t.id = a.trainee_id LEFT JOIN attempt_documents d ON d.attempt_id = a.id "
            "WHERE a.id = ?";
        Statement s(db_, sql);
        s.bind(1, attempt);
        if (!s.step())
            throw StoreError(
                "results database " + db_.path() + ": no attempt " + std::to_string(attempt), 0);
        out.record = readAttempt(s);
        out.transcript.seed = static_cast<std::uint64_t>(s.integer(kAfterAttempt));
        out.report = parseStoredJson(s.text(kAfterAttempt + 1));
        out.sessionState = parseStoredJson(s.text(kAfterAttempt + 2));
        out.transcript.replyOrder = parseReplyOrder(s.text(kAfterAttempt + 3))
                                        .value_or(ReplyOrder::Authored);  // CHECKed by the schema
    }
    out.record.competencies = summariseScoreReport(out.report).competencies;
    json t = {{"scenario", out.record.scenarioId},
              {"version", out.record.scenarioVersion},
              {"contentHash", out.record.contentHash},
              {"seed", out.transcript.seed},
              {"replyOrder", replyOrderName(out.transcript.replyOrder)},
              {"timing", timingName(out.record.timing)},
              {"steps", json::array()},
              {"endingNode",
               out.record.endingNode.empty() ? json(nullptr) : json(out.record.endingNode)}};
    Statement st(
        db_, "SELECT step_json, evidence FROM attempt_steps WHERE attempt_id = ? ORDER BY step");
    st.bind(1, attempt);
    while (st.step()) {
        t["steps"].push_back(parseStoredJson(st.text(0)));
        out.evidence.push_back(parseStoredJson(st.text(1)));
    }
    try {
        out.transcript = transcriptFromJson(t);
    } catch (const std::exception& e) {
        throw StoreError("results database " + db_.path() + ": the journal of attempt " +
                             std::to_string(attempt) + " is damaged: " + e.what(),
                         0);
    }
    return out;
}

std::vector<AttemptRecord> ResultsStore::attempts(const AttemptFilter& filter,
                                                  bool withCompetencies) {
    Where w = buildWhere(filter);
    std::vector<AttemptRecord> out;
    db_.exec("BEGIN");
    struct EndRead {
        Database& db;
        ~EndRead() { sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr); }
    } endRead{db_};
    std::unordered_map<std::int64_t, std::size_t> index;
    {
        std::string sql = std::string("SELECT ") + kAttemptColumns +
                          " FROM attempts a JOIN trainees t ON t.id = a.trainee_id" + w.sql +
                          " ORDER BY t.name, a.started_at, a.id";
        Statement s(db_, sql);
        bindWhere(s, w);
        while (s.step()) {
            index.emplace(s.integer(0), out.size());
            out.push_back(readAttempt(s));
        }
    }
    if (!withCompetencies || out.empty()) return out;
    std::string sql =
        "SELECT c.attempt_id, c.competency_id, c.competency_name, c.score, c.level, c.assessed, "
        "c.opportunities, c.confidence FROM competency_scores c JOIN attempts a ON a.id = "
        "c.attempt_id "
        "JOIN trainees t ON t.id = a.trainee_id" +
        w.sql;
    Statement s(db_, sql);
    bindWhere(s, w);
    while (s.step()) {
        auto it = index.find(s.integer(0));
        if (it == index.end()) continue;
        CompetencyResult c;
        c.id = s.text(1);
        c.name = s.text(2);
        c.score = s.optReal(3);
        c.level = s.text(4);
        c.assessed = s.integer(5) != 0;
        c.opportunities = int(s.integer(6));
        c.confidence = s.text(7);
        // Not a column: summariseScoreReport keeps a score exactly for the rated results.
        c.rated = c.assessed && c.score.has_value();
        out[it->second].competencies.push_back(std::move(c));
    }
    return out;
}

std::vector<CompetencyCell> ResultsStore::competencyTable(const AttemptFilter& f) {
    // The competency rows exist only for finished attempts and carry their attempt's trainee,
    // scenario and start, so every filter applies to competency_scores alone, walked through its
    // covering index. What a cell is (mean, best, last…) is core's CompetencyTableFold; the
    // competency_summary rows kept by finishAttempt are not read: their per-scenario sums cannot
    // give the same bits as summing per attempt.
    std::string where = " WHERE c.assessed = 1 AND c.score IS NOT NULL";
    std::vector<std::string> texts;
    std::vector<std::int64_t> integers;
    if (!f.trainee.empty()) {
        where += " AND c.trainee_id IN (SELECT id FROM trainees WHERE name = ?)";
        texts.push_back(f.trainee);
    }
    if (!f.group.empty()) {
        where += " AND c.trainee_id IN (SELECT id FROM trainees WHERE group_name = ?)";
        texts.push_back(f.group);
    }
    if (!f.scenario.empty()) {
        where += " AND c.scenario_id = ?";
        texts.push_back(f.scenario);
    }
    if (f.mode) {
        // The competency rows do not carry the mode; the attempts' primary key answers it.
        where += " AND c.attempt_id IN (SELECT id FROM attempts WHERE mode = ?)";
        texts.push_back(attemptModeName(*f.mode));
    }
    if (f.sinceMs) {
        where += " AND c.started_at >= ?";
        integers.push_back(*f.sinceMs);
    }
    if (f.untilMs) {
        where += " AND c.started_at < ?";
        integers.push_back(*f.untilMs);
    }
    db_.exec("BEGIN");
    struct EndRead {
        Database& db;
        ~EndRead() { sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr); }
    } endRead{db_};
    std::unordered_map<std::int64_t, std::pair<std::string, std::string>> trainees;
    {
        Statement s(db_, "SELECT id, name, group_name FROM trainees");
        while (s.step()) trainees.emplace(s.integer(0), std::pair{s.text(1), s.text(2)});
    }
    Statement s(db_,
                "SELECT c.trainee_id, c.competency_id, c.started_at, c.attempt_id, c.score, "
                "c.competency_name FROM competency_scores c INDEXED BY competency_hr" +
                    where);
    int i = 1;
    for (const auto& t : texts) s.bind(i++, t);
    for (auto n : integers) s.bind(i++, n);
    static const std::pair<std::string, std::string> kUnknown;
    CompetencyTableFold fold;
    while (s.step()) {
        auto it = trainees.find(s.integer(0));
        const auto& [name, group] = it == trainees.end() ? kUnknown : it->second;
        fold.add(name, group, s.text(1), s.text(5), s.real(4), s.integer(2), s.integer(3));
    }
    return fold.cells();
}

}  // namespace rapport::store
