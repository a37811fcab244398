// The local side of `rapport sync`: the desktop's SQLite results database is the outbox. An
// attempt is pending while what the central server last confirmed of it (sync_confirmed: step
// count and status) differs from the attempt itself; confirming is recorded only after the
// server committed, so a crash in between re-sends an item the server then ignores.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/scenario_texts.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::store {

struct OutboxDecision {
    std::string uid;
    int step = 0;
    std::string node, choice;
    bool timedOut = false;
    std::string stepJson, evidence;
    std::int64_t recordedAt = 0;
};

// One attempt as it is uploaded: its row, its trainee, its report and the decisions the server
// has not confirmed yet.
struct OutboxAttempt {
    std::int64_t id = 0;  // local id, never sent
    std::string uid;
    std::string traineeName, employeeId, groupName;
    std::string scenarioId, scenarioVersion, scenarioTitle, contentHash;
    std::string frameworkId, frameworkVersion, mode, replyOrder, status;
    std::string timing = "standard";
    std::int64_t seed = 0, startedAt = 0;
    int stepCount = 0;
    std::optional<std::int64_t> endedAt;
    std::optional<std::string> endingNode, outcome, report;
    std::optional<double> score;
    std::optional<bool> passed;
    // A campaign meeting's link (schema v10; all absent for a lone attempt) and the variables
    // at the ending (absent while unfinished).
    std::optional<std::string> campaignId, campaignVersion, campaignRun, carriedStart, finalState;
    std::optional<std::int64_t> campaignMeeting;
    std::vector<OutboxDecision> decisions;
    // The played version's text, offered while the central store has not confirmed it or this
    // attempt (the server takes it only when it lacks it).
    std::optional<ScenarioText> scenarioText;
};

struct PendingCounts {
    int inProgress = 0;  // attempts in progress with something unconfirmed
    int ended = 0;       // finished or abandoned attempts not yet confirmed as such
    int decisions = 0;   // decisions not yet confirmed
    int total() const { return inProgress + ended; }
};

// Local ids of the pending attempts, oldest first.
std::vector<std::int64_t> pendingAttempts(Database& db);
PendingCounts pendingCounts(Database& db);
// The attempt with the decisions after those the server confirmed. Throws StoreError.
OutboxAttempt loadOutboxAttempt(Database& db, std::int64_t id);
// Records that the server holds the attempt with `steps` decisions and `status`.
void confirmSynced(Database& db, std::int64_t id, int steps, const std::string& status);

}  // namespace rapport::store
