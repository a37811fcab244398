// Central-store benchmark (docs/central-store.md): (a) sync throughput from one desktop, and
// (b) the HR pages' queries over a large central store in PostgreSQL next to the same queries
// on a desktop's SQLite file with the same attempts. Prints figures; asserts nothing.
//   usage: bench_sync [SYNC_ATTEMPTS [ATTEMPTS [TRAINEES [SQLITE_ATTEMPTS]]]]
//   (defaults 5,000; 1,000,000; 10,000; as many as ATTEMPTS). The SQLite side is written
//   through the desktop's own API, about a millisecond an attempt, so a smaller count keeps a
//   run short.
// The server is $RAPPORT_BENCH_DB when set (its database must be empty, or hold exactly the
// ATTEMPTS of an earlier run with SYNC_ATTEMPTS 0: the bench makes the schema), else a
// throwaway cluster started and removed with tests/support/pg-cluster.sh.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/pg_competencies.hpp"
#include "store/pg_reports.hpp"
#include "store/pg_schema.hpp"
#include "store/results_reader.hpp"
#include "store/results_store.hpp"
#include "store/sync_upload.hpp"

using namespace rapport;
using namespace rapport::store;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::string run(const std::string& cmd) {
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        ::pclose(p);
    }
    return out;
}

// The cluster the bench started, stopped at exit.
struct Cluster {
    std::string dir, uri;
    ~Cluster() {
        if (!dir.empty()) run(std::string(RAPPORT_PG_CLUSTER) + " stop " + dir + " 2>&1");
    }
};

// Three competencies, as a short real score report has them; the same text in both stores.
nlohmann::json report(const nlohmann::json& score) {
    nlohmann::json comps = nlohmann::json::array();
    for (const char* id : {"closing", "needs_discovery", "objection_handling"})
        comps.push_back({{"id", id},
                         {"name", id},
                         {"score", score},
                         {"level", "Proficient"},
                         {"assessed", true},
                         {"opportunities", 3},
                         {"confidence", "ok"}});
    return {{"overall", {{"score", score}}}, {"competencies", comps}};
}

TranscriptStep step(int n, int steps) {
    TranscriptStep st;
    st.step = n;
    st.node = "n" + std::to_string(n - 1);
    st.next = n == steps ? "end" : "n" + std::to_string(n);
    st.textShown = "The client says something reasonably long at this point of the conversation.";
    st.choicesShown = {"a", "b", "c"};
    st.choice = "b";
    st.choiceNumber = 2;
    st.choiceText = "The trainee answers with a line of typical length for a dialogue choice.";
    st.timeTakenMs = 4000;
    return st;
}

// Attempts through the desktop's own API, in one transaction; `steps` decisions each.
void fillDesktop(ResultsStore& db, int attempts, int trainees, int groups, int steps) {
    Transaction all(db.database());
    std::vector<std::int64_t> ids;
    for (int t = 0; t < trainees; ++t)
        ids.push_back(
            db.upsertTrainee({"Trainee " + std::to_string(t), "E-" + std::to_string(100000 + t),
                              "Group " + std::to_string(t % groups)}));
    for (int i = 0; i < attempts; ++i) {
        AttemptStart a;
        a.traineeId = ids[std::size_t(i % trainees)];
        a.scenarioId = "scenario-" + std::to_string(i % 10);
        a.scenarioVersion = "1.0";
        a.scenarioTitle = "Scenario " + std::to_string(i % 10);
        a.contentHash = std::string(64, 'c');
        a.frameworkId = "account-manager";
        a.frameworkVersion = "1.0.0";
        a.startedAtMs = 1'735'689'600'000 + std::int64_t(i) * 60'000;
        const auto id = db.beginAttempt(a);
        for (int s = 1; s <= steps; ++s)
            db.appendStep(id, step(s, steps),
                          nlohmann::json::array({{{"indicator", "needs_discovery.asks"}}}),
                          nullptr);
        db.finishAttempt(id, {"end", "won", a.startedAtMs + 600'000, report(40 + i % 60)});
    }
    all.commit();
}

// The same attempts made on the server itself (generate_series), so a million load in about a
// minute instead of a million round trips.
void fillCentral(PgConnection& c, int attempts, int trainees, int groups) {
    c.exec(
        "INSERT INTO attempts (uid, trainee_name, employee_id, group_name, scenario_id, "
        "scenario_version, scenario_title, content_hash, framework_id, framework_version, mode, "
        "seed, reply_order, started_at, ended_at, status, step_count, ending_node, outcome, "
        "score, passed, report, competencies) "
        "SELECT gen_random_uuid(), 'Trainee ' || (i % $2), 'E-' || (100000 + i % $2), "
        "'Group ' || ((i % $2) % $3), 'scenario-' || (i % 10), '1.0', 'Scenario ' || (i % 10), "
        "repeat('c', 64), 'account-manager', '1.0.0', 'practice', 0, 'seeded', "
        "1735689600000 + i * 60000::bigint, 1735689600000 + i * 60000::bigint + 600000, "
        "'finished', 0, 'end', 'won', 40 + i % 60, 40 + i % 60 >= 70, "
        "replace($4, '\"SCORE\"', (40 + i % 60)::text), "
        "replace($5, '12345.0', (40 + i % 60)::text || '.0') "
        "FROM generate_series(0, $1 - 1) AS i",
        {std::to_string(attempts), std::to_string(trainees), std::to_string(groups),
         report("SCORE").dump(), competencySummaryText(report(12345.0).dump()).value()});
    c.exec("ANALYZE attempts");
}

template <class F>
void timed(const char* what, F&& f) {
    for (int pass = 0; pass < 3; ++pass) {
        const auto t = Clock::now();
        const std::size_t rows = f();
        std::printf("  %-44s %8zu rows %9.1f ms%s\n", what, rows, msSince(t),
                    pass ? "" : " (first)");
    }
}

}  // namespace

int main(int argc, char** argv) {
    const int syncAttempts = argc > 1 ? std::atoi(argv[1]) : 5000;
    const int attempts = argc > 2 ? std::atoi(argv[2]) : 1'000'000;
    const int trainees = argc > 3 ? std::atoi(argv[3]) : 10'000;
    const int sqliteAttempts = argc > 4 ? std::atoi(argv[4]) : attempts;
    const int groups = 100, steps = 6;
    if (syncAttempts < 0 || attempts < 1 || trainees < 1 || sqliteAttempts < 1) {
        std::fprintf(stderr,
                     "usage: bench_sync [SYNC_ATTEMPTS [ATTEMPTS [TRAINEES [SQLITE_ATTEMPTS]]]]\n");
        return 2;
    }
    std::string tmpl = (std::filesystem::temp_directory_path() / "rapport-bsync-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return 1;
    struct Cleanup {
        std::string dir;
        ~Cleanup() { std::filesystem::remove_all(dir); }
    } cleanup{tmpl};  // declared first, so it runs after the cluster stopped
    Cluster cluster;
    if (const char* u = std::getenv("RAPPORT_BENCH_DB"); u && *u) {
        cluster.uri = u;
    } else {
        // Beside, not inside, the 0700 temporary folder: as root the cluster belongs to an
        // unprivileged user (pg-cluster.sh), who must reach its folder.
        cluster.dir = (std::filesystem::temp_directory_path() /
                       ("rapport-bsync-pg-" + std::to_string(::getpid())))
                          .string();
        const std::string out =
            run(std::string(RAPPORT_PG_CLUSTER) + " start " + cluster.dir + " 2>/dev/null");
        const auto last = out.rfind("postgresql://");
        if (last == std::string::npos) {
            std::fprintf(stderr, "bench_sync: the throwaway cluster did not start\n");
            return 1;
        }
        cluster.uri = out.substr(last, out.find('\n', last) - last);
    }
    try {
        PgConnection admin(cluster.uri);
        migratePg(admin);

        // (a) One desktop's outbox, all finished, 6 decisions each, synced from empty.
        if (syncAttempts > 0) {
            ResultsStore desk(tmpl + "/desk.db");
            fillDesktop(desk, syncAttempts, 50, 5, steps);
            const auto t = Clock::now();
            const SyncResult r = syncOutbox(desk.database(), cluster.uri);
            const double ms = msSince(t);
            std::printf(
                "sync from one desktop: %d attempts (%d decisions) in %.0f ms = %.0f attempts/s, "
                "%.0f decisions/s%s\n",
                r.confirmed, r.confirmed * steps, ms, r.confirmed / (ms / 1000),
                r.confirmed * steps / (ms / 1000), r.unreachable ? " (UNREACHABLE)" : "");
            admin.exec("TRUNCATE attempts CASCADE");
        }

        // (b) The HR pages' reads over `attempts` attempts of `trainees` trainees.
        auto t = Clock::now();
        // A $RAPPORT_BENCH_DB an earlier run filled with as many attempts is read again as it is
        // (a re-run after a change to the reads then takes seconds, not a minute).
        if (syncAttempts == 0 &&
            admin.exec("SELECT count(*) FROM attempts").integer(0, 0) == attempts) {
            std::printf("PostgreSQL: the %d attempts of an earlier run\n", attempts);
        } else {
            fillCentral(admin, attempts, trainees, groups);
            std::printf("PostgreSQL: %d attempts, %d trainees, %d groups generated in %.0f ms\n",
                        attempts, trainees, groups, msSince(t));
        }
        t = Clock::now();
        ResultsStore local(tmpl + "/hr.db");
        fillDesktop(local, sqliteAttempts, trainees, groups, 0);
        std::printf("SQLite: %d attempts, %d trainees, %d groups generated in %.0f ms\n",
                    sqliteAttempts, trainees, groups, msSince(t));

        AttemptFilter group, trainee;
        group.group = "Group 7";
        trainee.trainee = "Trainee " + std::to_string(4207 % trainees);
        std::printf("PostgreSQL (%d attempts):\n", attempts);
        timed("group page: one group's attempts", [&] { return pgAttempts(admin, group).size(); });
        timed("group page without competency rows",
              [&] { return pgAttempts(admin, group, false).size(); });
        timed("trainee page: one trainee's attempts",
              [&] { return pgAttempts(admin, trainee).size(); });
        // What the app's HR table runs over the central store (results_reader.hpp).
        auto central = openResultsReader(cluster.uri);
        timed("HR table: trainee x competency, one group",
              [&] { return central->competencyTable(group).size(); });
        timed("HR table: the whole company, no filter",
              [&] { return central->competencyTable({}).size(); });
        // What the app's table screen reads: one page of 100 trainees with their totals.
        timed("HR table page: 100 trainees + totals",
              [&] { return central->tablePage({}, 0, 100, {}).cells.size(); });
        timed("HR table page 51 (trainees 5001-5100)",
              [&] { return central->tablePage({}, 5000, 100, {}).cells.size(); });
        std::printf("SQLite (%d attempts):\n", sqliteAttempts);
        timed("group page: one group's attempts", [&] { return local.attempts(group).size(); });
        timed("group page without competency rows",
              [&] { return local.attempts(group, false).size(); });
        timed("trainee page: one trainee's attempts",
              [&] { return local.attempts(trainee).size(); });
        timed("HR table: trainee x competency, one group",
              [&] { return local.competencyTable(group).size(); });
        timed("HR table: the whole company, no filter",
              [&] { return local.competencyTable({}).size(); });
        auto localReader = openResultsReader(tmpl + "/hr.db");
        timed("HR table page: 100 trainees + totals",
              [&] { return localReader->tablePage({}, 0, 100, {}).cells.size(); });
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_sync: %s\n", e.what());
        return 1;
    }
    return 0;
}
