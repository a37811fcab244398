#include "core/platform/bundled_data.hpp"

#include <fstream>
#include <string>
#include <system_error>

namespace rapport {

namespace fs = std::filesystem;

namespace {

BundledData& current() {
    static BundledData data;
    return data;
}

std::optional<BundledData> readBuildTreeMarker(const fs::path& marker) {
    std::ifstream in(marker);
    if (!in) return std::nullopt;
    BundledData data;
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (line.empty() || line.front() == '#' || eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq);
        const fs::path value = line.substr(eq + 1);
        if (key == "frameworks")
            data.frameworks = value;
        else if (key == "scenarios")
            data.scenarios = value;
        else if (key == "schemas")
            data.schemas = value;
    }
    if (data.frameworks.empty()) return std::nullopt;
    return data;
}

}  // namespace

std::optional<BundledData> locateBundledData(const fs::path& exe) {
    if (exe.empty()) return std::nullopt;
    const fs::path dir = exe.parent_path();
    std::error_code ec;
    // The marker first: a build folder may sit inside a tree that has a share/ of its own.
    if (fs::is_regular_file(dir / kBuildTreeMarker, ec))
        if (auto data = readBuildTreeMarker(dir / kBuildTreeMarker)) return data;
    const fs::path share = (dir.parent_path() / "share" / "rapport").lexically_normal();
    if (fs::is_directory(share / "competencies", ec))
        return BundledData{share / "competencies", share / "scenarios", share / "schemas"};
    return std::nullopt;
}

void setBundledData(BundledData data) { current() = std::move(data); }

const BundledData& bundledData() { return current(); }

}  // namespace rapport
