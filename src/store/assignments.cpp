#include "store/assignments.hpp"

#include <map>
#include <set>
#include <stdexcept>

namespace rapport::store {

namespace {

// Parameters 1-7 of every statement that writes an assignment's fields, in the column order
// trainee, group_name, scenario_id, assigned_by, assigned_at, due_at, note.
Statement& bindAssignment(Statement& s, const ScenarioAssignment& a) {
    return s.bind(1, a.trainee)
        .bind(2, a.group)
        .bind(3, a.scenarioId)
        .bind(4, a.assignedBy)
        .bind(5, a.assignedAtMs)
        .bind(6, a.dueAtMs)
        .bind(7, a.note);
}

}  // namespace

std::int64_t addAssignment(ResultsStore& store, const ScenarioAssignment& a) {
    if (a.trainee.empty() == a.group.empty())
        throw std::invalid_argument("an assignment names a trainee or a group, not both");
    if (a.scenarioId.empty()) throw std::invalid_argument("an assignment names a scenario");
    Database& db = store.database();
    Transaction tx(db);
    Statement s(db,
                "INSERT INTO assignments (trainee, group_name, scenario_id, assigned_by, "
                "assigned_at, due_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
    bindAssignment(s, a).run();
    const std::int64_t id = db.lastInsertRowid();
    tx.commit();
    return id;
}

std::vector<ScenarioAssignment> listAssignments(ResultsStore& store, const std::string& trainee,
                                                const std::string& group) {
    Database& db = store.database();
    Statement s(db,
                "SELECT id, trainee, group_name, scenario_id, assigned_by, assigned_at, due_at, "
                "note FROM assignments WHERE (?1 = '' AND ?2 = '') OR (?1 <> '' AND trainee = ?1) "
                "OR (?2 <> '' AND group_name = ?2) ORDER BY assigned_at, id");
    s.bind(1, trainee).bind(2, group);
    std::vector<ScenarioAssignment> out;
    while (s.step()) {
        ScenarioAssignment a;
        a.id = s.integer(0);
        a.trainee = s.text(1);
        a.group = s.text(2);
        a.scenarioId = s.text(3);
        a.assignedBy = s.text(4);
        a.assignedAtMs = s.integer(5);
        a.dueAtMs = s.optInteger(6);
        a.note = s.text(7);
        out.push_back(std::move(a));
    }
    return out;
}

bool removeAssignment(ResultsStore& store, std::int64_t id) {
    Database& db = store.database();
    Transaction tx(db);
    Statement s(db, "DELETE FROM assignments WHERE id = ?");
    s.bind(1, id).run();
    const bool removed = db.changes() > 0;
    tx.commit();
    return removed;
}

std::optional<std::string> assignmentCentralUid(ResultsStore& store, std::int64_t id) {
    Statement s(store.database(), "SELECT central_uid FROM assignments WHERE id = ?");
    s.bind(1, id);
    if (!s.step() || s.isNull(0)) return std::nullopt;
    return s.text(0);
}

namespace {

bool sameAssignment(const ScenarioAssignment& a, const ScenarioAssignment& b) {
    return a.trainee == b.trainee && a.group == b.group && a.scenarioId == b.scenarioId &&
           a.assignedBy == b.assignedBy && a.assignedAtMs == b.assignedAtMs &&
           a.dueAtMs == b.dueAtMs && a.note == b.note;
}

}  // namespace

CopyChanges mirrorCentralAssignments(ResultsStore& store, const std::vector<CentralCopy>& live) {
    for (const auto& c : live) {
        if (c.uid.empty()) throw std::invalid_argument("a central assignment has a uid");
        if (c.assignment.trainee.empty() == c.assignment.group.empty())
            throw std::invalid_argument("an assignment names a trainee or a group, not both");
    }
    Database& db = store.database();
    Transaction tx(db);
    std::map<std::string, std::pair<std::int64_t, ScenarioAssignment>> kept;
    {
        Statement s(db,
                    "SELECT id, central_uid, trainee, group_name, scenario_id, assigned_by, "
                    "assigned_at, due_at, note FROM assignments WHERE central_uid IS NOT NULL");
        while (s.step()) {
            ScenarioAssignment a;
            a.id = s.integer(0);
            a.trainee = s.text(2);
            a.group = s.text(3);
            a.scenarioId = s.text(4);
            a.assignedBy = s.text(5);
            a.assignedAtMs = s.integer(6);
            a.dueAtMs = s.optInteger(7);
            a.note = s.text(8);
            kept.emplace(s.text(1), std::make_pair(a.id, std::move(a)));
        }
    }
    CopyChanges changes;
    std::set<std::string> seen;
    for (const auto& c : live) {
        if (!seen.insert(c.uid).second) continue;
        const ScenarioAssignment& a = c.assignment;
        const auto found = kept.find(c.uid);
        if (found != kept.end() && sameAssignment(found->second.second, a)) continue;
        Statement s(db, found == kept.end()
                            ? "INSERT INTO assignments (trainee, group_name, scenario_id, "
                              "assigned_by, assigned_at, due_at, note, central_uid) VALUES (?, ?, "
                              "?, ?, ?, ?, ?, ?)"
                            : "UPDATE assignments SET trainee = ?, group_name = ?, scenario_id = "
                              "?, assigned_by = ?, assigned_at = ?, due_at = ?, note = ? WHERE "
                              "central_uid = ?");
        bindAssignment(s, a).bind(8, c.uid).run();
        ++(found == kept.end() ? changes.added : changes.updated);
    }
    for (const auto& [uid, row] : kept) {
        if (seen.count(uid)) continue;
        Statement s(db, "DELETE FROM assignments WHERE id = ?");
        s.bind(1, row.first).run();
        ++changes.removed;
    }
    tx.commit();
    return changes;
}

KnownPeople knownPeople(ResultsStore& store) {
    KnownPeople out;
    Statement s(store.database(), "SELECT name, group_name FROM trainees ORDER BY name");
    std::set<std::string> groups;
    while (s.step()) {
        out.names.push_back(s.text(0));
        if (!s.text(1).empty()) groups.insert(s.text(1));
    }
    out.groups.assign(groups.begin(), groups.end());
    return out;
}

std::string traineeGroup(ResultsStore& store, const std::string& trainee) {
    Statement s(store.database(), "SELECT group_name FROM trainees WHERE name = ?");
    s.bind(1, trainee);
    return s.step() ? s.text(0) : std::string();
}

}  // namespace rapport::store
