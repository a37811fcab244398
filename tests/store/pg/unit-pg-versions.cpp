// Scenario versions kept centrally (schema v3): the text a trainee played travels with the
// attempt's first sync, once per content hash, and stays what it was when the file is edited.
// Every read is made as the login it is about, because row-level security decides who sees it.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "core/checks/scenario_check.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/source/sha256.hpp"
#include "store/attempt_recorder.hpp"
#include "store/pg_reports.hpp"
#include "store/pg_roles.hpp"
#include "store/pg_schema.hpp"
#include "store/scenario_texts.hpp"
#include "store/sync_upload.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/pg_test_cluster.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::test;
using rapport::store::CentralRole;
using rapport::store::PgConnection;
using rapport::store::PgError;

namespace {

struct Login {
    std::string name, password;
};

Login addLogin(PgConnection& admin, const std::string& stem, CentralRole role,
               const std::string& group = "") {
    static std::atomic<int> n{0};
    Login l{stem + std::to_string(::getpid()) + "v" + std::to_string(n++), "pw-" + stem};
    store::addLogin(admin, {l.name, role, group, l.password});
    return l;
}

std::string uriAs(const Login& l, const PgTestDatabase& pg) {
    return "host='" + pgClusterDir() + "' dbname='" + pg.name() + "' user='" + l.name +
           "' password='" + l.password + "'";
}

// Starts an attempt of the scenario file at `path` on the desktop `db`, as the recorder does
// when a trainee begins one in the app.
void begin(store::ResultsStore& db, const store::TraineeInfo& who, const std::string& path) {
    ScenarioCheck check = checkScenarioFile(path);
    REQUIRE(check.playable());
    const Scenario& s = *check.scenario;
    store::AttemptRecorder::begin(db, who, s, findScenarioFramework(s), AttemptMode::Practice, 3,
                                  1'735'689'600'000);
}

std::int64_t count(PgConnection& c, const std::string& from) {
    return c.exec("SELECT count(*) FROM " + from).integer(0, 0);
}

}  // namespace

TEST_CASE("scenario versions: the text played is sent once and outlives an edit of the file") {
    PgTestDatabase pg;
    PgConnection admin(pg.uri());
    store::migratePg(admin);
    const Login ann = addLogin(admin, "ann", CentralRole::Trainee, "north");
    const Login bob = addLogin(admin, "bob", CentralRole::Trainee, "north");
    const Login cid = addLogin(admin, "cid", CentralRole::Trainee, "north");
    const Login hr = addLogin(admin, "hr", CentralRole::Hr);
    const Login otherHr = addLogin(admin, "hrx", CentralRole::Hr);
    store::grantGroup(admin, hr.name, "north");

    TempDir dir;
    const std::string file = dir.file("hub.json");
    const std::string played = readText(std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json");
    REQUIRE(played.find("What do you want to know?") != std::string::npos);
    REQUIRE(writeText(file, played));
    const std::string hash = sha256Hex(played);

    store::ResultsStore annDesk(dir.file("ann.db"));
    begin(annDesk, {"Ann", "E1", "north"}, file);
    // Kept at the start, before anything was synced: the desktop has what it must send.
    const auto kept = store::keptScenarioText(annDesk.database(), hash);
    REQUIRE(kept);
    CHECK(kept->text == played);

    // The author edits the line after Ann played it; the edited version is another hash.
    std::string edited = played;
    edited.replace(edited.find("What do you want to know?"), 25, "Tell me what you need.");
    REQUIRE(writeText(file, edited));

    auto r = store::syncOutbox(annDesk.database(), uriAs(ann, pg));
    CHECK_MESSAGE(r.error.empty(), r.error);
    CHECK(r.confirmed == 1);
    CHECK(r.scenarioTextsSent == 1);
    CHECK(r.scenarioTextBytes == played.size());

    // HR, over PostgreSQL, reads the version Ann saw, byte for byte, not the edited file.
    {
        PgConnection h(uriAs(hr, pg));
        const auto attempts = store::pgAttempts(h, {});
        REQUIRE(attempts.size() == 1);
        CHECK(attempts[0].contentHash == hash);
        const auto text = store::pgScenarioText(h, attempts[0].contentHash);
        REQUIRE(text);
        CHECK(text->text == played);
        CHECK(text->text.find("What do you want to know?") != std::string::npos);
        CHECK(text->text.find("Tell me what you need.") == std::string::npos);
        CHECK(text->scenarioId == attempts[0].scenarioId);
        CHECK(text->scenarioVersion == attempts[0].scenarioVersion);
    }
    // HR without a grant for the group sees no attempt of it and so no version.
    {
        PgConnection h(uriAs(otherHr, pg));
        CHECK_FALSE(store::pgScenarioText(h, hash));
        CHECK(count(h, "scenario_texts") == 0);
    }

    // Nothing new: the next sync sends nothing. Another attempt of the same version: the text
    // is not sent again.
    CHECK(store::syncOutbox(annDesk.database(), uriAs(ann, pg)).scenarioTextBytes == 0);
    REQUIRE(writeText(file, played));
    begin(annDesk, {"Ann", "E1", "north"}, file);
    r = store::syncOutbox(annDesk.database(), uriAs(ann, pg));
    CHECK(r.confirmed == 1);
    CHECK(r.scenarioTextsSent == 0);
    CHECK(r.scenarioTextBytes == 0);

    // Bob's desktop has its own copy of the text, but the server has it: Bob sends none of it
    // and reads it through his own attempt.
    store::ResultsStore bobDesk(dir.file("bob.db"));
    begin(bobDesk, {"Bob", "E2", "north"}, file);
    {
        PgConnection b(uriAs(bob, pg));
        CHECK(count(b, "scenario_texts") == 0);  // no attempt of it yet: nothing to read
    }
    r = store::syncOutbox(bobDesk.database(), uriAs(bob, pg));
    CHECK(r.confirmed == 1);
    CHECK(r.scenarioTextsSent == 0);
    CHECK(r.scenarioTextBytes == 0);
    CHECK(count(admin, "scenario_texts") == 1);
    {
        PgConnection b(uriAs(bob, pg));
        const auto text = store::pgScenarioText(b, hash);
        REQUIRE(text);
        CHECK(text->text == played);
        // Nobody rewrites a kept version.
        CHECK_THROWS_AS(b.exec("UPDATE scenario_texts SET text = 'x'"), PgError);
        CHECK_THROWS_AS(b.exec("DELETE FROM scenario_texts"), PgError);
    }
    // The edited version was played by nobody who synced: the server does not hold it.
    CHECK(count(admin, "scenario_texts WHERE content_hash = '" + sha256Hex(edited) + "'") == 0);

    // Cid has no attempt of it: invisible. And no login can file a text under a hash it does
    // not match, nor one for an attempt it does not have.
    PgConnection c(uriAs(cid, pg));
    CHECK(count(c, "scenario_texts") == 0);
    auto refused = [&](const std::string& h, const std::string& text) {
        try {
            c.exec(
                "INSERT INTO scenario_texts (content_hash, scenario_id, scenario_version, text) "
                "VALUES ($1, 'hub', '1', $2)",
                {h, text});
            return std::string();
        } catch (const PgError& e) {
            return e.sqlstate();
        }
    };
    CHECK(refused(sha256Hex("{}"), "{}") == "42501");  // no attempt of that version
    CHECK(refused(hash, "forged") != "");
    CHECK(admin.exec("SELECT text FROM scenario_texts").text(0, 0) == played);
    // A restored backup lost the version: a desktop told to send everything again (its
    // confirmations deleted, docs/central-store.md "Backups") sends it again, once.
    admin.exec("DELETE FROM scenario_texts");
    annDesk.database().exec("DELETE FROM sync_confirmed");
    r = store::syncOutbox(annDesk.database(), uriAs(ann, pg));
    CHECK(r.confirmed == 2);
    CHECK(r.scenarioTextsSent == 1);
    CHECK(admin.exec("SELECT text FROM scenario_texts").text(0, 0) == played);
    // The server itself refuses a text that is not what its hash names, whoever sends it.
    try {
        admin.exec(
            "INSERT INTO scenario_texts (content_hash, scenario_id, scenario_version, text) "
            "VALUES ($1, 'hub', '1', 'forged')",
            {std::string(64, 'b')});
        FAIL("a text that does not match its hash was stored");
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "23514");
    }
}

TEST_CASE("scenario versions: a file edited before the attempt is kept is not kept as played") {
    TempDir dir;
    const std::string file = dir.file("hub.json");
    REQUIRE(writeText(file, readText(std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json")));
    ScenarioCheck check = checkScenarioFile(file);
    REQUIRE(check.playable());
    const Scenario& s = *check.scenario;
    // Between loading and starting, the file changed: the bytes are not the version loaded.
    REQUIRE(writeText(file, readText(file) + "\n"));
    store::ResultsStore db(dir.file("d.db"));
    store::AttemptRecorder::begin(db, {"Ann", "", ""}, s, findScenarioFramework(s),
                                  AttemptMode::Practice, 3, 1);
    CHECK_FALSE(store::keptScenarioText(db.database(), s.contentHash));
    std::filesystem::remove(file);  // and a file that is gone keeps nothing, without an error
    store::AttemptRecorder::begin(db, {"Ann", "", ""}, s, findScenarioFramework(s),
                                  AttemptMode::Practice, 4, 2);
    CHECK_FALSE(store::keptScenarioText(db.database(), s.contentHash));
}
