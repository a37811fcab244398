#include "store/assignment_book.hpp"

#include <set>
#include <stdexcept>

#include "core/recommendation/assignment_status.hpp"
#include "store/assignments.hpp"
#include "store/attempt_recorder.hpp"
#include "store/pg_assignments.hpp"
#include "store/pg_db.hpp"
#include "store/pg_reports.hpp"
#include "store/results_store.hpp"

namespace rapport::store {

namespace {

AttemptFilter finished() {
    AttemptFilter f;
    f.finishedOnly = true;
    return f;
}

int doneCount(const ScenarioAssignment& a, const std::vector<AttemptRecord>& attempts) {
    return int(completedBy(a, attempts).size());
}

}  // namespace

AssignmentBook::AssignmentBook(std::string target) : target_(std::move(target)) {}

bool AssignmentBook::central() const { return isPostgresUri(target_); }

std::vector<AssignmentRow> AssignmentBook::list() const {
    std::vector<AssignmentRow> out;
    if (central()) {
        PgConnection c(target_);
        const auto attempts = pgAttempts(c, finished(), false);
        for (auto& row : pgListAssignments(c))
            out.push_back({row.uid, row.assignment, doneCount(row.assignment, attempts), false});
        return out;
    }
    StoreOptions readOnly;
    readOnly.readOnly = true;
    ResultsStore s(target_, readOnly);
    const auto attempts = s.attempts(finished(), false);
    for (auto& a : listAssignments(s))
        out.push_back({std::to_string(a.id), a, doneCount(a, attempts),
                       assignmentCentralUid(s, a.id).has_value()});
    return out;
}

AssignablePeople AssignmentBook::people() const {
    AssignablePeople out;
    if (central()) {
        PgConnection c(target_);
        std::set<std::string> names, groups;
        auto r = c.exec("SELECT DISTINCT trainee_name, group_name FROM attempts");
        for (int i = 0; i < r.rows(); ++i) {
            names.insert(r.text(i, 0));
            if (!r.text(i, 1).empty()) groups.insert(r.text(i, 1));
        }
        // A granted group nobody has synced an attempt for yet can still be assigned to.
        auto g = c.exec("SELECT group_name FROM group_grants WHERE login = current_user");
        for (int i = 0; i < g.rows(); ++i) groups.insert(g.text(i, 0));
        out.trainees.assign(names.begin(), names.end());
        out.groups.assign(groups.begin(), groups.end());
        return out;
    }
    StoreOptions readOnly;
    readOnly.readOnly = true;
    ResultsStore s(target_, readOnly);
    const KnownPeople p = knownPeople(s);
    out.trainees = p.names;
    out.groups = p.groups;
    return out;
}

std::string AssignmentBook::add(ScenarioAssignment a) const {
    a.assignedAtMs = unixNowMs();
    if (central()) {
        PgConnection c(target_);
        return pgAddAssignment(c, a);
    }
    ResultsStore s(target_);
    return std::to_string(addAssignment(s, a));
}

bool AssignmentBook::remove(const std::string& key) const {
    if (central()) {
        PgConnection c(target_);
        return pgRemoveAssignment(c, key, unixNowMs());
    }
    if (key.empty() || key.size() > 18 || key.find_first_not_of("0123456789") != std::string::npos)
        return false;
    ResultsStore s(target_);
    const std::int64_t id = std::stoll(key);
    if (assignmentCentralUid(s, id))
        throw std::invalid_argument("this assignment comes from the central store");
    return removeAssignment(s, id);
}

}  // namespace rapport::store
