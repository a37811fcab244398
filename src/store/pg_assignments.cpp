#include "store/pg_assignments.hpp"

#include <cctype>

namespace rapport::store {

namespace {

PgParam optNum(const std::optional<std::int64_t>& v) {
    return v ? PgParam(std::to_string(*v)) : std::nullopt;
}

constexpr const char* kColumns =
    "uid::text, group_name, trainee_login, trainee_name, scenario_id, due_at, note, assigned_by, "
    "assigned_login, assigned_at, removed_at";

CentralAssignment readRow(const PgResult& r, int i) {
    CentralAssignment c;
    c.uid = r.text(i, 0);
    c.group = r.text(i, 1);
    c.traineeLogin = r.isNull(i, 2) ? "" : r.text(i, 2);
    ScenarioAssignment& a = c.assignment;
    if (r.isNull(i, 3))
        a.group = c.group;
    else
        a.trainee = r.text(i, 3);
    a.scenarioId = r.text(i, 4);
    if (!r.isNull(i, 5)) a.dueAtMs = r.integer(i, 5);
    a.note = r.text(i, 6);
    a.assignedBy = r.text(i, 7);
    c.assignedLogin = r.text(i, 8);
    a.assignedAtMs = r.integer(i, 9);
    if (!r.isNull(i, 10)) c.removedAtMs = r.integer(i, 10);
    return c;
}

}  // namespace

bool isAssignmentUid(const std::string& t) {
    if (t.size() != 36) return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? t[i] != '-' : !std::isxdigit(static_cast<unsigned char>(t[i]))) return false;
    }
    return true;
}

std::string pgAddAssignment(PgConnection& c, const ScenarioAssignment& a) {
    if (a.trainee.empty() == a.group.empty())
        throw std::invalid_argument("an assignment names a trainee or a group, not both");
    if (a.scenarioId.empty()) throw std::invalid_argument("an assignment names a scenario");
    PgTransaction tx(c);
    std::string group = a.group;
    PgParam login, name;
    if (!a.trainee.empty()) {
        // The login reads attempts only in its granted groups (RLS), so this finds exactly the
        // trainees it may assign to.
        auto who = c.exec(
            "SELECT DISTINCT owner_login::text, group_name FROM attempts WHERE trainee_name = $1 "
            "ORDER BY 1, 2",
            {a.trainee});
        if (!who.rows())
            throw AssignmentError("no trainee '" + a.trainee +
                                  "' among the attempts of the groups this login may read; "
                                  "assign to the group instead");
        if (who.rows() > 1)
            throw AssignmentError("'" + a.trainee +
                                  "' names more than one trainee (logins or groups) in the "
                                  "central store; assign to the group instead");
        login = who.text(0, 0);
        name = a.trainee;
        group = who.text(0, 1);
        if (group.empty())
            throw AssignmentError("trainee '" + a.trainee +
                                  "' has no group in the central store, and an assignment "
                                  "is made for a group");
    }
    auto r = c.exec(
        "INSERT INTO assignments (group_name, trainee_login, trainee_name, scenario_id, due_at, "
        "note, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "RETURNING uid::text",
        {group, login, name, a.scenarioId, optNum(a.dueAtMs), a.note, a.assignedBy,
         std::to_string(a.assignedAtMs)});
    const std::string uid = r.text(0, 0);
    tx.commit();
    return uid;
}

std::vector<CentralAssignment> pgListAssignments(PgConnection& c, const std::string& trainee,
                                                 const std::string& group, bool withRemoved) {
    auto r = c.exec(std::string("SELECT ") + kColumns +
                        " FROM assignments WHERE ($3::boolean OR removed_at IS NULL) AND "
                        "(($1::text = '' AND $2::text = '') OR ($1 <> '' AND trainee_name = $1) OR "
                        "($2 <> '' AND trainee_name IS NULL AND group_name = $2)) "
                        "ORDER BY assigned_at, uid",
                    {trainee, group, std::string(withRemoved ? "true" : "false")});
    std::vector<CentralAssignment> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(readRow(r, i));
    return out;
}

std::vector<CentralAssignment> pgAssignmentsFor(PgConnection& c,
                                                const std::vector<std::string>& names,
                                                const std::vector<std::string>& groups) {
    auto r = c.exec(std::string("SELECT ") + kColumns +
                        " FROM assignments WHERE removed_at IS NULL AND (trainee_login = "
                        "current_user OR trainee_name = ANY($1::text[]) OR (trainee_name IS NULL "
                        "AND (group_name = ANY($2::text[]) OR group_name = (SELECT l.group_name "
                        "FROM logins l WHERE l.login = current_user)))) ORDER BY assigned_at, uid",
                    {pgArray(names), pgArray(groups)});
    std::vector<CentralAssignment> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(readRow(r, i));
    return out;
}

bool pgRemoveAssignment(PgConnection& c, const std::string& uid, std::int64_t nowMs) {
    if (!isAssignmentUid(uid)) return false;
    return c.exec(
                "UPDATE assignments SET removed_at = $2, removed_login = current_user "
                "WHERE uid = $1::uuid AND removed_at IS NULL",
                {uid, std::to_string(nowMs)})
               .affected() == 1;
}

}  // namespace rapport::store
