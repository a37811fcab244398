// A campaign meeting's fields (central schema v8) arrive with the attempt: the campaign, run,
// meeting and carried start when it is first sent, the final state with its finish, synced by a
// trainee login under row-level security (which the campaign columns leave as it was).
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>

#include "store/pg_roles.hpp"
#include "store/pg_schema.hpp"
#include "store/sync_upload.hpp"
#include "support/build_paths.hpp"
#include "support/pg_test_cluster.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::test;
using rapport::store::CentralRole;
using rapport::store::PgConnection;

namespace {

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char ch : s) {
        if (ch == '\'' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "'";
}

}  // namespace

TEST_CASE("campaign: a meeting's campaign fields and final state arrive centrally") {
    PgTestDatabase pg;
    PgConnection admin(pg.uri());
    store::migratePg(admin);
    CHECK(store::latestPgSchemaVersion() == 8);
    static std::atomic<int> n{0};
    const std::string login = "camp" + std::to_string(::getpid()) + "x" + std::to_string(n++);
    const std::string password = "pw-camp-'\"";
    store::addLogin(admin, {login, CentralRole::Trainee, "north", password});
    const std::string uri = "host=" + quoted(pgClusterDir()) + " dbname=" + quoted(pg.name()) +
                            " user=" + quoted(login) + " password=" + quoted(password);

    TempDir dir;
    store::ResultsStore local(dir.file("d.db"));
    const auto t = local.upsertTrainee({"Anna", "E1", "north"});
    store::AttemptStart a;
    a.traineeId = t;
    a.scenarioId = "key-account-renewal";
    a.scenarioVersion = "1.0.0";
    a.scenarioTitle = "Renewal";
    a.contentHash = std::string(64, 'b');
    a.frameworkId = "account-manager";
    a.frameworkVersion = "1.0.0";
    a.startedAtMs = 1000;
    a.campaign = AttemptCampaign{
        "key-account-quarter", "1.0.0", "6f1c2a7e-0d4b-4f8e-9a51-3c2b1d0e9f87", 1, {{"trust", 17}}};
    const auto id = local.beginAttempt(a);
    local.appendStep(id, sampleStep(1, "n0", "n1"), nlohmann::json::array(), {{"node", "n1"}});
    // A lone attempt beside it keeps its columns empty.
    writeAttempt(local, t, "discovery", 2000, 1, true);
    REQUIRE(store::syncOutbox(local.database(), uri).confirmed == 2);

    auto row = [&] {
        return admin.exec(
            "SELECT campaign_id, campaign_version, campaign_run::text, campaign_meeting::text, "
            "carried_start, coalesce(final_state, '-'), status FROM attempts WHERE "
            "scenario_id = 'key-account-renewal'");
    };
    auto r = row();
    REQUIRE(r.rows() == 1);
    CHECK(r.text(0, 0) == "key-account-quarter");
    CHECK(r.text(0, 1) == "1.0.0");
    CHECK(r.text(0, 2) == "6f1c2a7e-0d4b-4f8e-9a51-3c2b1d0e9f87");
    CHECK(r.text(0, 3) == "1");
    CHECK(nlohmann::json::parse(r.text(0, 4)) == nlohmann::json{{"trust", 17}});
    CHECK(r.text(0, 5) == "-");  // not finished yet
    CHECK(r.text(0, 6) == "in_progress");

    // The finish brings the final state: the trainee's upsert may move that column.
    store::AttemptEnd end{"won", "won", 5000, sampleReport(80, true, 80, 60)};
    end.finalState = {{"trust", 55}, {"patience", 40}};
    local.finishAttempt(id, end);
    REQUIRE(store::syncOutbox(local.database(), uri).confirmed == 1);
    auto done = row();
    CHECK(done.text(0, 6) == "finished");
    CHECK(nlohmann::json::parse(done.text(0, 5)) == end.finalState);
    CHECK(done.text(0, 0) == "key-account-quarter");  // set once, unchanged
    auto lone = admin.exec(
        "SELECT count(*) FROM attempts WHERE scenario_id = 'discovery' AND campaign_id IS NULL "
        "AND campaign_run IS NULL AND carried_start IS NULL");
    CHECK(lone.integer(0, 0) == 1);
    // Row-level security as before: the trainee sees their own rows, with the new columns.
    PgConnection mine(uri);
    CHECK(mine.exec("SELECT count(*) FROM attempts WHERE campaign_run IS NOT NULL").integer(0, 0) ==
          1);
}
