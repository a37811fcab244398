#include "store/scenario_texts.hpp"

#include <fstream>
#include <iterator>

#include "core/source/sha256.hpp"

namespace rapport::store {

namespace {

std::optional<ScenarioText> readText(Database& db, const std::string& hash, const char* sql) {
    Statement s(db, sql);
    s.bind(1, hash);
    if (!s.step()) return std::nullopt;
    return ScenarioText{hash, s.text(0), s.text(1), s.text(2)};
}

}  // namespace

void keepScenarioText(Database& db, const Scenario& scenario) {
    if (scenario.contentHash.empty() || scenario.sourcePath.empty()) return;
    {
        Statement have(db, "SELECT 1 FROM scenario_texts WHERE content_hash = ?");
        have.bind(1, scenario.contentHash);
        if (have.step()) return;
    }
    std::ifstream in(scenario.sourcePath, std::ios::binary);
    if (!in) return;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad() || sha256Hex(text) != scenario.contentHash) return;
    Statement ins(db,
                  "INSERT OR IGNORE INTO scenario_texts (content_hash, scenario_id, "
                  "scenario_version, text) VALUES (?, ?, ?, ?)");
    ins.bind(1, scenario.contentHash)
        .bind(2, scenario.id)
        .bind(3, scenario.version)
        .bind(4, text)
        .run();
}

std::optional<ScenarioText> keptScenarioText(Database& db, const std::string& contentHash) {
    return readText(db, contentHash,
                    "SELECT scenario_id, scenario_version, text FROM scenario_texts "
                    "WHERE content_hash = ?");
}

std::optional<ScenarioText> unsentScenarioText(Database& db, const std::string& contentHash) {
    return readText(db, contentHash,
                    "SELECT scenario_id, scenario_version, text FROM scenario_texts "
                    "WHERE content_hash = ? AND sent_at IS NULL");
}

void markScenarioTextSent(Database& db, const std::string& contentHash) {
    Statement s(db,
                "UPDATE scenario_texts SET sent_at = CAST((julianday('now') - 2440587.5) * "
                "86400000 AS INTEGER) WHERE content_hash = ? AND sent_at IS NULL");
    s.bind(1, contentHash).run();
}

}  // namespace rapport::store
