#include "core/authoring/scenario_state_path.hpp"

#include <cstdint>
#include <cstdio>
#include <system_error>

namespace rapport {

namespace {

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

}  // namespace

std::string absoluteScenarioPath(const std::string& path) {
    std::error_code ec;
    const std::filesystem::path abs = std::filesystem::absolute(path, ec);
    return (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
}

std::filesystem::path scenarioStatePath(const std::filesystem::path& folder,
                                        const std::string& scenarioPath) {
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.json",
                  static_cast<unsigned long long>(fnv1a(absoluteScenarioPath(scenarioPath))));
    return folder / name;
}

}  // namespace rapport
