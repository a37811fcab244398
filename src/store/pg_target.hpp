// Which central server a desktop syncs to: `--to URI`, else $RAPPORT_CENTRAL_DB, else the line
// `central = URI` of $XDG_CONFIG_HOME/rapport/config (~/.config/rapport/config). The config file
// holds `key = value` lines; `#` starts a comment line; unknown keys are ignored so later
// versions can add some. docs/central-store.md documents it for IT.
#pragma once

#include <optional>
#include <string>

namespace rapport::store {

// `env` reads an environment variable (std::getenv when null; tests pass their own). Returns
// nullopt when no central server is configured. Throws StoreError when the value found is not a
// postgresql:// URI (saying where it came from).
std::optional<std::string> resolveCentralUri(const std::optional<std::string>& explicitUri,
                                             const char* (*env)(const char*) = nullptr);

}  // namespace rapport::store

namespace rapport::store {

// `uri` as it may be shown on screen or in a log: scheme, login, host and database, never a
// password (neither `user:password@` nor a `password=` parameter; the parameters are dropped).
std::string shownUri(const std::string& uri);

}  // namespace rapport::store
