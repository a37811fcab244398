// The HR area's assignments page, driven headless through the real App and script driver: an
// assignment added with the form (scenario, group, due date, note) is stored and is the first
// thing the trainee's library recommends; a bad due date is refused with a message and stores
// nothing; a removal asks first, and once confirmed the library no longer shows it.
#include <doctest/doctest.h>

#include <string>

#include "app/shell/app.hpp"
#include "core/library/scenario_library.hpp"
#include "store/assignments.hpp"
#include "store/results_store.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::app;

namespace {

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

const char* kSignIn =
    "click Back to table\nclick Back to training\nexpect-screen sign-in\nclick Your name\n"
    "type Anna Petrova\nclick Group (optional)\ntype Sales North\nclick Start training\n"
    "expect-screen library\nwait-frames 3\n";

}  // namespace

TEST_CASE("hr assignments page: add for a group, the library recommends it first; remove it") {
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
    CHECK(h.screenText().find("No assignments yet.") != std::string::npos);

    CHECK(h.run("click Scenario\nwait-frames 1\nclick " + title +
                "##option\nclick Whom\nwait-frames 1\nclick Sales North##option\nclick Due\n"
                "type 2030-01-31\nclick Note\ntype Before the <Friday> call\nclick Assign\n"
                "wait-idle\nwait-frames 2\n") == "");
    REQUIRE_MESSAGE(h.app->hr().assignments().rows().size() == 1, h.screenText());
    {
        store::StoreOptions ro;
        ro.readOnly = true;
        store::ResultsStore s(db, ro);
        const auto stored = store::listAssignments(s);
        REQUIRE(stored.size() == 1);
        CHECK(stored[0].group == "Sales North");
        CHECK(stored[0].trainee.empty());
        CHECK(stored[0].scenarioId == kScenarioId);
        CHECK(stored[0].note == "Before the <Friday> call");
        REQUIRE(stored[0].dueAtMs);
    }
    // A due date that is not YYYY-MM-DD: a message, nothing more stored (the form was
    // emptied by the add, the choices stay).
    CHECK(h.run("click Due\ntype 31.01.2030\nclick Assign\nwait-frames 2\n") == "");
    CHECK(h.screenText().find("The due date is YYYY-MM-DD") != std::string::npos);
    CHECK(h.app->hr().assignments().rows().size() == 1);
    const std::string page = h.screenText();
    CHECK(page.find("2030-01-31") != std::string::npos);
    CHECK(page.find("group Sales North") != std::string::npos);

    CHECK(h.run(kSignIn) == "");
    const std::string library = h.screenText();
    const auto recommended = library.find("Recommended next");
    REQUIRE(recommended != std::string::npos);
    const auto assigned = library.find("assigned by your trainer", recommended);
    REQUIRE_MESSAGE(assigned != std::string::npos, library);
    CHECK(library.find(title, recommended) < library.find("Before the <Friday> call", recommended));

    // Remove: asked first, Cancel keeps it, Confirm removes it.
    const std::string key = h.app->hr().assignments().rows()[0].key;
    CHECK(h.run("click Sign out\nexpect-screen sign-in\nwait-frames 1\n") == "");
    h.app->access().unlock(test::kAdminPassphrase);
    h.app->openHr();
    CHECK(h.run("wait-idle\nclick Assignments\nexpect-screen hr-assign\nwait-idle\nwait-frames "
                "2\nclick "
                "Remove##" +
                key + "\nwait-frames 1\nclick Cancel##" + key + "\nwait-frames 1\n") == "");
    CHECK(h.app->hr().assignments().rows().size() == 1);
    CHECK(h.run("click Remove##" + key + "\nwait-frames 1\nclick Confirm removal##" + key +
                "\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.app->hr().assignments().rows().empty());
    CHECK(h.screenText().find("Assignment removed.") != std::string::npos);
    CHECK(h.run(kSignIn) == "");
    CHECK(h.screenText().find("assigned by your trainer") == std::string::npos);
}
