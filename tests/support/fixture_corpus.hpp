// Helpers for the data-driven fixture tests: a folder of scenario files, each beside the exact
// diagnostics `rapport validate` must print for it (NAME.json + NAME.expected).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/checks/scenario_check.hpp"

namespace rapport::test {

inline std::string readText(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::vector<std::filesystem::path> filesIn(const std::filesystem::path& dir,
                                                  const std::string& ext) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

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
