// The HR assignments page never holds up the window: a central store that does not answer
// leaves the page drawing "Loading…" frame after frame with what was typed kept, and its error
// shows in words once the connection fails; a save waiting on a locked file shows "Saving…", a
// second click meanwhile sends nothing more, and a save that fails keeps the form.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "app/shell/app.hpp"
#include "core/access/area_access.hpp"
#include "core/library/scenario_library.hpp"
#include "store/assignments.hpp"
#include "store/results_store.hpp"
#include "store/sqlite_db.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"
#include "support/silent_server.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::app;

namespace {

using test::SilentServer;

const std::string kScenarios = std::string(RAPPORT_SOURCE_DIR) + "/scenarios";
constexpr const char* kScenarioId = "bank-card-complaint";

std::string titleOf(const std::string& id) {
    for (const auto& e : loadScenarioLibrary({kScenarios}).entries)
        if (e.playable() && e.scenario->id == id) return e.scenario->title;
    FAIL("no scenario " << id);
    return {};
}

struct Headless : test::HeadlessApp {
    explicit Headless(const std::string& db)
        : HeadlessApp(AppConfig{{kScenarios}, {}, db, false}) {}
    std::string screenText() {
        frame();
        frame(true);
        return log;
    }
};

// Draws frames until `done` or about 20 s of real time have passed (the worker runs in real
// time; each loop is a whole frame of the app, so it also proves the frame was not held up).
template <class Pred>
bool framesUntil(test::HeadlessApp& h, Pred done) {
    for (int i = 0; i < 2000; ++i) {
        h.frame();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

}  // namespace

TEST_CASE("hr assignments page: a central store that does not answer never holds up the frame") {
    SilentServer silent;
    const std::string uri = "postgresql://rapport@127.0.0.1:" + std::to_string(silent.port) +
                            "/rapport?connect_timeout=30";
    test::HeadlessApp h([&](const std::filesystem::path& dir) {
        AppConfig c{{kScenarios}, {}, (dir / "results.db").string(), false};
        c.centralStore = uri;
        return c;
    });
    // The roles as the sync would read them from a server that answers (this one never does):
    // the HR area reads and writes the central store, as the app's login.
    h.app->access().useCentralRoles(roleSetFromNames({"rapport_hr"}));
    h.app->openHr();
    h.app->hr().open(ScreenId::HrAssign);
    REQUIRE(h.app->screen() == ScreenId::HrAssign);
    // The list is waiting for the server: the page draws on, and takes what is typed.
    for (int i = 0; i < 30; ++i) h.frame();
    CHECK(h.app->hr().assignments().busy());
    std::string page;
    {
        h.frame();
        h.frame(true);
        page = h.log;
    }
    CHECK_MESSAGE(page.find("Loading assignments…") != std::string::npos, page);
    CHECK(h.run("click Note\ntype Read the <script> first\nwait-frames 2\n") == "");
    CHECK(h.app->hr().assignments().note() == "Read the <script> first");

    // The server goes away: the page says why, in the store's words; the note is still there.
    silent.close();
    REQUIRE(framesUntil(h, [&] { return !h.app->hr().assignments().busy(); }));
    h.frame();
    h.frame(true);
    page = h.log;
    CHECK_MESSAGE(page.find("The assignments could not be read: ") != std::string::npos, page);
    CHECK_FALSE(h.app->hr().assignments().error().empty());
    CHECK(page.find("Loading assignments…") == std::string::npos);
    CHECK(h.app->hr().assignments().note() == "Read the <script> first");
}

TEST_CASE(
    "hr assignments page: a save waits off the UI thread, is sent once, and a failed one keeps "
    "the form") {
    test::TempDir dir;
    const std::string db = dir.file("results.db");
    {
        store::ResultsStore s(db);
        const auto t = s.upsertTrainee({"Jonas Weber", "E-2", "Sales North"});
        test::writeAttempt(s, t, "warmup", 1000, 2, true);
    }
    const std::string title = titleOf(kScenarioId);
    Headless h(db);
    CHECK(h.run("click HR reports\nexpect-screen hr-table\nwait-idle\nclick Assignments\n"
                "expect-screen hr-assign\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.run("click Scenario\nwait-frames 1\nclick " + title +
                "##option\nclick Whom\nwait-frames 1\nclick Sales North##option\nclick Note\n"
                "type First call\n") == "");
    {
        // Another writer holds the file: the save waits for it (busy timeout) on the worker.
        store::Database other(db);
        other.exec("BEGIN EXCLUSIVE");
        CHECK(h.run("click Assign\nwait-frames 3\n") == "");
        CHECK(h.app->hr().assignments().saving());
        CHECK(h.screenText().find("Saving…") != std::string::npos);
        // A second click while saving is not a second assignment.
        CHECK(h.run("click Assign\nwait-frames 3\n") == "");
        CHECK(h.app->hr().assignments().saving());
        other.exec("ROLLBACK");
    }
    CHECK(h.run("wait-idle\nwait-frames 2\n") == "");
    CHECK(h.screenText().find("Assigned: ") != std::string::npos);
    CHECK(h.app->hr().assignments().rows().size() == 1);
    CHECK(h.app->hr().assignments().note().empty());
    {
        store::StoreOptions ro;
        ro.readOnly = true;
        store::ResultsStore s(db, ro);
        CHECK(store::listAssignments(s).size() == 1);
    }

    // The file is gone and a folder stands in its place: the save fails in words, and what was
    // typed stays for the next try.
    CHECK(h.run("click Note\ntype Second call\n") == "");
    std::filesystem::rename(db, dir.file("moved.db"));
    std::filesystem::create_directory(db);
    CHECK(h.run("click Assign\nwait-idle\nwait-frames 2\n") == "");
    const std::string page = h.screenText();
    CHECK_MESSAGE(page.find("Not saved: ") != std::string::npos, page);
    CHECK(h.app->hr().assignments().note() == "Second call");
}
