#include "store/database_path.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "core/platform/xdg_dirs.hpp"
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
    if (auto dir = rapportDir(XdgBase::Data, env)) return (*dir / "results.db").string();
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
