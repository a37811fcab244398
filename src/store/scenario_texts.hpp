// The text of every scenario version an attempt was played on, kept by content hash (the
// SHA-256 of the file bytes the attempt names), so a report can show what the trainee saw after
// the file was edited. The desktop keeps it at the attempt's start and sync sends each version
// to the central store once (sync_upload.cpp); the server holds it in its own scenario_texts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/scenario/scenario.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::store {

struct ScenarioText {
    std::string contentHash, scenarioId, scenarioVersion, text;
};

// Keeps the bytes of `scenario`'s file under its content hash, once. Nothing is kept when the
// file is gone or no longer has the bytes that were loaded (edited since): a text that is not
// the version played would be worse than none. Throws StoreError on a database failure only.
void keepScenarioText(Database& db, const Scenario& scenario);

// The kept text of a version, if any.
std::optional<ScenarioText> keptScenarioText(Database& db, const std::string& contentHash);

// A kept text the central store has not confirmed yet (sync sends it with its first attempt).
std::optional<ScenarioText> unsentScenarioText(Database& db, const std::string& contentHash);
// Records that the central store holds the version.
void markScenarioTextSent(Database& db, const std::string& contentHash);

}  // namespace rapport::store
