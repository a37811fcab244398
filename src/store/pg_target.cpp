#include "store/pg_target.hpp"

#include <cstdlib>
#include <fstream>

#include "store/pg_db.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::store {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::string checked(const std::string& uri, const std::string& from) {
    if (!isPostgresUri(uri))
        throw StoreError(from + ": '" +
                             uri.substr(0, uri.find('@') == std::string::npos ? uri.size() : 0) +
                             "' is not a postgresql:// URI",
                         0);
    return uri;
}

}  // namespace

std::optional<std::string> resolveCentralUri(const std::optional<std::string>& explicitUri,
                                             const char* (*env)(const char*)) {
    if (!env) env = [](const char* n) -> const char* { return std::getenv(n); };
    if (explicitUri) return checked(*explicitUri, "--to");
    if (const char* v = env("RAPPORT_CENTRAL_DB"); v && *v)
        return checked(v, "$RAPPORT_CENTRAL_DB");
    std::string config;
    if (const char* x = env("XDG_CONFIG_HOME"); x && *x)
        config = std::string(x) + "/rapport/config";
    else if (const char* h = env("HOME"); h && *h)
        config = std::string(h) + "/.config/rapport/config";
    if (config.empty()) return std::nullopt;
    std::ifstream in(config);
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos || trim(line.substr(0, eq)) != "central") continue;
        return checked(trim(line.substr(eq + 1)), config);
    }
    return std::nullopt;
}

std::string shownUri(const std::string& uri) {
    const auto scheme = uri.find("://");
    if (scheme == std::string::npos) return "postgresql://…";
    std::string rest = uri.substr(scheme + 3);
    rest = rest.substr(0, rest.find('?'));
    const auto at = rest.rfind('@');
    if (at != std::string::npos) {
        const std::string user = rest.substr(0, at);
        rest = user.substr(0, user.find(':')) + "@" + rest.substr(at + 1);
    }
    return uri.substr(0, scheme + 3) + rest;
}

}  // namespace rapport::store
