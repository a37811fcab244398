#include "store/assignments.hpp"

#include <stdexcept>

namespace rapport::store {

std::int64_t addAssignment(ResultsStore& store, const ScenarioAssignment& a) {
    if (a.trainee.empty() == a.group.empty())
        throw std::invalid_argument("an assignment names a trainee or a group, not both");
    if (a.scenarioId.empty()) throw std::invalid_argument("an assignment names a scenario");
    Database& db = store.database();
    Transaction tx(db);
    Statement s(db,
                "INSERT INTO assignments (trainee, group_name, scenario_id, assigned_by, "
                "assigned_at, due_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, a.trainee)
        .bind(2, a.group)
        .bind(3, a.scenarioId)
        .bind(4, a.assignedBy)
        .bind(5, a.assignedAtMs)
        .bind(6, a.dueAtMs)
        .bind(7, a.note)
        .run();
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

std::string traineeGroup(ResultsStore& store, const std::string& trainee) {
    Statement s(store.database(), "SELECT group_name FROM trainees WHERE name = ?");
    s.bind(1, trainee);
    return s.step() ? s.text(0) : std::string();
}

}  // namespace rapport::store
