// The roles the app's access rule is given, read from a real PostgreSQL: direct and inherited
// membership of rapport_hr / rapport_trainer / rapport_admin, and none for a plain login.
#include <doctest/doctest.h>
#include <unistd.h>

#include "core/access/area_access.hpp"
#include "store/central_roles.hpp"
#include "support/pg_test_cluster.hpp"

using namespace rapport;
using namespace rapport::store;

TEST_CASE("central roles: a login holds what it was granted, directly or through a team") {
    test::PgTestDatabase pg;
    PgConnection su(pg.uri());
    const std::string tag = std::to_string(::getpid());
    const std::string hr = "gate_hr_" + tag, team = "gate_team_" + tag,
                      member = "gate_member_" + tag, plain = "gate_plain_" + tag;
    // The group roles are cluster-wide and other tests create them too: only when missing.
    su.execScript(
        "DO $$ BEGIN "
        "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rapport_hr') THEN "
        "CREATE ROLE rapport_hr NOLOGIN; END IF; "
        "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rapport_trainer') THEN "
        "CREATE ROLE rapport_trainer NOLOGIN; END IF; END $$;");
    const std::string sql = "CREATE ROLE " + hr + " LOGIN PASSWORD 'pw-hr'; GRANT rapport_hr TO " +
                            hr + "; CREATE ROLE " + team + " NOLOGIN; GRANT rapport_trainer TO " +
                            team + "; CREATE ROLE " + member + " LOGIN PASSWORD 'pw-m'; GRANT " +
                            team + " TO " + member + "; CREATE ROLE " + plain +
                            " LOGIN PASSWORD 'pw-p';";
    su.execScript(sql.c_str());
    struct Drop {
        PgConnection& c;
        std::string sql;
        ~Drop() {
            try {
                c.execScript(sql.c_str());
            } catch (...) {
            }
        }
    } drop{su, "DROP ROLE IF EXISTS " + hr + ", " + member + ", " + team + ", " + plain + ";"};

    {
        PgConnection c(test::pgUriAs(hr, "pw-hr", pg.name()));
        CHECK(heldRapportRoles(c) == std::vector<std::string>{"rapport_hr"});
    }
    {
        PgConnection c(test::pgUriAs(member, "pw-m", pg.name()));
        const auto roles = heldRapportRoles(c);
        CHECK(roles == std::vector<std::string>{"rapport_trainer"});
        const RoleSet set = roleSetFromNames(roles);
        CHECK(decideAccess(Area::Author, {true, set}).verdict == AccessVerdict::Open);
        CHECK(decideAccess(Area::Hr, {true, set}).verdict == AccessVerdict::Refused);
    }
    {
        PgConnection c(test::pgUriAs(plain, "pw-p", pg.name()));
        CHECK(heldRapportRoles(c).empty());
    }
}
