// Where the results database lives when no --db is given.
#pragma once

#include <optional>
#include <string>

namespace rapport::store {

// The path to use: `explicitPath` (--db) if given, else $RAPPORT_DB, else
// $XDG_DATA_HOME/rapport/results.db, else $HOME/.local/share/rapport/results.db. `env` reads an
// environment variable (std::getenv in production; tests pass their own). Returns nullopt when
// none applies (no HOME either).
std::optional<std::string> resolveDatabasePath(const std::optional<std::string>& explicitPath,
                                               const char* (*env)(const char*) = nullptr);

// Creates the folder that will hold `dbPath` when missing. Throws StoreError on failure.
void ensureParentDirectory(const std::string& dbPath);

}  // namespace rapport::store
