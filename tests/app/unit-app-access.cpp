// The door to HR and author in the real App, driven headless: the passphrase set at first use,
// asked for after, the wait after wrong tries, no way in for a signed-in trainee (the route
// refused, not only the button hidden), and central roles through the same core rule.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "core/access/area_access.hpp"
#include "store/admin_passphrase.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;

namespace {

const std::string kFixtures = std::string(RAPPORT_FIXTURES_DIR) + "/gui";

struct Fresh : test::HeadlessApp {
    Fresh() : HeadlessApp(AppConfig{{kFixtures}, {}, "", false, 0}, test::Admin::FirstUse) {}
};

// A machine whose passphrase was set before, not given yet in this run.
struct Locked : test::HeadlessApp {
    static AppConfig configure(const std::filesystem::path& dir) {
        REQUIRE(store::saveAdminPassphraseHash(
            dir, store::hashPassphrase("the right passphrase", store::PassphraseCost::Minimal)));
        return AppConfig{{kFixtures}, dir, "", false, 0};
    }
    Locked() : HeadlessApp(configure, test::Admin::FirstUse) {}
};

}  // namespace

TEST_CASE("access: first use sets the passphrase (long enough, typed twice), then HR opens") {
    Fresh h;
    CHECK(h.run("expect-screen sign-in\nclick HR reports\nexpect New passphrase\n"
                "expect-screen sign-in\n") == "");
    CHECK(h.app->access().dialogShowing());
    // Too short: refused with the minimum named.
    CHECK(h.run("click New passphrase\ntype short\nclick The same passphrase again\ntype short\n"
                "click Set passphrase\nwait-frames 1\n") == "");
    CHECK(h.app->access().dialogMessage() == "Choose at least 10 characters.");
    CHECK(h.app->screen() == ScreenId::SignIn);
    // Two different entries: refused. (Cancel and open again: the fields start empty.)
    CHECK(h.run("click Cancel##passphrase\nclick HR reports\nclick New passphrase\n"
                "type long enough one\nclick The same passphrase again\ntype long enough two\n"
                "click Set passphrase\nwait-frames 1\n") == "");
    CHECK(h.app->access().dialogMessage().find("The two entries differ") == 0);
    CHECK(h.app->screen() == ScreenId::SignIn);
    CHECK_FALSE(std::filesystem::exists(store::adminPassphrasePath(h.dir.path())));
    CHECK(h.run("click The same passphrase again\ntype long enough one\nclick Set passphrase\n"
                "expect-screen hr-table\n") == "");
    CHECK_FALSE(h.app->access().dialogShowing());

    // Stored as an argon2id hash only, in a file its owner alone may read.
    const auto hash = store::loadAdminPassphraseHash(h.dir.path());
    REQUIRE(hash);
    CHECK(store::verifyPassphrase(*hash, "long enough one"));
    struct stat st {};
    REQUIRE(::stat(store::adminPassphrasePath(h.dir.path()).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // The text typed in the masked fields is not what the frame shows.
    h.frame(true);
    CHECK(h.log.find("long enough one") == std::string::npos);
}

TEST_CASE("access: a wrong passphrase says so, and repeated ones make the next try wait") {
    Locked h;
    // (Headless, keys do not reach text fields: the scripts click Unlock as a mouse user would.)
    CHECK(h.run("click Author\nexpect Passphrase\nclick Passphrase\ntype wrong guess\n"
                "click Unlock\nwait-frames 1\n") == "");
    CHECK(h.app->access().dialogMessage() == "That is not the administrator passphrase.");
    CHECK(h.app->screen() == ScreenId::SignIn);
    CHECK(h.run("click Passphrase\ntype wrong again\nclick Unlock\nwait-frames 1\n"
                "click Passphrase\ntype third wrong\nclick Unlock\nwait-frames 1\n") == "");
    CHECK(h.app->access().dialogMessage().find("Try again in 1 second.") != std::string::npos);
    // During the wait even the right passphrase is not checked.
    CHECK(h.run("click Passphrase\ntype the right passphrase\nclick Unlock\nwait-frames 1\n") ==
          "");
    CHECK(h.app->screen() == ScreenId::SignIn);
    // A fourth wrong one after the wait doubles it.
    CHECK(h.run("advance-clock 1000\nclick Passphrase\ntype x\nclick Unlock\nwait-frames 1\n") ==
          "");
    CHECK(h.app->access().dialogMessage().find("Try again in 2 seconds.") != std::string::npos);
    CHECK(h.run("advance-clock 2000\nclick Passphrase\ntype the right passphrase\n"
                "click Unlock\nexpect-screen author\n") == "");
    // Unlocked for this run: HR opens straight away too.
    CHECK(h.run("click Leave author\nexpect-screen sign-in\nclick HR reports\n"
                "expect-screen hr-table\n") == "");
    CHECK_FALSE(h.app->access().dialogShowing());
}

TEST_CASE("access: a signed-in trainee has no way into HR or author, and signing in locks") {
    Locked h;
    REQUIRE(h.app->access().unlock("the right passphrase"));
    CHECK(h.run("click Your name\ntype Anna\nclick Start training\nexpect-screen library\n") == "");
    // No buttons at all.
    CHECK(h.run("expect HR reports\n").find("expected a widget") != std::string::npos);
    CHECK(h.run("expect Author\n").find("expected a widget") != std::string::npos);
    // The routes themselves are refused: the app's doors, and the areas' own open().
    h.app->openHr();
    h.app->openAuthor();
    h.app->hr().open();
    h.app->author().open((h.dir.path() / "new.json").string());
    h.frame();
    CHECK(h.app->screen() == ScreenId::Library);
    CHECK_FALSE(h.app->access().dialogShowing());
    CHECK_FALSE(std::filesystem::exists(h.dir.path() / "new.json"));
    CHECK(h.app->access().notice().find("Sign out first") != std::string::npos);
    // Signing out does not bring the unlock back: the passphrase is asked again.
    CHECK(h.run("click Sign out\nexpect-screen sign-in\nclick HR reports\nexpect Passphrase\n") ==
          "");
    CHECK(h.app->access().dialogShowing());
    CHECK(h.run("click Cancel##passphrase\nwait-frames 1\n") == "");
    CHECK_FALSE(h.app->access().dialogShowing());
    CHECK(h.app->screen() == ScreenId::SignIn);
}

TEST_CASE("access: with a central store the login's roles open the areas, no passphrase asked") {
    Fresh h;
    h.app->access().useCentralRoles(roleSetFromNames({"rapport_hr"}));
    CHECK(h.run("click HR reports\nexpect-screen hr-table\nwait-idle\n") == "");
    CHECK_FALSE(h.app->access().dialogShowing());
    CHECK(h.run("expect Author\n").find("expected a widget") != std::string::npos);
    h.app->openAuthor();
    h.frame();
    CHECK(h.app->screen() == ScreenId::HrTable);
    CHECK(h.app->access().notice().find("rapport_trainer") != std::string::npos);
}

TEST_CASE("access: with a central store whose roles could not be read, both areas stay closed") {
    Fresh h;
    h.app->access().useCentralRoles(std::nullopt, "server closed the connection");
    h.app->openHr();
    h.frame();
    CHECK(h.app->screen() == ScreenId::SignIn);
    CHECK_FALSE(h.app->access().dialogShowing());
    CHECK(h.app->access().notice().find("server closed the connection") != std::string::npos);
}
