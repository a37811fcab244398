// The throwaway PostgreSQL cluster the pg.* tests run against (tests/support/pg-cluster.sh,
// started once by the CTest fixture pg.cluster.start). Its folder comes in $RAPPORT_TEST_PG_DIR;
// without it, or without a server answering there, a test FAILS with the reason: a central
// store that was never tested must not look like one that passed.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>

#include "store/pg_db.hpp"
#include "support/build_paths.hpp"
#include "support/run_command.hpp"

namespace rapport::test {

inline std::string pgClusterDir() {
    const char* d = std::getenv("RAPPORT_TEST_PG_DIR");
    if (!d || !*d)
        FAIL(
            "RAPPORT_TEST_PG_DIR is not set: run the pg.* tests through ctest, whose fixture "
            "pg.cluster.start starts the PostgreSQL cluster");
    return d;
}

// The superuser's URI for database `db` of the test cluster.
inline std::string pgUri(const std::string& db = "postgres") {
    const std::string dir = pgClusterDir();
    std::ifstream in(dir + "/password");
    std::string pw;
    if (!std::getline(in, pw))
        FAIL("no test cluster in " << dir
                                   << " (its password file is missing): did "
                                      "pg.cluster.start fail? see its output");
    return "postgresql://rapport_dba:" + pw + "@/" + db + "?host=" + dir;
}

// A login's URI for database `db`.
inline std::string pgUriAs(const std::string& user, const std::string& password,
                           const std::string& db) {
    return "postgresql://" + user + ":" + password + "@/" + db + "?host=" + pgClusterDir();
}

// Runs pg-cluster.sh `cmd` (kill, restart) on the test cluster.
inline void pgCluster(const std::string& cmd) {
    const auto r = runCommand(shellQuoted(RAPPORT_PG_CLUSTER_SCRIPT) + " " + cmd + " " +
                              shellQuoted(pgClusterDir()));
    REQUIRE_MESSAGE(r.exitCode == 0, "pg-cluster.sh " << cmd << ": " << r.err);
}

// A fresh, empty database per test, dropped at the end, so tests never see each other's rows.
class PgTestDatabase {
public:
    PgTestDatabase() {
        static std::atomic<int> n{0};
        name_ = "rapport_t" + std::to_string(::getpid()) + "_" + std::to_string(n++);
        try {
            store::PgConnection admin(pgUri());
            admin.execScript(("DROP DATABASE IF EXISTS " + name_).c_str());
            admin.execScript(("CREATE DATABASE " + name_).c_str());
        } catch (const store::PgError& e) {
            FAIL("the PostgreSQL test cluster does not answer: " << e.what());
        }
    }
    ~PgTestDatabase() {
        try {
            store::PgConnection admin(pgUri());
            admin.execScript(("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)").c_str());
        } catch (const store::PgError&) {
            // The cluster is stopped and wiped at the end anyway.
        }
    }
    PgTestDatabase(const PgTestDatabase&) = delete;
    PgTestDatabase& operator=(const PgTestDatabase&) = delete;
    const std::string& name() const { return name_; }
    std::string uri() const { return pgUri(name_); }

private:
    std::string name_;
};

}  // namespace rapport::test
