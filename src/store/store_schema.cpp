// Migrations are append-only: a released step is never edited, because databases in the field
// were made by it. A new version adds a step to kMigrations and a section to
// docs/results-store.md; tests/fixtures/store/ keeps databases made by versions 1, 2 and 3 so the
// upgrade path is exercised on a real old file, not on one made by today's code.
#include "store/store_schema.hpp"

#include <string>

namespace rapport::store {

namespace {

// Index i upgrades version i to version i+1.
constexpr const char* kMigrations[] = {
    // v1: trainees, attempts, the step journal and per-competency rows.
    R"sql(
CREATE TABLE trainees (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    employee_id TEXT NOT NULL DEFAULT '',
    group_name  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE TABLE attempts (
    id                INTEGER PRIMARY KEY,
    uid               TEXT NOT NULL UNIQUE,
    trainee_id        INTEGER NOT NULL REFERENCES trainees(id),
    scenario_id       TEXT NOT NULL,
    scenario_version  TEXT NOT NULL,
    scenario_title    TEXT NOT NULL,
    content_hash      TEXT NOT NULL,
    framework_id      TEXT NOT NULL,
    framework_version TEXT NOT NULL,
    mode              TEXT NOT NULL CHECK (mode IN ('practice', 'exam')),
    seed              INTEGER NOT NULL,
    started_at        INTEGER NOT NULL,
    ended_at          INTEGER,
    status            TEXT NOT NULL CHECK (status IN ('in_progress', 'finished', 'abandoned')),
    step_count        INTEGER NOT NULL DEFAULT 0,
    ending_node       TEXT,
    outcome           TEXT,
    score             REAL,
    passed            INTEGER,
    report            TEXT,
    session_state     TEXT
);
CREATE INDEX attempts_by_trainee ON attempts(trainee_id, started_at);
CREATE TABLE attempt_steps (
    attempt_id  INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    step        INTEGER NOT NULL,
    node        TEXT NOT NULL,
    choice      TEXT NOT NULL,
    timed_out   INTEGER NOT NULL,
    step_json   TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, step)
) WITHOUT ROWID;
CREATE TABLE competency_scores (
    attempt_id      INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    competency_id   TEXT NOT NULL,
    competency_name TEXT NOT NULL,
    score           REAL,
    level           TEXT NOT NULL,
    assessed        INTEGER NOT NULL,
    opportunities   INTEGER NOT NULL,
    confidence      TEXT NOT NULL,
    PRIMARY KEY (attempt_id, competency_id)
) WITHOUT ROWID;
)sql",
    // v2: fast HR queries. Big documents (score report, resume state) move out of `attempts` so
    // scans over attempts stay small; competency rows carry the trainee, scenario and start time
    // of their attempt, so the HR table is one walk of a covering index, with no join and no sort.
    R"sql(
CREATE TABLE attempt_documents (
    attempt_id    INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
    report        TEXT,
    session_state TEXT
);
INSERT INTO attempt_documents (attempt_id, report, session_state)
    SELECT id, report, session_state FROM attempts
    WHERE report IS NOT NULL OR session_state IS NOT NULL;
ALTER TABLE attempts DROP COLUMN report;
ALTER TABLE attempts DROP COLUMN session_state;
CREATE TABLE competency_scores_v2 (
    attempt_id      INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    competency_id   TEXT NOT NULL,
    competency_name TEXT NOT NULL,
    score           REAL,
    level           TEXT NOT NULL,
    assessed        INTEGER NOT NULL,
    opportunities   INTEGER NOT NULL,
    confidence      TEXT NOT NULL,
    trainee_id      INTEGER NOT NULL,
    scenario_id     TEXT NOT NULL,
    started_at      INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, competency_id)
) WITHOUT ROWID;
INSERT INTO competency_scores_v2
    SELECT c.attempt_id, c.competency_id, c.competency_name, c.score, c.level, c.assessed,
           c.opportunities, c.confidence, a.trainee_id, a.scenario_id, a.started_at
    FROM competency_scores c JOIN attempts a ON a.id = c.attempt_id;
DROP TABLE competency_scores;
ALTER TABLE competency_scores_v2 RENAME TO competency_scores;
CREATE INDEX competency_hr ON competency_scores(trainee_id, competency_id, started_at, score, scenario_id,
                                            competency_name)
    WHERE assessed = 1;
CREATE INDEX trainees_by_group ON trainees(group_name);
CREATE INDEX attempts_by_scenario ON attempts(scenario_id, started_at);
CREATE INDEX attempts_by_start ON attempts(started_at);
)sql",
    // v3: the HR table without walking every competency row. competency_summary keeps, per
    // trainee, competency and scenario, what the table shows (count, sum, best, latest score);
    // finishAttempt updates it in the same transaction as the competency rows it summarises, so
    // the two never disagree. Back-filled here from the rows v2 kept. A partial index finds a
    // trainee's in-progress attempts (resume) without scanning finished ones.
    R"sql(
CREATE TABLE competency_summary (
    trainee_id      INTEGER NOT NULL REFERENCES trainees(id),
    competency_id   TEXT NOT NULL,
    scenario_id     TEXT NOT NULL,
    competency_name TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    score_sum       REAL NOT NULL,
    best            REAL NOT NULL,
    last_started_at INTEGER NOT NULL,
    last_attempt_id INTEGER NOT NULL,
    last_score      REAL NOT NULL,
    PRIMARY KEY (trainee_id, competency_id, scenario_id)
) WITHOUT ROWID;
INSERT INTO competency_summary
    SELECT trainee_id, competency_id, scenario_id,
           MAX(CASE WHEN latest = 1 THEN competency_name END), COUNT(*), SUM(score), MAX(score),
           MAX(CASE WHEN latest = 1 THEN started_at END), MAX(CASE WHEN latest = 1 THEN attempt_id END),
           MAX(CASE WHEN latest = 1 THEN score END)
    FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY trainee_id, competency_id, scenario_id
                                         ORDER BY started_at DESC, attempt_id DESC) AS latest
          FROM competency_scores c WHERE assessed = 1 AND score IS NOT NULL)
    GROUP BY trainee_id, competency_id, scenario_id;
CREATE INDEX attempts_in_progress ON attempts(trainee_id, scenario_id, started_at) WHERE status = 'in_progress';
)sql",
    // v4: replies are shuffled per attempt seed. Every attempt stored before was shown its
    // replies in file order whatever its seed, so existing rows are marked 'authored' and replay,
    // resume and re-score in that order; new attempts are written 'seeded'.
    R"sql(
ALTER TABLE attempts ADD COLUMN reply_order TEXT NOT NULL DEFAULT 'authored'
    CHECK (reply_order IN ('authored', 'seeded'));
)sql",
    // v5: the central store (docs/central-store.md). Every decision gets a UUID, as attempts
    // have, so a re-sent one is recognised by the server; existing rows get a random one here.
    // sync_confirmed is the outbox's other half: per attempt, the step count and status the
    // server last confirmed. An attempt is pending while its row differs from the attempt's.
    R"sql(
ALTER TABLE attempt_steps ADD COLUMN uid TEXT;
UPDATE attempt_steps SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX attempt_steps_by_uid ON attempt_steps(uid);
CREATE TABLE sync_confirmed (
    attempt_id   INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
    steps        INTEGER NOT NULL,
    status       TEXT NOT NULL,
    confirmed_at INTEGER NOT NULL
);
)sql",
    // v6: the text of every scenario version played (store/scenario_texts.hpp), by content hash,
    // so what a trainee saw survives the file being edited; sent_at is set once the central
    // store holds it, so sync sends each version once.
    R"sql(
CREATE TABLE scenario_texts (
    content_hash     TEXT PRIMARY KEY,
    scenario_id      TEXT NOT NULL,
    scenario_version TEXT NOT NULL,
    text             TEXT NOT NULL,
    sent_at          INTEGER
);
)sql",
    // v7: the trainee's adjustment of timed moments (WCAG 2.2 SC 2.2.1: standard, twice as long,
    // or untimed), kept with each attempt: it changes the conditions HR compares, and a resumed
    // attempt must replay under it. Every attempt before was played at the standard time.
    R"sql(
ALTER TABLE attempts ADD COLUMN timing TEXT NOT NULL DEFAULT 'standard'
    CHECK (timing IN ('standard', 'extended-x2', 'untimed'));
)sql",
    // v8: a trainer's assignments (store/assignments.hpp): "play this next", to one trainee or
    // to every trainee of a group. Keyed by the names the trainees and groups have in this
    // file, not by trainee row, so a trainee can be given one before their first attempt.
    // Nothing is marked done here: core/recommendation/assignment_status reads that off the
    // attempts, so an assignment and the attempts can never disagree.
    R"sql(
CREATE TABLE assignments (
    id          INTEGER PRIMARY KEY,
    trainee     TEXT NOT NULL DEFAULT '',
    group_name  TEXT NOT NULL DEFAULT '',
    scenario_id TEXT NOT NULL CHECK (scenario_id <> ''),
    assigned_by TEXT NOT NULL DEFAULT '',
    assigned_at INTEGER NOT NULL,
    due_at      INTEGER,
    note        TEXT NOT NULL DEFAULT '',
    CHECK ((trainee = '') <> (group_name = ''))
);
CREATE INDEX assignments_by_trainee ON assignments(trainee) WHERE trainee <> '';
CREATE INDEX assignments_by_group ON assignments(group_name) WHERE group_name <> '';
)sql",
    // v9: assignments pulled from the central store (store/sync_assignments.hpp) carry the
    // central row's uid, so the next pull updates or removes that row instead of adding it
    // again; NULL for one made on this desktop. SQLite's UNIQUE lets many NULLs through.
    R"sql(
ALTER TABLE assignments ADD COLUMN central_uid TEXT;
CREATE UNIQUE INDEX assignments_by_central_uid ON assignments(central_uid);
)sql",
    // v10: account campaigns (docs/campaign-format.md). An attempt that is a campaign's meeting
    // keeps the campaign, the run it belongs to, the meeting's index and the carried start it
    // began from (a resume must replay from the same start, and scoring search from it); every
    // attempt keeps its variables at the ending, which the next meeting starts from. A run's
    // progress is read off these rows (core/campaign/campaign_progress.hpp), never kept apart,
    // so the two cannot disagree. Attempts before were no campaign's and have no final state.
    R"sql(
ALTER TABLE attempts ADD COLUMN campaign_id TEXT;
ALTER TABLE attempts ADD COLUMN campaign_version TEXT;
ALTER TABLE attempts ADD COLUMN campaign_run TEXT;
ALTER TABLE attempts ADD COLUMN campaign_meeting INTEGER CHECK (campaign_meeting >= 0);
ALTER TABLE attempts ADD COLUMN carried_start TEXT;
ALTER TABLE attempts ADD COLUMN final_state TEXT;
CREATE INDEX attempts_by_campaign_run ON attempts(campaign_run, campaign_meeting)
    WHERE campaign_run IS NOT NULL;
)sql",
};

constexpr int kLatest = int(std::size(kMigrations));

int readPragmaInt(Database& db, const char* sql) {
    Statement s(db, sql);
    if (!s.step()) return 0;
    return int(s.integer(0));
}

void setPragmaInt(Database& db, const char* name, int value) {
    // PRAGMA takes no bound parameters; the value is an integer we produced, never user data.
    std::string sql = std::string("PRAGMA ") + name + " = " + std::to_string(value);
    db.exec(sql.c_str());
}

}  // namespace

int latestSchemaVersion() { return kLatest; }

int schemaVersion(Database& db) { return readPragmaInt(db, "PRAGMA user_version"); }

int checkIdentity(Database& db) {
    const int found = schemaVersion(db);
    const int app = readPragmaInt(db, "PRAGMA application_id");
    if (app != 0 && app != kApplicationId)
        throw StoreError("results database " + db.path() +
                             ": the file is an SQLite database of another application, not a "
                             "Rapport results database",
                         0);
    if (found == 0 && readPragmaInt(db, "SELECT count(*) FROM sqlite_master") != 0)
        throw StoreError("results database " + db.path() +
                             ": the file holds tables but is not a Rapport results database",
                         0);
    if (found > kLatest)
        throw StoreError("results database " + db.path() +
                             ": made by a newer Rapport (schema version " + std::to_string(found) +
                             "; this build knows versions up to " + std::to_string(kLatest) +
                             "). Update Rapport to open it.",
                         0);
    return found;
}

int migrate(Database& db, int target) {
    if (target < 0) target = kLatest;
    if (target > kLatest) throw std::logic_error("migrate: unknown target schema version");
    Transaction tx(db);
    const int found = checkIdentity(db);
    for (int v = found; v < target; ++v) db.exec(kMigrations[v]);
    if (found < target) {
        setPragmaInt(db, "application_id", kApplicationId);
        setPragmaInt(db, "user_version", target);
    }
    tx.commit();
    return found;
}

}  // namespace rapport::store
