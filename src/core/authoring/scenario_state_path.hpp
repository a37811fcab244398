// Where the author workspace keeps a scenario's author-only state (the recovery copy, the graph's
// node positions): beside the user's state rather than beside the scenario, which may be
// read-only, shared or under version control. One file per scenario and kind, named by a stable
// hash of the scenario's absolute path.
#pragma once

#include <filesystem>
#include <string>

namespace rapport {

// `scenarioPath` made absolute and normal, so "a.json" and "./a.json" name one scenario.
std::string absoluteScenarioPath(const std::string& scenarioPath);

// `folder`/<16 hex digits>.json for `scenarioPath`: FNV-1a of the absolute path, stable across
// runs and builds (unlike std::hash), so a file written by one version is found by the next.
std::filesystem::path scenarioStatePath(const std::filesystem::path& folder,
                                        const std::string& scenarioPath);

}  // namespace rapport
