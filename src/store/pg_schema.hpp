// The central store's schema in PostgreSQL, versioned in the table rapport_schema and brought up
// to date by ordered migrations, as the SQLite schema is (store_schema.hpp).
// docs/central-store.md describes every version.
#pragma once

#include "store/pg_db.hpp"

namespace rapport::store {

int latestPgSchemaVersion();

// The schema version of the database `c` is connected to (0 = no Rapport schema yet). Throws
// PgError when the database was made by a newer Rapport.
int pgSchemaVersion(PgConnection& c);

// Brings the schema to the latest version in one transaction, holding an advisory lock so two
// administrators (or test processes) migrating at once do it exactly once. Needs a login that
// may create tables (the database owner). Returns the version found before.
int migratePg(PgConnection& c);

}  // namespace rapport::store
