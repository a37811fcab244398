#include "store/item_report_reader.hpp"

#include "store/attempt_responses.hpp"
#include "store/pg_db.hpp"
#include "store/pg_responses.hpp"

namespace rapport::store {

ItemReport readItemReport(const std::string& target, const AttemptFilter& filter,
                          const ScenarioLibrary& library) {
    ResponsesRead read;
    if (isPostgresUri(target)) {
        PgConnection c(target);
        read = pgAttemptResponses(c, filter, libraryLookup(library));
    } else {
        StoreOptions readOnly;
        readOnly.readOnly = true;
        ResultsStore s(target, readOnly);
        read = attemptResponses(s, filter, libraryLookup(library));
    }
    ItemReport report;
    report.modes = statisticsByMode(read.attempts, filter.mode);
    report.skippedAttempts = read.skipped;
    report.scope = {filter.trainee, filter.group, filter.scenario, filter.sinceMs, filter.mode};
    return report;
}

}  // namespace rapport::store
