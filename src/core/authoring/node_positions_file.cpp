#include "core/authoring/node_positions_file.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/authoring/scenario_state_path.hpp"
#include "core/files/bounded_read.hpp"
#include "core/files/safe_output.hpp"

namespace rapport {

namespace {

// Node ids and two numbers each: a scenario of 10,000 nodes is well under a megabyte.
constexpr std::size_t kMaxPlacesBytes = 8u << 20;
// Far beyond any graph a trainer draws; keeps a hand-edited 1e30 from wrecking the view.
constexpr double kMaxCoordinate = 1e7;

}  // namespace

bool writeNodePlaces(const std::filesystem::path& folder, const std::string& scenarioPath,
                     const NodePlaces& places, std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        error = "cannot create " + folder.string() + ": " + ec.message();
        return false;
    }
    nlohmann::json byId = nlohmann::json::object();
    for (const auto& [id, p] : places) byId[id] = {std::lround(p.x), std::lround(p.y)};
    const nlohmann::json j = {{"scenario", absoluteScenarioPath(scenarioPath)},
                              {"positions", std::move(byId)}};
    const OutputWrite w =
        writeOutputFile(scenarioStatePath(folder, scenarioPath).string(),
                        j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!w) error = w.message;
    return bool(w);
}

std::optional<NodePlaces> readNodePlaces(const std::filesystem::path& folder,
                                         const std::string& scenarioPath) {
    const BoundedRead read =
        readBoundedFile(scenarioStatePath(folder, scenarioPath).string(), kMaxPlacesBytes);
    if (!read) return std::nullopt;
    const nlohmann::json j = nlohmann::json::parse(read.text, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    const auto scenario = j.find("scenario"), positions = j.find("positions");
    if (scenario == j.end() || !scenario->is_string() || positions == j.end() ||
        !positions->is_object())
        return std::nullopt;
    if (scenario->get<std::string>() != absoluteScenarioPath(scenarioPath)) return std::nullopt;
    NodePlaces out;
    for (const auto& [id, xy] : positions->items()) {
        if (!xy.is_array() || xy.size() != 2 || !xy[0].is_number() || !xy[1].is_number()) continue;
        const double x = xy[0].get<double>(), y = xy[1].get<double>();
        if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > kMaxCoordinate ||
            std::fabs(y) > kMaxCoordinate)
            continue;
        out[id] = {float(x), float(y)};
    }
    return out;
}

void removeNodePlaces(const std::filesystem::path& folder, const std::string& scenarioPath) {
    std::error_code ec;
    std::filesystem::remove(scenarioStatePath(folder, scenarioPath), ec);
}

}  // namespace rapport
