#include "store/pg_responses.hpp"

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "store/pg_reports.hpp"

namespace rapport::store {

namespace {

using nlohmann::json;

// What the decisions table holds of one attempt: the transcript's steps, as the desktop
// journaled them, and how its session was seeded.
struct Journal {
    std::uint64_t seed = 0;
    std::string replyOrder;
    json steps = json::array();
};

}  // namespace

ResponsesRead pgAttemptResponses(PgConnection& c, AttemptFilter filter,
                                 const ScenarioLookup& find) {
    filter.finishedOnly = true;
    ResponsesRead out;
    const auto records = pgAttempts(c, filter);
    // One query for the journals of every attempt whose scenario can score it; the UUIDs came
    // from the server and are sent back as one uuid[] parameter.
    std::string uids;
    for (const auto& r : records) {
        const LibraryEntry* e = find(r.scenarioId);
        if (e && e->scenario && e->framework) uids += (uids.empty() ? "" : ",") + r.uid;
    }
    std::map<std::string, Journal> journals;
    if (!uids.empty()) {
        auto rows = c.exec(
            "SELECT a.uid::text, a.seed, a.reply_order, d.step_json FROM decisions d JOIN "
            "attempts a ON a.uid = d.attempt_uid WHERE a.uid = ANY($1::uuid[]) ORDER BY a.uid, "
            "d.step",
            {"{" + uids + "}"});
        for (int i = 0; i < rows.rows(); ++i) {
            Journal& j = journals[rows.text(i, 0)];
            j.seed = std::strtoull(rows.text(i, 1).c_str(), nullptr, 10);
            j.replyOrder = rows.text(i, 2);
            auto step = json::parse(rows.text(i, 3), nullptr, false);
            if (step.is_discarded())
                throw StoreError("central store: a decision of attempt " + rows.text(i, 0) +
                                     " is not valid JSON",
                                 0);
            j.steps.push_back(std::move(step));
        }
    }
    for (const auto& record : records) {
        const LibraryEntry* entry = find(record.scenarioId);
        if (!entry || !entry->scenario || !entry->framework) {
            ++out.skipped;
            continue;
        }
        const Journal& j = journals[record.uid];
        // The same document the desktop's loadAttempt rebuilds from its journal.
        const json t = {
            {"scenario", record.scenarioId},
            {"version", record.scenarioVersion},
            {"contentHash", record.contentHash},
            {"seed", j.seed},
            {"replyOrder", j.replyOrder.empty() ? "authored" : j.replyOrder},
            {"steps", j.steps},
            {"endingNode", record.endingNode.empty() ? json(nullptr) : json(record.endingNode)}};
        Transcript transcript;
        try {
            transcript = transcriptFromJson(t);
        } catch (const std::exception& e) {
            throw StoreError("central store: the decisions of attempt " + record.uid +
                                 " do not make a transcript: " + e.what(),
                             0);
        }
        out.attempts.push_back(responsesOf(record, *entry, transcript));
    }
    return out;
}

}  // namespace rapport::store
