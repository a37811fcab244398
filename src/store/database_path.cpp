#include "store/database_path.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "store/sqlite_db.hpp"

namespace rapport::store {

std::optional<std::string> resolveDatabasePath(const std::optional<std::string>& explicitPath,
                                               const char* (*env)(const char*)) {
    if (explicitPath && !explicitPath->empty()) return explicitPath;
    auto get = [env](const char* name) -> std::string {
        const char* v = env ? env(name) : std::getenv(name);
        return v ? std::string(v) : std::string();
    };
    if (auto v = get("RAPPORT_DB"); !v.empty()) return v;
    // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
    if (auto v = get("XDG_DATA_HOME"); !v.empty() && v.front() == '/')
        return v + "/rapport/results.db";
    if (auto v = get("HOME"); !v.empty()) return v + "/.local/share/rapport/results.db";
    return std::nullopt;
}

void ensureParentDirectory(const std::string& dbPath) {
    std::filesystem::path parent = std::filesystem::path(dbPath).parent_path();
    if (parent.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec)
        throw StoreError("cannot create folder " + parent.string() +
                             " for the results database: " + ec.message(),
                         0);
}

}  // namespace rapport::store
