// Migrations are append-only: a released step is never edited, because central databases in the
// field were made by it. A new version adds a step here and a section to docs/central-store.md.
#include "store/pg_schema.hpp"

#include <iterator>
#include <string>

namespace rapport::store {

namespace {

// Index i upgrades version i to version i+1.
constexpr const char* kPgMigrations[] = {
    // v1: attempts and their decisions, keyed by the UUIDs the desktops gave them, so a re-sent
    // item is recognised and changes nothing. The trainee's name and group travel with each
    // attempt (a desktop knows no central trainee ids); `owner_login` is the database login that
    // uploaded it, which row-level security compares with current_user.
    R"sql(
CREATE TABLE rapport_schema (version integer NOT NULL);
INSERT INTO rapport_schema VALUES (0);
CREATE TABLE attempts (
    uid               uuid PRIMARY KEY,
    owner_login       name NOT NULL DEFAULT current_user,
    trainee_name      text NOT NULL,
    employee_id       text NOT NULL DEFAULT '',
    group_name        text NOT NULL DEFAULT '',
    scenario_id       text NOT NULL,
    scenario_version  text NOT NULL,
    scenario_title    text NOT NULL,
    content_hash      text NOT NULL,
    framework_id      text NOT NULL,
    framework_version text NOT NULL,
    mode              text NOT NULL CHECK (mode IN ('practice', 'exam')),
    seed              bigint NOT NULL,
    reply_order       text NOT NULL,
    started_at        bigint NOT NULL,
    ended_at          bigint,
    status            text NOT NULL CHECK (status IN ('in_progress', 'finished', 'abandoned')),
    step_count        integer NOT NULL,
    ending_node       text,
    outcome           text,
    score             double precision,
    passed            boolean,
    report            text,
    received_at       timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attempts_by_group ON attempts(group_name, trainee_name, started_at);
CREATE INDEX attempts_by_owner ON attempts(owner_login);
CREATE TABLE decisions (
    uid         uuid PRIMARY KEY,
    attempt_uid uuid NOT NULL REFERENCES attempts(uid) ON DELETE CASCADE,
    step        integer NOT NULL,
    node        text NOT NULL,
    choice      text NOT NULL,
    timed_out   boolean NOT NULL,
    step_json   text NOT NULL,
    evidence    text NOT NULL,
    recorded_at bigint NOT NULL,
    owner_login name NOT NULL DEFAULT current_user,
    UNIQUE (attempt_uid, step)
);
)sql",
};

constexpr int kLatest = int(std::size(kPgMigrations));

}  // namespace

int latestPgSchemaVersion() { return kLatest; }

int pgSchemaVersion(PgConnection& c) {
    auto has = c.exec("SELECT to_regclass('rapport_schema') IS NOT NULL");
    if (has.text(0, 0) != "t") return 0;
    auto v = c.exec("SELECT version FROM rapport_schema");
    const int found = v.rows() ? int(v.integer(0, 0)) : 0;
    if (found > kLatest)
        throw PgError("central store: made by a newer Rapport (schema version " +
                          std::to_string(found) + "; this build knows versions up to " +
                          std::to_string(kLatest) + "). Update Rapport.",
                      "", false);
    return found;
}

int migratePg(PgConnection& c) {
    PgTransaction tx(c);
    // Serialises concurrent migrations; released at commit. The key is "RAPT".
    c.exec("SELECT pg_advisory_xact_lock(1380012116)");
    const int found = pgSchemaVersion(c);
    for (int v = found; v < kLatest; ++v) c.execScript(kPgMigrations[v]);
    if (found < kLatest)
        c.exec("UPDATE rapport_schema SET version = $1", {std::to_string(kLatest)});
    tx.commit();
    return found;
}

}  // namespace rapport::store
