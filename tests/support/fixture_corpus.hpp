// Helpers for the data-driven fixture tests: a folder of scenario files, each beside the exact
// diagnostics `rapport validate` must print for it (NAME.json + NAME.expected).
#pragma once

#include <filesystem>
#include <string>

#include "core/checks/scenario_check.hpp"
#include "support/files.hpp"
#include "support/golden.hpp"

namespace rapport::test {

// The diagnostics of a file as `rapport validate` prints them, with paths relative to `base`.
inline std::string checkOutput(const std::filesystem::path& file,
                               const std::filesystem::path& base) {
    ScenarioCheck check = checkScenarioFile(file.string());
    std::string out;
    const std::string prefix = base.string() + "/";
    for (auto d : check.diagnostics.items()) {
        if (d.file.rfind(prefix, 0) == 0) d.file = d.file.substr(prefix.size());
        out += formatDiagnostic(d) + "\n";
    }
    return out;
}

}  // namespace rapport::test
