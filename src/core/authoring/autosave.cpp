#include "core/authoring/autosave.hpp"

#include <nlohmann/json.hpp>
#include <system_error>

#include "core/authoring/scenario_state_path.hpp"
#include "core/files/bounded_read.hpp"
#include "core/files/safe_output.hpp"

namespace rapport {

namespace {

// A scenario's source is bounded at 16 MiB; its recovery holds it JSON-escaped plus a path.
constexpr std::size_t kMaxRecoveryBytes = 64u << 20;

}  // namespace

std::filesystem::path autosavePath(const std::filesystem::path& folder,
                                   const std::string& scenarioPath) {
    return scenarioStatePath(folder, scenarioPath);
}

bool writeAutosave(const std::filesystem::path& folder, const AutosaveRecovery& recovery,
                   std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        error = "cannot create " + folder.string() + ": " + ec.message();
        return false;
    }
    const nlohmann::json j = {{"scenario", absoluteScenarioPath(recovery.scenarioPath)},
                              {"savedAtMs", recovery.savedAtMs},
                              {"text", recovery.text}};
    const OutputWrite w =
        writeOutputFile(autosavePath(folder, recovery.scenarioPath).string(),
                        j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!w) error = w.message;
    return bool(w);
}

std::optional<AutosaveRecovery> readAutosave(const std::filesystem::path& folder,
                                             const std::string& scenarioPath) {
    const BoundedRead read =
        readBoundedFile(autosavePath(folder, scenarioPath).string(), kMaxRecoveryBytes);
    if (!read) return std::nullopt;
    const nlohmann::json j = nlohmann::json::parse(read.text, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    const auto scenario = j.find("scenario"), text = j.find("text"), at = j.find("savedAtMs");
    if (scenario == j.end() || !scenario->is_string() || text == j.end() || !text->is_string() ||
        at == j.end() || !at->is_number_integer())
        return std::nullopt;
    if (scenario->get<std::string>() != absoluteScenarioPath(scenarioPath)) return std::nullopt;
    return AutosaveRecovery{scenario->get<std::string>(), text->get<std::string>(),
                            at->get<std::int64_t>()};
}

void removeAutosave(const std::filesystem::path& folder, const std::string& scenarioPath) {
    std::error_code ec;
    std::filesystem::remove(autosavePath(folder, scenarioPath), ec);
}

}  // namespace rapport
