#include "store/attempt_responses.hpp"

#include <map>
#include <memory>

namespace rapport::store {

ResponsesRead attemptResponses(ResultsStore& store, AttemptFilter filter,
                               const ScenarioLookup& find) {
    filter.finishedOnly = true;
    ResponsesRead out;
    for (const auto& record : store.attempts(filter, false)) {
        const LibraryEntry* entry = find(record.scenarioId);
        if (!entry || !entry->scenario || !entry->framework) {
            ++out.skipped;
            continue;
        }
        out.attempts.push_back(
            responsesOf(record, *entry, store.loadAttempt(record.id).transcript));
    }
    return out;
}

AttemptResponses responsesOf(const AttemptRecord& record, const LibraryEntry& entry,
                             const Transcript& transcript) {
    AttemptResponses a;
    a.attemptId = record.id;
    a.trainee = record.trainee;
    a.group = record.group;
    a.scenarioId = record.scenarioId;
    a.mode = record.mode;
    a.startedAtMs = record.startedAtMs;
    a.score = record.score;
    a.decisions = decisionResponses(*entry.scenario, *entry.framework, transcript);
    return a;
}

ScenarioLookup libraryLookup(const ScenarioLibrary& library) {
    auto byId = std::make_shared<std::map<std::string, const LibraryEntry*>>();
    for (const auto& e : library.entries)
        if (e.playable()) byId->emplace(e.scenario->id, &e);
    return [byId](const std::string& id) -> const LibraryEntry* {
        const auto it = byId->find(id);
        return it == byId->end() ? nullptr : it->second;
    };
}

}  // namespace rapport::store
