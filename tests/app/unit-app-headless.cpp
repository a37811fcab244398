// Screens driven through a Dear ImGui context with no window: the same script driver and the
// same App as the real program, so clicks and keys go through ImGui's hit testing and reach the
// core Session exactly as a trainee's would.
#include <doctest/doctest.h>
#include <imgui.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "app/driver/script.hpp"
#include "app/driver/script_driver.hpp"
#include "app/shell/app.hpp"
#include "store/results_store.hpp"
#include "store/sqlite_db.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

namespace {

struct Headless : test::HeadlessApp {
    // `db`: the results database attempts are recorded in ("" = none). `seed`: every attempt's;
    // 0 (the file's order) lets the scripts below count replies as the fixtures write them.
    explicit Headless(const std::vector<std::string>& scenarios, const std::string& db = "",
                      std::optional<std::uint64_t> seed = 0)
        : HeadlessApp(AppConfig{scenarios, {}, db, false, seed}) {}
};

const std::string kFixtures = std::string(RAPPORT_FIXTURES_DIR) + "/gui";

}  // namespace

TEST_CASE("headless app: every attempt draws a fresh seed unless one is configured") {
    std::vector<std::uint64_t> seeds;
    for (const std::optional<std::uint64_t> configured :
         {std::optional<std::uint64_t>(), std::optional<std::uint64_t>(),
          std::optional<std::uint64_t>(9)}) {
        Headless h({kFixtures}, "", configured);
        CHECK(h.run("click Your name\ntype Anna\nclick Start training\n"
                    "click Practice##gui-unicode-trio\nexpect-screen conversation\n") == "");
        REQUIRE(h.app->trainee().session() != nullptr);
        CHECK(h.app->trainee().session()->replyOrder() == ReplyOrder::Seeded);
        seeds.push_back(h.app->trainee().session()->seed());
    }
    CHECK(seeds[0] != 0);
    CHECK(seeds[1] != 0);
    CHECK(seeds[0] != seeds[1]);
    CHECK(seeds[2] == 9);
}

TEST_CASE(
    "headless screens: sign in, filter the library, play with keys and clicks, reach the debrief") {
    Headless h({kFixtures});
    CHECK(h.run("expect-screen sign-in\n"
                "click Your name\n"
                "type Anna\n"
                "click Start training\n"
                "expect-screen library\n"
                "expect Practice##gui-long-talk\n"
                "click Search\n"
                "type Tanaka\n"
                "wait-frames 2\n") == "");
    // The search box filters through core's matchesFilter: only the matching card is left.
    CHECK(h.run("expect Practice##gui-unicode-trio\n") == "");
    CHECK(h.run("expect Practice##gui-long-talk\n").find("expected a widget") != std::string::npos);

    CHECK(h.run("click Exam##gui-unicode-trio\n"
                "expect-screen conversation\n"
                "key 3\n"           // "argue": 3rd choice by key
                "click Choice 2\n"  // "pitch": by clicking the numbered button
                "expect Choice 2\n") == "");
    REQUIRE(h.app->trainee().session() != nullptr);
    CHECK(h.app->trainee().mode() == AttemptMode::Exam);
    const auto& steps = h.app->trainee().session()->transcript().steps;
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].choice == "argue");
    CHECK(steps[1].choice == "pitch");
    CHECK(h.app->trainee().session()->node().id == "pressure");

    // The countdown runs on the injected clock; when it expires the shell's tick takes the
    // timeout branch through Session.
    CHECK(h.app->animating());
    CHECK(h.run("advance-clock 20001\nexpect See debrief\nclick See debrief\nexpect-screen "
                "debrief\n") == "");
    CHECK(h.app->trainee().session()->transcript().steps.back().timedOut);
    CHECK(h.run("click Try again\nexpect-screen conversation\n") == "");
    CHECK(h.app->trainee().session()->transcript().steps.empty());
}

TEST_CASE("headless screens: keys beyond the shown choices do nothing") {
    Headless h({kFixtures});
    CHECK(h.run("click Your name\ntype Anna\nclick Start training\n"
                "click Practice##gui-unicode-trio\nkey 9\nkey 4\n") == "");
    REQUIRE(h.app->trainee().session() != nullptr);
    CHECK(h.app->trainee().session()->transcript().steps.empty());
    CHECK(h.app->trainee().session()->node().id == "open");
}

namespace {

// A results database in a folder of its own, outliving the Headless app that writes it (a second
// app, "after a restart", reads it).
struct TempDb {
    fs::path dir;
    TempDb() {
        char tmpl[] = "/tmp/rapport-headless-db-XXXXXX";
        REQUIRE(::mkdtemp(tmpl) != nullptr);
        dir = tmpl;
    }
    ~TempDb() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string path() const { return (dir / "results.db").string(); }
    std::vector<AttemptRecord> attempts(const std::string& trainee) const {
        store::ResultsStore s(path());
        store::AttemptFilter f;
        f.trainee = trainee;
        return s.attempts(f, false);
    }
};

const char* kSignIn =
    "click Your name\ntype Анна Петрова\nclick Start training\nexpect-screen library\n";

}  // namespace

TEST_CASE(
    "headless recording: every reply is journaled, the attempt finishes with its report, best "
    "score shows") {
    TempDb db;
    Headless h({kFixtures}, db.path());
    REQUIRE(h.app->trainee().recording());
    CHECK(h.run(std::string(kSignIn) +
                "click Exam##gui-unicode-trio\nexpect-screen conversation\nkey 1\n") == "");
    CHECK_FALSE(h.app->trainee().bestScore("gui-unicode-trio").has_value());
    // The write runs on the app's write queue; wait-idle waits for it.
    CHECK(h.run("wait-idle\n") == "");

    // Journaled as it happens: one step in, still in progress, in exam mode.
    auto before = db.attempts("Анна Петрова");
    REQUIRE(before.size() == 1);
    CHECK(before[0].status == AttemptStatus::InProgress);
    CHECK(before[0].mode == AttemptMode::Exam);
    CHECK(before[0].steps == 1);

    // A countdown that runs out while a reply's write is still running waits for it (at most the
    // decision being written is ever unsaved): wait-idle lets it go first.
    CHECK(h.run("key 1\nwait-idle\nadvance-clock 20001\nexpect See debrief\nclick See debrief\n"
                "expect-screen debrief\nwait-idle\n") == "");
    CHECK_FALSE(h.app->trainee().scoring());
    REQUIRE(h.app->trainee().report().has_value());
    // "Saved" once the queue ran the finish: the attempt is then on disk.
    CHECK(h.app->trainee().saveState() == SaveState::Saved);
    auto after = db.attempts("Анна Петрова");
    REQUIRE(after.size() == 1);
    CHECK(after[0].status == AttemptStatus::Finished);
    CHECK(after[0].steps == 3);
    REQUIRE(after[0].score.has_value());
    CHECK(*after[0].score == doctest::Approx(h.app->trainee().report()->score));
    // The library's best score comes from the store.
    REQUIRE(h.app->trainee().bestScore("gui-unicode-trio").has_value());
    CHECK(*h.app->trainee().bestScore("gui-unicode-trio") == int(std::lround(*after[0].score)));
}

TEST_CASE(
    "headless recording: an unfinished attempt is offered for resume after a restart; start over "
    "abandons it") {
    TempDb db;
    std::vector<StepEffect> live;
    {
        Headless h({kFixtures}, db.path());
        CHECK(h.run(std::string(kSignIn) + "click Practice##gui-unicode-trio\nkey 3\n") == "");
        REQUIRE(h.app->trainee().session() != nullptr);
        CHECK(h.app->trainee().session()->node().id == "hub");
        live = h.app->trainee().echoes();
    }  // the app goes away mid-conversation, as if killed
    // "argue" costs trust and patience: the live echo shows both moves.
    REQUIRE(live.size() == 1);
    REQUIRE(live[0].meters.size() == 2);

    {
        Headless h({kFixtures}, db.path());
        // Opened in exam mode, but the unfinished attempt is a practice one: resuming keeps that.
        CHECK(h.run(std::string(kSignIn) + "click Exam##gui-unicode-trio\nexpect Resume\n") == "");
        CHECK(h.app->screen() == ScreenId::Library);
        REQUIRE(h.app->trainee().resumeOffer().has_value());
        CHECK(h.app->trainee().resumeOffer()->attempt.steps == 1);
        CHECK(h.run("click Resume\nexpect-screen conversation\n") == "");
        REQUIRE(h.app->trainee().session() != nullptr);
        CHECK(h.app->trainee().mode() == AttemptMode::Practice);
        CHECK(h.app->trainee().session()->node().id == "hub");
        REQUIRE(h.app->trainee().session()->transcript().steps.size() == 1);
        CHECK(h.app->trainee().session()->transcript().steps[0].choice == "argue");
        // The earlier reply is shown as it was live: its feedback and its meter changes.
        REQUIRE(h.app->trainee().echoes().size() == 1);
        CHECK(h.app->trainee().echoes()[0].feedback == live[0].feedback);
        REQUIRE(h.app->trainee().echoes()[0].meters.size() == live[0].meters.size());
        for (std::size_t i = 0; i < live[0].meters.size(); ++i) {
            CHECK(h.app->trainee().echoes()[0].meters[i].label == live[0].meters[i].label);
            CHECK(h.app->trainee().echoes()[0].meters[i].before == live[0].meters[i].before);
            CHECK(h.app->trainee().echoes()[0].meters[i].after == live[0].meters[i].after);
        }
        // The resumed attempt goes on being journaled in the same row.
        CHECK(h.run("key 1\nwait-idle\nclick Leave conversation\nexpect-screen library\n") == "");
        auto attempts = db.attempts("Анна Петрова");
        REQUIRE(attempts.size() == 1);
        CHECK(attempts[0].steps == 2);

        CHECK(
            h.run("click Exam##gui-unicode-trio\nclick Start over\nexpect-screen conversation\n") ==
            "");
        CHECK(h.app->trainee().mode() == AttemptMode::Exam);
        CHECK(h.app->trainee().session()->transcript().steps.empty());
        attempts = db.attempts("Анна Петрова");
        REQUIRE(attempts.size() == 2);
        int abandoned = 0, inProgress = 0;
        for (const auto& a : attempts) {
            abandoned += a.status == AttemptStatus::Abandoned;
            inProgress += a.status == AttemptStatus::InProgress;
        }
        CHECK(abandoned == 1);
        CHECK(inProgress == 1);
    }
}

TEST_CASE(
    "headless recording: a reply made while the previous one is still being written waits for it") {
    TempDb db;
    Headless h({kFixtures}, db.path());
    CHECK(h.run(std::string(kSignIn) + "click Practice##gui-unicode-trio\nkey 1\nwait-idle\n") ==
          "");
    REQUIRE(h.app->trainee().session() != nullptr);
    REQUIRE(h.app->trainee().session()->node().id == "hub");
    {
        // Another connection holds the write lock: the next reply's write waits on it (for up to
        // the store's busy timeout, far longer than these few frames).
        store::Database other(db.path());
        other.exec("BEGIN EXCLUSIVE");
        CHECK(h.run("key 1\nkey 1\n") == "");
        // The first reply is taken and shown; the second is held, not taken: were the process
        // killed now, only the decision being written would be lost.
        CHECK(h.app->trainee().session()->node().id == "pressure");
        CHECK(h.app->trainee().session()->transcript().steps.size() == 2);
        CHECK(h.app->busy());
        other.exec("ROLLBACK");
    }
    // The write goes through; then the held reply is taken and written in its turn.
    CHECK(h.run("wait-idle\n") == "");
    REQUIRE(h.app->trainee().session()->finished());
    CHECK(h.app->trainee().session()->transcript().steps.size() == 3);
    CHECK(h.app->trainee().notice().empty());
    CHECK(h.run("click See debrief\nexpect-screen debrief\nwait-idle\n") == "");
    auto attempts = db.attempts("Анна Петрова");
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].status == AttemptStatus::Finished);
    CHECK(attempts[0].steps == 3);
}

TEST_CASE("headless fonts: characters typed at sign-in that no scenario holds are asked for once") {
    Headless h({kFixtures});
    const auto rev = h.app->textRevision();
    CHECK(h.app->glyphText().find("鈴木") == std::string::npos);
    CHECK(h.run("click Your name\ntype 鈴木 Ωμέγα\nwait-frames 2\n") == "");
    CHECK(h.app->textRevision() != rev);
    CHECK(h.app->glyphText().find("鈴木") != std::string::npos);
    CHECK(h.app->glyphText().find("Ωμέγα") != std::string::npos);
    const auto settled = h.app->textRevision();
    CHECK(h.run("wait-frames 3\n") == "");
    CHECK(h.app->textRevision() == settled);
}

namespace {

ImGuiWindow* debriefWindow() {
    for (ImGuiWindow* w : GImGui->Windows)
        if (std::string(w->Name).find("##debrief") != std::string::npos &&
            std::string(w->Name).find("##debrief/") == std::string::npos && w->Active)
            return w;
    return nullptr;
}

}  // namespace

TEST_CASE("headless debrief: a new debrief opens at the top, not where the last one was left") {
    Headless h({kFixtures + "/long-talk.json"}, "", 0);
    std::string play = "click Practice##gui-long-talk\nexpect-screen conversation\n";
    for (int i = 0; i < 12; ++i) play += "key 1\n";
    play += "key 2\nexpect See debrief\nclick See debrief\nexpect-screen debrief\nwait-frames 3\n";
    REQUIRE(h.run("click Your name\ntype Anna\nclick Start training\nexpect-screen library\n" +
                  play) == "");
    ImGuiWindow* w = debriefWindow();
    REQUIRE(w != nullptr);
    REQUIRE(w->ScrollMax.y > 200);  // a transcript long enough to scroll
    ImGui::SetScrollY(w, w->ScrollMax.y);
    h.frame();
    h.frame();
    REQUIRE(debriefWindow()->Scroll.y > 200);  // the trainee scrolled to the end

    REQUIRE(h.run("click Try again\n" + play.substr(play.find('\n') + 1)) == "");
    REQUIRE(debriefWindow() != nullptr);
    CHECK(debriefWindow()->Scroll.y == 0.0f);
}

TEST_CASE("headless debrief: a retake leads with what changed since the previous attempt") {
    test::TempDir dir;
    const std::string db = (dir.path() / "results.db").string();
    Headless h({kFixtures + "/long-talk.json"}, db, 0);
    const std::string start = "click Practice##gui-long-talk\nexpect-screen conversation\n";
    auto path = [&](int questions) {
        std::string s = start;
        for (int i = 0; i < questions; ++i) s += "key 1\nwait-idle\n";
        return s +
               "key 2\nexpect See debrief\nclick See debrief\nexpect-screen debrief\n"
               "wait-idle\nwait-frames 3\n";
    };
    REQUIRE(h.run("click Your name\ntype Anna\nclick Start training\nexpect-screen library\n" +
                  path(12)) == "");
    h.frame(true);
    CHECK(h.log.find("Since your previous attempt") == std::string::npos);  // a first attempt

    REQUIRE(h.run("click Library\nexpect-screen library\n" + path(14)) == "");
    h.frame(true);
    INFO(h.log);
    const auto since = h.log.find("Since your previous attempt");
    REQUIRE(since != std::string::npos);
    // Score before → after, with the change as shape and sign.
    const std::string line = h.log.substr(since, h.log.find('\n', since) - since);
    CHECK(line.find("→") != std::string::npos);
    CHECK((line.find("▲ +") != std::string::npos || line.find("▼ −") != std::string::npos ||
           line.find("= 0") != std::string::npos));
}

TEST_CASE(
    "headless alternates: a first attempt plays the original, a retake the alternate, which "
    "resumes as itself after a restart and HR names it") {
    TempDb db;
    const std::string file = std::string(RAPPORT_FIXTURES_DIR) + "/valid/alternates.json";
    const std::string open = "click Practice##fixture-alternates\nexpect-screen conversation\n";
    std::string brisk;  // the alternate's content hash
    {
        Headless h({file}, db.path());
        // The original: "a" loops back to the hub, then "close" (the second reply shown).
        REQUIRE(h.run(std::string(kSignIn) + open) == "");
        REQUIRE(h.app->trainee().session() != nullptr);
        CHECK(h.app->trainee().session()->scenario().alternate.empty());
        REQUIRE(h.run("key 1\nwait-idle\n") == "");
        CHECK(h.app->trainee().session()->transcript().steps.at(0).textShown ==
              "What do you want to know?");
        REQUIRE(h.run("key 2\nexpect See debrief\nclick See debrief\n"
                      "expect-screen debrief\nwait-idle\n") == "");
        REQUIRE(h.app->trainee().report().has_value());
        CHECK(h.app->trainee().report()->alternate.empty());

        // The retake: the form played least, with its own lines, recorded under its own hash.
        REQUIRE(h.run("click Library\nexpect-screen library\n" + open) == "");
        const Scenario& played = h.app->trainee().session()->scenario();
        CHECK(played.alternate == "brisk");
        brisk = played.contentHash;
        REQUIRE(h.run("key 1\nwait-idle\n") == "");
        CHECK(h.app->trainee().session()->transcript().steps.at(0).textShown ==
              "Five minutes. What do you need, {trainee.first}?");
        REQUIRE(h.run("click Leave conversation\nexpect-screen library\n") == "");
        const auto attempts = db.attempts("Анна Петрова");
        REQUIRE(attempts.size() == 2);
        int unfinished = 0;
        for (const auto& a : attempts)
            if (a.status == AttemptStatus::InProgress) {
                ++unfinished;
                CHECK(a.contentHash == brisk);
                CHECK(a.steps == 1);
            } else {
                CHECK(a.contentHash != brisk);  // the original's
            }
        CHECK(unfinished == 1);
    }  // the app goes away mid-conversation
    {
        Headless h({file}, db.path());
        REQUIRE(h.run(std::string(kSignIn) +
                      "click Practice##fixture-alternates\nexpect Resume\n") == "");
        REQUIRE(h.app->trainee().resumeOffer().has_value());
        // Checked against the alternate it was started on, not the library's original.
        CHECK(h.app->trainee().resumeOffer()->problem.empty());
        REQUIRE(h.run("click Resume\nexpect-screen conversation\n") == "");
        REQUIRE(h.app->trainee().session() != nullptr);
        CHECK(h.app->trainee().session()->scenario().alternate == "brisk");
        CHECK(h.app->trainee().session()->scenario().contentHash == brisk);
        CHECK(h.app->trainee().session()->transcript().steps.size() == 1);
        CHECK(h.app->trainee().session()->node().text ==
              "Five minutes. What do you need, {trainee.first}?");
        REQUIRE(h.run("key 2\nexpect See debrief\nclick See debrief\nexpect-screen debrief\n"
                      "wait-idle\n") == "");
        REQUIRE(h.app->trainee().report().has_value());
        CHECK(h.app->trainee().report()->alternate == "brisk");
    }
    {
        // HR's page of that attempt names the form.
        test::HeadlessApp h(AppConfig{{file}, {}, db.path(), true});
        const auto settle = [&] {  // a page starts its query when first drawn
            h.frame();
            h.app->hr().data().waitIdle();
            h.frame();
            h.frame(true);
        };
        // The fixture assesses no competency, so the table has no row to click: straight to
        // the trainee's page.
        settle();
        h.app->hr().data().openTrainee("Анна Петрова");
        h.app->hr().open(ScreenId::HrTrainee);
        settle();
        REQUIRE(h.run("click Open##last\nexpect-screen hr-attempt\n") == "");
        settle();
        INFO(h.log);
        CHECK(h.app->hr().data().attempt().value()->stored.record.contentHash == brisk);
        CHECK(h.log.find("Form played: Brisk, sceptical") != std::string::npos);
        // Shown against the alternate made from the loaded file: not "not loaded".
        CHECK(h.log.find("is not loaded") == std::string::npos);
    }
}

TEST_CASE("headless alternates: without a results store a retake in the same run is another form") {
    const std::string file = std::string(RAPPORT_FIXTURES_DIR) + "/valid/alternates.json";
    const std::string open = "click Practice##fixture-alternates\nexpect-screen conversation\n";
    Headless h({file});
    REQUIRE(h.run(std::string(kSignIn) + open) == "");
    CHECK(h.app->trainee().session()->scenario().alternate.empty());
    REQUIRE(h.run("click Leave conversation\nexpect-screen library\n" + open) == "");
    CHECK(h.app->trainee().session()->scenario().alternate == "brisk");
    REQUIRE(h.run("click Leave conversation\nexpect-screen library\n" + open) == "");
    CHECK(h.app->trainee().session()->scenario().alternate == "chatty");
    REQUIRE(h.run("click Leave conversation\nexpect-screen library\n" + open) == "");
    CHECK(h.app->trainee().session()->scenario().alternate.empty());
}
