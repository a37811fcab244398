// Migrations are append-only: a released step is never edited, because central databases in the
// field were made by it. A new version adds a step here and a section to docs/central-store.md.
#include "store/pg_schema.hpp"

#include <iterator>
#include <string>
#include <vector>

#include "store/pg_competencies.hpp"

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
    // v2: roles and row-level security (docs/central-store.md, "Roles"). Four NOLOGIN group
    // roles, made once per cluster (roles are cluster-wide, so a second database reuses them);
    // each login is a member of one. RLS rather than views for the people's rows, so a
    // trainee's own SQL, not just Rapport, gets only what the policies give. The table owner
    // (whoever ran `admin init`) is not subject to RLS; everyone else is.
    R"sql(
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['rapport_trainee', 'rapport_trainer', 'rapport_hr', 'rapport_admin']
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$$;
-- Who is who: the role and group `rapport admin add-user` gave each login. A trainee's
-- attempts must carry this group (when one is set), so a trainee cannot file attempts under a
-- group whose HR would then read them.
CREATE TABLE logins (
    login      name PRIMARY KEY,
    role       text NOT NULL CHECK (role IN ('trainee', 'trainer', 'hr', 'admin')),
    group_name text,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- Which groups an HR or trainer login may read with names (`rapport admin grant`).
CREATE TABLE group_grants (
    login      name NOT NULL,
    group_name text NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (login, group_name)
);
GRANT USAGE ON SCHEMA public TO rapport_trainee, rapport_trainer, rapport_hr, rapport_admin;
GRANT SELECT ON rapport_schema TO rapport_trainee, rapport_trainer, rapport_hr, rapport_admin;

ALTER TABLE logins ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON logins TO rapport_trainee, rapport_trainer, rapport_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON logins TO rapport_admin;
CREATE POLICY logins_own ON logins FOR SELECT TO rapport_trainee, rapport_trainer, rapport_hr
    USING (login = current_user);
CREATE POLICY logins_admin ON logins FOR ALL TO rapport_admin USING (true) WITH CHECK (true);

ALTER TABLE group_grants ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON group_grants TO rapport_trainer, rapport_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON group_grants TO rapport_admin;
CREATE POLICY grants_own ON group_grants FOR SELECT TO rapport_trainer, rapport_hr
    USING (login = current_user);
CREATE POLICY grants_admin ON group_grants FOR ALL TO rapport_admin USING (true)
    WITH CHECK (true);

-- Trainees insert and move forward their own attempts (what sync does) and never delete; the
-- columns they may update are the ones sync's upsert moves, never the owner or the group.
ALTER TABLE attempts ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON attempts TO rapport_trainee;
GRANT UPDATE (ended_at, status, step_count, ending_node, outcome, score, passed, report,
    updated_at) ON attempts TO rapport_trainee;
GRANT SELECT ON attempts TO rapport_trainer, rapport_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON attempts TO rapport_admin;
CREATE POLICY attempts_trainee ON attempts FOR ALL TO rapport_trainee
    USING (owner_login = current_user)
    WITH CHECK (owner_login = current_user AND group_name = coalesce(
        (SELECT l.group_name FROM logins l WHERE l.login = current_user), group_name));
CREATE POLICY attempts_granted ON attempts FOR SELECT TO rapport_trainer, rapport_hr
    USING (group_name IN (SELECT g.group_name FROM group_grants g WHERE g.login = current_user));
CREATE POLICY attempts_admin ON attempts FOR ALL TO rapport_admin USING (true) WITH CHECK (true);

-- A decision is visible exactly when its attempt is (the subquery runs under the reader's own
-- policies on attempts).
ALTER TABLE decisions ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON decisions TO rapport_trainee;
GRANT SELECT ON decisions TO rapport_trainer, rapport_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON decisions TO rapport_admin;
CREATE POLICY decisions_trainee ON decisions FOR ALL TO rapport_trainee
    USING (owner_login = current_user)
    WITH CHECK (owner_login = current_user AND attempt_uid IN (SELECT uid FROM attempts));
CREATE POLICY decisions_granted ON decisions FOR SELECT TO rapport_trainer, rapport_hr
    USING (attempt_uid IN (SELECT uid FROM attempts));
CREATE POLICY decisions_admin ON decisions FOR ALL TO rapport_admin USING (true)
    WITH CHECK (true);

-- Scenario analytics without names: views run with their owner's rights, so they see every
-- row, and show no column that names or identifies a trainee (no name, employee id, group,
-- login; the attempt key is a hash that joins the two views and nothing else).
-- security_barrier keeps a reader's own WHERE functions from seeing rows before the view's.
CREATE VIEW scenario_attempts WITH (security_barrier) AS
    SELECT md5(uid::text) AS attempt_key, scenario_id, scenario_version, content_hash,
           framework_id, framework_version, mode, status, step_count, ending_node, outcome,
           score, passed, date_trunc('day', to_timestamp(started_at / 1000.0)) AS started_day
    FROM attempts;
CREATE VIEW scenario_decisions WITH (security_barrier) AS
    SELECT md5(d.attempt_uid::text) AS attempt_key, a.scenario_id, a.scenario_version,
           a.content_hash, d.step, d.node, d.choice, d.timed_out
    FROM decisions d JOIN attempts a ON a.uid = d.attempt_uid;
GRANT SELECT ON scenario_attempts, scenario_decisions TO rapport_trainer, rapport_hr,
    rapport_admin;
)sql",
    // v3: the text of every scenario version played, by content hash, sent once by the first
    // desktop that syncs an attempt of it. The CHECK makes the server itself confirm that the
    // text is the version the hash names, so no login can file a false text under a real hash.
    // A version is readable by whoever can read an attempt of it (the subquery runs under the
    // reader's own policies on attempts); a trainee may add one only for their own attempt.
    R"sql(
CREATE TABLE scenario_texts (
    content_hash     text PRIMARY KEY
        CHECK (content_hash = encode(sha256(convert_to(text, 'UTF8')), 'hex')),
    scenario_id      text NOT NULL,
    scenario_version text NOT NULL,
    text             text NOT NULL,
    owner_login      name NOT NULL DEFAULT current_user,
    received_at      timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE scenario_texts ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON scenario_texts TO rapport_trainee;
GRANT SELECT ON scenario_texts TO rapport_trainer, rapport_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON scenario_texts TO rapport_admin;
CREATE POLICY texts_read ON scenario_texts FOR SELECT
    TO rapport_trainee, rapport_trainer, rapport_hr
    USING (content_hash IN (SELECT a.content_hash FROM attempts a));
CREATE POLICY texts_trainee_add ON scenario_texts FOR INSERT TO rapport_trainee
    WITH CHECK (owner_login = current_user
                AND content_hash IN (SELECT a.content_hash FROM attempts a));
CREATE POLICY texts_admin ON scenario_texts FOR ALL TO rapport_admin USING (true)
    WITH CHECK (true);
-- The trainee page (`rapport report --trainee`) found one trainee's rows by reading them all.
CREATE INDEX attempts_by_trainee ON attempts(trainee_name, started_at);
)sql",
    // v4: each finished attempt's competency results beside its report (pg_competencies.hpp),
    // written by sync, so HR's pages read a few hundred bytes an attempt instead of parsing
    // every report. Rows from before are filled in by backfillCompetencies below, in the same
    // transaction; a row still without one (an older desktop's upload) is read from its report.
    // A trainee's upsert moves it with the report.
    R"sql(
ALTER TABLE attempts ADD COLUMN competencies text;
GRANT UPDATE (competencies) ON attempts TO rapport_trainee;
)sql",
    // v5: the trainee's adjustment of timed moments, as the desktop keeps it (SQLite v7): it
    // changes the conditions HR compares. Attempts uploaded before were all played at the
    // standard time, which older desktops still send by leaving the column out.
    R"sql(
ALTER TABLE attempts ADD COLUMN timing text NOT NULL DEFAULT 'standard'
    CHECK (timing IN ('standard', 'extended-x2', 'untimed'));
)sql",
    // v6: HR's table from a per-(trainee, competency) aggregate kept by the server, so the
    // whole-company table reads a row a cell instead of every attempt (bench/bench_sync.cpp).
    // A row stands for exactly the finished attempts of one (mode, group, trainee name, login),
    // the keys row-level security and the filters use, so what a login sees of the table is the
    // aggregate of exactly the attempts it may read. Mode 'any' is both modes together: two
    // rows' sums cannot be added into the bits of one sum. `item` is 'c' || competency id for a
    // competency, 's' for the scenario score (the table's overall and pass-rate columns).
    // The sum is added in (started_at, uid) order, as the desktop's fold adds it, so a later
    // attempt extends it and an earlier one (a desktop that was offline) recounts the row.
    // Kept by triggers on attempts running as the table's owner: no login writes it, so it can
    // only say what the attempts say.
    R"sql(
CREATE TABLE hr_cells (
    mode            text NOT NULL CHECK (mode IN ('practice', 'exam', 'any')),
    group_name      text NOT NULL,
    trainee_name    text COLLATE "C" NOT NULL,
    owner_login     name NOT NULL,
    item            text NOT NULL,
    attempts        integer NOT NULL,
    passed          integer NOT NULL,
    score_sum       double precision NOT NULL,
    best            double precision NOT NULL,
    last_started_at bigint NOT NULL,
    last_uid        uuid NOT NULL,
    last_score      double precision NOT NULL,
    last_name       text NOT NULL,
    PRIMARY KEY (mode, trainee_name, item, group_name, owner_login)
);
CREATE INDEX hr_cells_by_group ON hr_cells(mode, group_name, trainee_name);
ALTER TABLE hr_cells ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON hr_cells TO rapport_trainee, rapport_trainer, rapport_hr;
GRANT SELECT, INSERT, UPDATE, DELETE ON hr_cells TO rapport_admin;
CREATE POLICY hr_cells_trainee ON hr_cells FOR SELECT TO rapport_trainee
    USING (owner_login = current_user);
CREATE POLICY hr_cells_granted ON hr_cells FOR SELECT TO rapport_trainer, rapport_hr
    USING (group_name IN (SELECT g.group_name FROM group_grants g WHERE g.login = current_user));
CREATE POLICY hr_cells_admin ON hr_cells FOR ALL TO rapport_admin USING (true) WITH CHECK (true);

-- What one attempt contributes: a row per assessed, scored competency of its summary (in the
-- summary's order, `ord`) and one for its scenario score, each under its mode and under 'any';
-- only what the desktop's fold counts. A summary of another shape contributes nothing, as the
-- HR pages then read none from it.
CREATE FUNCTION rapport_cell_items(p_status text, p_mode text, p_score double precision,
                                   p_passed boolean, p_competencies text)
RETURNS TABLE (mode text, item text, score double precision, passed integer, name text,
               ord bigint)
LANGUAGE sql IMMUTABLE AS $f$
    SELECT m.m, x.item, x.score, x.passed, x.name, x.ord
    FROM (SELECT 'c' || (e.c ->> 0) AS item, (e.c ->> 2)::double precision AS score,
                 0 AS passed, coalesce(e.c ->> 1, '') AS name, e.ord
          FROM json_array_elements(CASE WHEN json_typeof(p_competencies::json) = 'array'
                                        THEN p_competencies::json ELSE '[]' END)
               WITH ORDINALITY AS e(c, ord)
          WHERE json_typeof(e.c) = 'array' AND json_typeof(e.c -> 0) = 'string'
            AND json_typeof(e.c -> 2) = 'number' AND (e.c ->> 6) = 'true'
          UNION ALL
          SELECT 's', p_score, CASE WHEN p_passed THEN 1 ELSE 0 END, '', 0
          WHERE p_score IS NOT NULL) x
    CROSS JOIN (VALUES (p_mode), ('any')) AS m(m)
    WHERE p_status = 'finished'
$f$;

-- Adds `xs` to `s` one at a time, in order: float8 addition is the desktop's double addition.
CREATE FUNCTION rapport_add_in_order(s double precision, xs double precision[])
RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $f$
DECLARE x double precision;
BEGIN
    FOREACH x IN ARRAY xs LOOP s := s + x; END LOOP;
    RETURN s;
END
$f$;

-- The rows the attempts of `source` (a query giving attempts' columns) make, one per key in key
-- order, with their results in the order a sum adds them. Text, because a trigger's transition
-- tables are seen only by its own statements.
CREATE FUNCTION rapport_cells_of(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT format($q$
        SELECT i.mode, a.group_name, a.trainee_name, a.owner_login, i.item,
               count(*)::integer AS n, sum(i.passed)::integer AS passed,
               array_agg(i.score ORDER BY a.started_at, a.uid, i.ord) AS scores,
               max(i.score) AS best,
               (array_agg(a.started_at ORDER BY a.started_at, a.uid, i.ord))[1] AS first_at,
               (array_agg(a.uid ORDER BY a.started_at, a.uid, i.ord))[1] AS first_uid,
               (array_agg(a.started_at ORDER BY a.started_at DESC, a.uid DESC, i.ord))[1] AS l_at,
               (array_agg(a.uid ORDER BY a.started_at DESC, a.uid DESC, i.ord))[1] AS l_uid,
               (array_agg(i.score ORDER BY a.started_at DESC, a.uid DESC, i.ord))[1] AS l_score,
               (array_agg(i.name ORDER BY a.started_at DESC, a.uid DESC, i.ord))[1] AS l_name
        FROM (%s) a CROSS JOIN LATERAL
             rapport_cell_items(a.status, a.mode, a.score, a.passed, a.competencies) i
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 5, 2, 4 $q$, source)
$f$;

-- One row counted again from its attempts; none when no result is left. VOLATILE, so it reads
-- the attempts as committed when the row's lock was granted, not when the statement began: an
-- upload that held the lock before has its attempts counted.
CREATE FUNCTION rapport_recount_cell(k_mode text, k_group text, k_trainee text, k_owner name,
                                     k_item text) RETURNS SETOF hr_cells
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $f$
BEGIN
    RETURN QUERY EXECUTE 'SELECT mode, group_name, trainee_name, owner_login, item, n, passed, '
        'rapport_add_in_order(0, scores), best, l_at, l_uid, l_score, l_name FROM ('
        || rapport_cells_of('SELECT * FROM attempts WHERE owner_login = $4 AND trainee_name = $3 '
                            'AND group_name = $2 AND status = ''finished'' '
                            'AND ($1 = ''any'' OR mode = $1)')
        || ') k WHERE k.mode = $1 AND k.item = $5'
        USING k_mode, k_group, k_trainee, k_owner, k_item;
END
$f$;

-- After every change to attempts. Newly finished attempts are added: one INSERT … ON CONFLICT
-- DO UPDATE per row touched, in key order, so two uploads touching the same rows wait for each
-- other rather than deadlock; the update works on the row as it is once locked, so a concurrent
-- upload's increment is never lost. When every added result is later than the row's latest,
-- the sum goes on from the row's; otherwise the row is counted again from its attempts, among
-- which the statement's own are already. Sync moves an attempt forward only while it is in
-- progress, so any other change to a finished attempt (an administrator's edit or delete)
-- recounts the rows it was and is in.
CREATE FUNCTION rapport_cells_maintain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE
    k record;
    added text;
    changed text[] := '{}';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM hr_cells;
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        added := 'SELECT * FROM new_rows WHERE status = ''finished''';
    ELSIF TG_OP = 'UPDATE' THEN
        added := 'SELECT n.* FROM new_rows n JOIN old_rows o ON o.uid = n.uid '
                 'WHERE o.status <> ''finished'' AND n.status = ''finished''';
        changed := ARRAY['SELECT o.* FROM old_rows o WHERE o.status = ''finished''',
                         'SELECT n.* FROM new_rows n JOIN old_rows o ON o.uid = n.uid '
                         'WHERE o.status = ''finished'' AND n.status = ''finished'''];
    ELSE
        changed := ARRAY['SELECT * FROM old_rows WHERE status = ''finished'''];
    END IF;
    IF added IS NOT NULL THEN
        FOR k IN EXECUTE rapport_cells_of(added) LOOP
            INSERT INTO hr_cells AS t VALUES (k.mode, k.group_name, k.trainee_name,
                k.owner_login, k.item, k.n, k.passed, rapport_add_in_order(0, k.scores), k.best,
                k.l_at, k.l_uid, k.l_score, k.l_name)
            ON CONFLICT (mode, trainee_name, item, group_name, owner_login) DO UPDATE SET
                (attempts, passed, score_sum, best, last_started_at, last_uid, last_score,
                 last_name) =
                (SELECT CASE WHEN g.later THEN t.attempts + k.n ELSE r.attempts END,
                        CASE WHEN g.later THEN t.passed + k.passed ELSE r.passed END,
                        CASE WHEN g.later THEN rapport_add_in_order(t.score_sum, k.scores)
                             ELSE r.score_sum END,
                        CASE WHEN g.later THEN greatest(t.best, k.best) ELSE r.best END,
                        CASE WHEN g.later THEN k.l_at ELSE r.last_started_at END,
                        CASE WHEN g.later THEN k.l_uid ELSE r.last_uid END,
                        CASE WHEN g.later THEN k.l_score ELSE r.last_score END,
                        CASE WHEN g.later THEN k.l_name ELSE r.last_name END
                 FROM (SELECT (k.first_at, k.first_uid) > (t.last_started_at, t.last_uid)
                              AS later) g
                 LEFT JOIN LATERAL (SELECT * FROM rapport_recount_cell(t.mode, t.group_name,
                     t.trainee_name, t.owner_login, t.item) WHERE NOT g.later) r ON true);
        END LOOP;
    END IF;
    FOR i IN 1 .. coalesce(array_length(changed, 1), 0) LOOP
        FOR k IN EXECUTE rapport_cells_of(changed[i]) LOOP
            DELETE FROM hr_cells WHERE mode = k.mode AND group_name = k.group_name
                AND trainee_name = k.trainee_name AND owner_login = k.owner_login
                AND item = k.item;
            INSERT INTO hr_cells SELECT * FROM rapport_recount_cell(k.mode, k.group_name,
                k.trainee_name, k.owner_login, k.item);
        END LOOP;
    END LOOP;
    RETURN NULL;
END
$f$;
REVOKE ALL ON FUNCTION rapport_cells_maintain() FROM PUBLIC;
CREATE TRIGGER hr_cells_insert AFTER INSERT ON attempts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rapport_cells_maintain();
CREATE TRIGGER hr_cells_update AFTER UPDATE ON attempts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rapport_cells_maintain();
CREATE TRIGGER hr_cells_delete AFTER DELETE ON attempts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rapport_cells_maintain();
CREATE TRIGGER hr_cells_truncate AFTER TRUNCATE ON attempts
    FOR EACH STATEMENT EXECUTE FUNCTION rapport_cells_maintain();

-- The attempts already there.
DO $$
BEGIN
    EXECUTE 'INSERT INTO hr_cells SELECT mode, group_name, trainee_name, owner_login, item, n, '
        'passed, rapport_add_in_order(0, scores), best, l_at, l_uid, l_score, l_name FROM ('
        || rapport_cells_of('SELECT * FROM attempts WHERE status = ''finished''') || ') k';
END
$$;
)sql",
    // v7: trainers' assignments ("play this next"), for one trainee or a whole group. Every row
    // names a group, the one whose grant lets a trainer or HR login add and remove it; one for a
    // trainee also names the trainee's login (the identity the database knows, so RLS can give
    // it to them alone) and their name as their attempts carry it (what the desktop matches).
    // A removal only sets removed_at: the row stays as a record of who assigned what, and a
    // desktop that pulled it learns it is gone. Nobody but an admin deletes.
    R"sql(
CREATE TABLE assignments (
    uid            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_name     text NOT NULL CHECK (group_name <> ''),
    trainee_login  name,
    trainee_name   text,
    scenario_id    text NOT NULL CHECK (scenario_id <> ''),
    due_at         bigint,
    note           text NOT NULL DEFAULT '',
    assigned_by    text NOT NULL DEFAULT '',
    assigned_login name NOT NULL DEFAULT current_user,
    assigned_at    bigint NOT NULL,
    removed_at     bigint,
    removed_login  name,
    CHECK ((trainee_login IS NULL) = (trainee_name IS NULL)),
    CHECK ((removed_at IS NULL) = (removed_login IS NULL))
);
CREATE INDEX assignments_by_group ON assignments(group_name, assigned_at);
CREATE INDEX assignments_by_trainee ON assignments(trainee_login) WHERE trainee_login IS NOT NULL;
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON assignments TO rapport_trainer, rapport_hr;
GRANT UPDATE (removed_at, removed_login) ON assignments TO rapport_trainer, rapport_hr;
GRANT SELECT ON assignments TO rapport_trainee;
GRANT SELECT, INSERT, UPDATE, DELETE ON assignments TO rapport_admin;
-- Trainers and HR: the groups granted to them, removed rows included (who assigned what).
CREATE POLICY assignments_granted_read ON assignments FOR SELECT TO rapport_trainer, rapport_hr
    USING (group_name IN (SELECT g.group_name FROM group_grants g WHERE g.login = current_user));
-- Adding one in their own name; a trainee named must have an attempt in that group that the
-- adder may read, so nobody can send a note to a trainee outside the groups granted to them.
CREATE POLICY assignments_granted_add ON assignments FOR INSERT TO rapport_trainer, rapport_hr
    WITH CHECK (assigned_login = current_user AND removed_at IS NULL
        AND group_name IN (SELECT g.group_name FROM group_grants g WHERE g.login = current_user)
        AND (trainee_login IS NULL OR EXISTS (SELECT 1 FROM attempts a
            WHERE a.owner_login = assignments.trainee_login
              AND a.group_name = assignments.group_name)));
CREATE POLICY assignments_granted_remove ON assignments FOR UPDATE TO rapport_trainer, rapport_hr
    USING (removed_at IS NULL
        AND group_name IN (SELECT g.group_name FROM group_grants g WHERE g.login = current_user))
    WITH CHECK (removed_login = current_user);
-- A trainee: the live ones naming their login, and those to the group their login is in.
CREATE POLICY assignments_trainee ON assignments FOR SELECT TO rapport_trainee
    USING (removed_at IS NULL AND (trainee_login = current_user OR (trainee_login IS NULL
        AND group_name = (SELECT l.group_name FROM logins l WHERE l.login = current_user))));
CREATE POLICY assignments_admin ON assignments FOR ALL TO rapport_admin USING (true)
    WITH CHECK (true);
)sql",
    // v8: account campaigns, as the desktop keeps them (SQLite v10): the campaign an attempt is
    // a meeting of, its run, the meeting's index and the carried start it began from, all set
    // when the attempt is first sent and never changed; and the variables at the ending, which
    // arrive with the finish, so the trainee may move that one column forward. Row-level
    // security is as before: a campaign's attempts are attempts.
    R"sql(
ALTER TABLE attempts ADD COLUMN campaign_id text;
ALTER TABLE attempts ADD COLUMN campaign_version text;
ALTER TABLE attempts ADD COLUMN campaign_run uuid;
ALTER TABLE attempts ADD COLUMN campaign_meeting integer CHECK (campaign_meeting >= 0);
ALTER TABLE attempts ADD COLUMN carried_start text;
ALTER TABLE attempts ADD COLUMN final_state text;
CREATE INDEX attempts_by_campaign_run ON attempts (campaign_run, campaign_meeting)
    WHERE campaign_run IS NOT NULL;
GRANT UPDATE (final_state) ON attempts TO rapport_trainee;
)sql",
};

constexpr int kLatest = int(std::size(kPgMigrations));

// The summary is made by the same C++ as at upload (summariseScoreReport is lenient in ways SQL
// would not repeat exactly), a few thousand rows a round trip, keyed on uid so it walks the
// primary key once.
void backfillCompetencies(PgConnection& c) {
    constexpr int kRows = 5000;
    std::string after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
        auto r = c.exec(
            "SELECT uid::text, report FROM attempts WHERE uid > $1::uuid AND status = 'finished' "
            "AND report IS NOT NULL AND competencies IS NULL ORDER BY uid LIMIT " +
                std::to_string(kRows),
            {after});
        if (!r.rows()) return;
        std::vector<std::string> uids, summaries;
        for (int i = 0; i < r.rows(); ++i) {
            if (auto s = competencySummaryText(r.text(i, 1))) {
                uids.push_back(r.text(i, 0));
                summaries.push_back(std::move(*s));
            }
        }
        after = r.text(r.rows() - 1, 0);
        if (uids.empty()) continue;
        c.exec(
            "UPDATE attempts SET competencies = v.summary FROM unnest($1::uuid[], $2::text[]) "
            "AS v(uid, summary) WHERE attempts.uid = v.uid",
            {pgArray(uids), pgArray(summaries)});
    }
}

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
    for (int v = found; v < kLatest; ++v) {
        c.execScript(kPgMigrations[v]);
        if (v + 1 == 4) backfillCompetencies(c);
    }
    if (found < kLatest)
        c.exec("UPDATE rapport_schema SET version = $1", {std::to_string(kLatest)});
    tx.commit();
    return found;
}

}  // namespace rapport::store
