// The graph's node places (core/authoring/node_positions) kept per scenario beside the user's
// state, like the recovery copy: author-only data that is no part of the scenario format, so the
// scenario file stays as the trainer wrote it and a bundled (read-only) scenario can still be
// arranged. One file per scenario (core/authoring/scenario_state_path): the scenario's absolute
// path and {"id": [x, y], …}.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/authoring/node_positions.hpp"

namespace rapport {

// Writes `places` for `scenarioPath` atomically, creating `folder`. False with the reason in
// `error`.
bool writeNodePlaces(const std::filesystem::path& folder, const std::string& scenarioPath,
                     const NodePlaces& places, std::string& error);

// The places kept for `scenarioPath`: nullopt when there is no file, it does not parse or it
// names another scenario (a hash collision); entries that are not two finite numbers are skipped.
std::optional<NodePlaces> readNodePlaces(const std::filesystem::path& folder,
                                         const std::string& scenarioPath);

// Removes the places kept for `scenarioPath`; a missing file is fine.
void removeNodePlaces(const std::filesystem::path& folder, const std::string& scenarioPath);

}  // namespace rapport
