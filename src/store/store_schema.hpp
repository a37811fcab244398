// The results database schema, versioned with PRAGMA user_version and brought up to date by
// ordered migrations when a database is opened. docs/results-store.md describes every version.
#pragma once

#include "store/sqlite_db.hpp"

namespace rapport::store {

// PRAGMA application_id of a Rapport results database ("RAPT"): tells ours from other SQLite files.
inline constexpr int kApplicationId = 0x52415054;

// The newest schema version this build knows.
int latestSchemaVersion();

// Brings the database to `target` (default: latest) inside one IMMEDIATE transaction, so two
// processes opening a fresh file at once migrate it exactly once. Throws StoreError when the
// file is a database of another application, or was made by a newer Rapport (version > latest).
// Returns the version found before migrating (0 = new database).
int migrate(Database& db, int target = -1);

// Reads, without writing anything, whether the database is Rapport's: throws StoreError when it
// is a database of another application (application_id), holds tables but no Rapport schema, or
// was made by a newer Rapport. Returns its schema version (0 = empty, a new database).
int checkIdentity(Database& db);

// The database's current user_version.
int schemaVersion(Database& db);

}  // namespace rapport::store
