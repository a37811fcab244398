#include "store/sync_assignments.hpp"

#include "store/pg_assignments.hpp"
#include "store/pg_schema.hpp"

namespace rapport::store {

CopyChanges pullAssignments(PgConnection& c, ResultsStore& local) {
    const KnownPeople people = knownPeople(local);
    std::vector<CentralCopy> live;
    for (auto& row : pgAssignmentsFor(c, people.names, people.groups))
        live.push_back({row.uid, std::move(row.assignment)});
    return mirrorCentralAssignments(local, live);
}

PullResult pullAssignments(ResultsStore& local, const std::string& uri) {
    PullResult result;
    try {
        PgConnection c(uri);
        const int v = pgSchemaVersion(c);
        if (v != latestPgSchemaVersion()) {
            result.failed = true;
            result.error = "central store: the database has " +
                           (v == 0 ? std::string("no Rapport schema")
                                   : "schema version " + std::to_string(v)) +
                           "; an administrator runs 'rapport admin init' on it first";
            return result;
        }
        result.changes = pullAssignments(c, local);
    } catch (const PgError& e) {
        result.failed = true;
        result.error = e.what();
    }
    return result;
}

}  // namespace rapport::store
