#include "core/platform/xdg_dirs.hpp"

#include <cstdlib>
#include <string>

namespace rapport {

namespace fs = std::filesystem;

std::optional<fs::path> xdgBaseDir(XdgBase base, EnvReader env) {
    auto get = [env](const char* name) -> std::string {
        const char* v = env ? env(name) : std::getenv(name);
        return v ? std::string(v) : std::string();
    };
    const char* variable = "XDG_CONFIG_HOME";
    const char* underHome = ".config";
    switch (base) {
        case XdgBase::Config:
            break;
        case XdgBase::Data:
            variable = "XDG_DATA_HOME";
            underHome = ".local/share";
            break;
        case XdgBase::State:
            variable = "XDG_STATE_HOME";
            underHome = ".local/state";
            break;
        case XdgBase::Cache:
            variable = "XDG_CACHE_HOME";
            underHome = ".cache";
            break;
    }
    if (auto v = get(variable); !v.empty() && v.front() == '/') return fs::path(v);
    if (auto home = get("HOME"); !home.empty()) return fs::path(home) / underHome;
    return std::nullopt;
}

std::optional<fs::path> rapportDir(XdgBase base, EnvReader env) {
    auto dir = xdgBaseDir(base, env);
    if (!dir) return std::nullopt;
    return *dir / "rapport";
}

}  // namespace rapport
