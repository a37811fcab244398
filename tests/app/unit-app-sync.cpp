// The app's background sync against a central store that does not answer: the frame never
// waits for it, the status line says what is wrong and how much waits, and nothing recorded is
// lost. (The sync itself is tested against a real server in tests/store/pg/.)
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "store/results_store.hpp"
#include "store/sync_outbox.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"
#include "support/silent_server.hpp"

using namespace rapport;
using namespace rapport::app;

namespace {

using test::SilentServer;

const std::string kFixtures = std::string(RAPPORT_FIXTURES_DIR) + "/gui";

// Draws frames until `done` or about 20 s of real time have passed (the worker runs in real
// time; the frames are the app's, so each loop also proves the frame was not held up).
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

TEST_CASE(
    "background sync: an unanswering central store never holds up the frame; the error "
    "shows and nothing is lost") {
    SilentServer silent;
    const std::string uri = "postgresql://rapport@127.0.0.1:" + std::to_string(silent.port) +
                            "/rapport?connect_timeout=30";
    test::HeadlessApp h([&](const std::filesystem::path& dir) {
        AppConfig c{{kFixtures}, {}, (dir / "results.db").string(), false, 0};
        c.centralStore = uri;
        return c;
    });
    REQUIRE(h.app->syncConfigured());
    // The worker is stuck waiting for the server's first word; the app draws on regardless.
    for (int i = 0; i < 30; ++i) h.frame();
    CHECK(h.app->syncStatus()->state == SyncStatus::State::Starting);
    CHECK(h.run("expect Sync status\n") == "");
    // Roles not read yet: the database is the authority, so HR is neither offered nor opened,
    // even though this machine's passphrase was given.
    CHECK(h.run("expect HR reports\n").find("expected a widget") != std::string::npos);
    h.app->openHr();
    h.frame();
    CHECK(h.app->screen() == ScreenId::SignIn);

    // A trainee plays meanwhile: the reply is journaled locally as always.
    CHECK(h.run("click Your name\ntype Anna\nclick Start training\n"
                "click Practice##gui-unicode-trio\nkey 1\nwait-idle\n") == "");

    // The server goes away: the pass fails with libpq's reason, the attempt waits.
    silent.close();
    REQUIRE(framesUntil(h, [&] { return h.app->syncStatus()->state == SyncStatus::State::Error; }));
    h.app->syncNow();  // the first pass may have started before the reply was journaled
    const int passes = h.app->syncStatus()->passes;
    REQUIRE(framesUntil(h, [&] { return h.app->syncStatus()->passes > passes; }));
    const SyncStatus s = *h.app->syncStatus();
    CHECK(s.state == SyncStatus::State::Error);
    CHECK(s.waiting == 1);
    CHECK_FALSE(s.error.empty());
    CHECK_FALSE(s.roles.has_value());
    const std::string text = syncStatusText(s);
    CHECK(text.find("Central store: 1 attempt waiting; sync error: ") == 0);
    h.app->access().dismissNotice();
    h.app->trainee().signOut();
    h.frame();
    h.app->openHr();
    h.frame();
    CHECK(h.app->access().notice().find("could not be read") != std::string::npos);

    // Nothing lost: the attempt is still in the outbox for the next pass.
    store::ResultsStore local((h.dir.path() / "results.db").string());
    CHECK(store::pendingCounts(local.database()).total() == 1);
}

TEST_CASE("background sync: the status line's words, with plurals") {
    SyncStatus s;
    CHECK(syncStatusText(s) == "Central store: connecting…");
    s.state = SyncStatus::State::Synced;
    CHECK(syncStatusText(s) == "Central store: synced");
    s.state = SyncStatus::State::Waiting;
    s.waiting = 1;
    CHECK(syncStatusText(s) == "Central store: 1 attempt waiting");
    s.waiting = 3;
    CHECK(syncStatusText(s) == "Central store: 3 attempts waiting");
    s.state = SyncStatus::State::Error;
    s.error = "connection refused";
    CHECK(syncStatusText(s) == "Central store: 3 attempts waiting; sync error: connection refused");
}
