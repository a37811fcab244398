// An account campaign in the app, headless: the library's track starts meeting 1, the debrief
// and the track then say "meeting 2 of 3" with the trust carried, meeting 2 plays from that
// start and its debrief shows the campaign's score; an interrupted meeting resumes on its
// carried start after a restart; HR's trainee page lists the run and opens its meetings.
#include <doctest/doctest.h>
#include <imgui.h>
#include <unistd.h>

#include <filesystem>

#include "core/campaign/campaign_run.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/play/scripted_play.hpp"
#include "core/scoring/optimum.hpp"
#include "store/results_store.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

namespace {

const std::string kScenarios = std::string(RAPPORT_SOURCE_DIR) + "/scenarios";
const char* kSignIn =
    "click Your name\ntype Anna Petrova\nclick Start training\n"
    "expect-screen library\n";

struct TempDb {
    fs::path dir;
    TempDb() {
        char tmpl[] = "/tmp/rapport-campaign-db-XXXXXX";
        REQUIRE(::mkdtemp(tmpl) != nullptr);
        dir = tmpl;
    }
    ~TempDb() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string path() const { return (dir / "results.db").string(); }
    std::vector<AttemptRecord> attempts() const {
        store::ResultsStore s(path());
        return s.attempts({}, false);
    }
};

// The keys of the best path of `s` from its own start (the app plays replies in file order
// under seed 0), a timeout as a long wait.
std::string bestKeys(const Scenario& s, std::size_t limit = 1000) {
    auto check = checkScenarioFile((fs::path(kScenarios) / (s.id + ".json")).string());
    REQUIRE(check.framework);
    auto outcome = computeOptimum(s, *check.framework);
    REQUIRE(outcome.optimum);
    std::string error;
    auto script = parseChoiceScript(outcome.optimum->bestPath, error);
    REQUIRE(script);
    std::string out;
    for (std::size_t i = 0; i < script->size() && i < limit; ++i)
        out += (*script)[i].timeout
                   ? std::string("advance-clock 600000\n")
                   : "key " + std::to_string((*script)[i].position) + "\n" + "wait-idle\n";
    return out;
}

const Scenario& scenarioOf(const test::HeadlessApp& h, const std::string& id) {
    for (const auto& e : h.app->library().entries)
        if (e.scenario && e.scenario->id == id) return *e.scenario;
    FAIL("no scenario " << id);
    throw 0;
}

const char* kToDebrief =
    "expect See debrief\nclick See debrief\nexpect-screen debrief\n"
    "wait-idle\nwait-frames 2\n";

}  // namespace

TEST_CASE("headless campaign: meeting 1, then meeting 2 from the carried trust, then the score") {
    TempDb db;
    test::HeadlessApp h(AppConfig{{kScenarios}, {}, db.path(), false, 0});
    REQUIRE(h.run(kSignIn) == "");
    const auto& cards = h.app->trainee().campaignCards();
    REQUIRE(cards.size() >= 2);
    h.frame(true);
    CHECK(h.log.find("A key-account quarter: review, renewal, tender") != std::string::npos);
    CHECK(h.log.find("Start meeting 1") != std::string::npos);

    // Meeting 1 from the track: the review, from its own start.
    REQUIRE(h.run("click Campaign##key-account-quarter\nexpect-screen conversation\n") == "");
    REQUIRE(h.app->trainee().session() != nullptr);
    const Scenario& review = scenarioOf(h, "key-account-multi-party-review");
    CHECK(h.app->trainee().session()->scenario().id == review.id);
    REQUIRE(h.run(bestKeys(review) + kToDebrief) == "");
    REQUIRE(h.app->trainee().report().has_value());
    // The debrief: the campaign's progress, and "Next meeting" instead of "Try again".
    h.frame(true);
    INFO(h.log);
    CHECK(h.log.find("Campaign · A key-account quarter") != std::string::npos);
    CHECK(h.log.find("Next: meeting 2 of 3") != std::string::npos);
    CHECK(h.log.find("Try again") == std::string::npos);
    auto attempts = db.attempts();
    REQUIRE(attempts.size() == 1);
    REQUIRE(attempts[0].campaign);
    CHECK(attempts[0].campaign->meeting == 0);
    const std::int64_t oleg = attempts[0].finalState.at("oleg").get<std::int64_t>();
    const std::string trust =
        "Trust " + std::to_string(std::clamp<std::int64_t>(oleg, 0, 100)) + "/100";
    CHECK(h.log.find("Carried into the next meeting: " + trust) != std::string::npos);

    // The library's track says where the trainee stands.
    REQUIRE(h.run("click Library\nexpect-screen library\n") == "");
    h.frame(true);
    CHECK(h.log.find("Meeting 2 of 3 · " + trust) != std::string::npos);
    CHECK(h.log.find("Continue with meeting 2") != std::string::npos);

    // Meeting 2 plays the renewal from the carried trust, and its debrief has the campaign score.
    REQUIRE(h.run("click Campaign##key-account-quarter\nexpect-screen conversation\n") == "");
    const Scenario& played = h.app->trainee().session()->scenario();
    CHECK(played.id == "key-account-renewal");
    CHECK(played.variables[std::size_t(*played.findVariable("trust"))].initial ==
          std::clamp<std::int64_t>(oleg, 0, 100));
    const Scenario copy = startingFrom(scenarioOf(h, "key-account-renewal"),
                                       {{"trust", std::clamp<std::int64_t>(oleg, 0, 100)}});
    REQUIRE(h.run(bestKeys(copy) + kToDebrief) == "");
    REQUIRE(h.app->trainee().report().has_value());
    // Its best path from this start scores 100: scored from the carried start, not the file's.
    CHECK(h.app->trainee().report()->score == doctest::Approx(100.0));
    h.frame(true);
    CHECK(h.log.find("Campaign score so far: ") != std::string::npos);
    CHECK(h.log.find("Next: meeting 3 of 3") != std::string::npos);
    attempts = db.attempts();
    REQUIRE(attempts.size() == 2);
    REQUIRE(attempts[1].campaign);
    CHECK(attempts[1].campaign->meeting == 1);
    CHECK(attempts[1].campaign->run == attempts[0].campaign->run);
    CHECK(attempts[1].campaign->carriedStart ==
          nlohmann::json{{"trust", std::clamp<std::int64_t>(oleg, 0, 100)}});
    const auto& card = h.app->trainee().campaignCards().front();
    REQUIRE(card.state.score.score);
    CHECK(*card.state.score.score ==
          doctest::Approx(std::round((*attempts[0].score + *attempts[1].score) / 2 * 10) / 10));
}

TEST_CASE(
    "headless campaign: an interrupted meeting resumes on its carried start after a restart") {
    TempDb db;
    std::int64_t trust = 0;
    {
        test::HeadlessApp h(AppConfig{{kScenarios}, {}, db.path(), false, 0});
        REQUIRE(h.run(std::string(kSignIn) +
                      "click Campaign##key-account-quarter\nexpect-screen conversation\n") == "");
        REQUIRE(h.run(bestKeys(scenarioOf(h, "key-account-multi-party-review")) + kToDebrief) ==
                "");
        REQUIRE(h.run("click Next meeting\nexpect-screen conversation\n") == "");
        const Scenario& s = h.app->trainee().session()->scenario();
        trust = s.variables[std::size_t(*s.findVariable("trust"))].initial;
        REQUIRE(h.run(bestKeys(s, 2) + "click Leave conversation\nexpect-screen library\n") == "");
        h.frame(true);
        CHECK(h.log.find("Resume meeting 2") != std::string::npos);
    }
    test::HeadlessApp h(AppConfig{{kScenarios}, {}, db.path(), false, 0});
    REQUIRE(h.run(std::string(kSignIn) + "click Campaign##key-account-quarter\n") == "");
    CHECK(h.app->trainee().notice() == "");
    REQUIRE(h.run("expect-screen conversation\n") == "");
    REQUIRE(h.app->trainee().session() != nullptr);
    const Scenario& s = h.app->trainee().session()->scenario();
    CHECK(s.id == "key-account-renewal");
    CHECK(h.app->trainee().session()->transcript().steps.size() == 2);
    CHECK(s.variables[std::size_t(*s.findVariable("trust"))].initial == trust);
    CHECK(h.app->trainee().notice().empty());
}

TEST_CASE("headless campaign: HR's trainee page lists the run and opens a meeting's attempt") {
    TempDb db;
    {
        test::HeadlessApp h(AppConfig{{kScenarios}, {}, db.path(), false, 0});
        REQUIRE(h.run(std::string(kSignIn) +
                      "click Campaign##key-account-quarter\nexpect-screen conversation\n") == "");
        REQUIRE(h.run(bestKeys(scenarioOf(h, "key-account-multi-party-review")) + kToDebrief) ==
                "");
    }
    test::HeadlessApp h(AppConfig{{kScenarios}, {}, db.path(), true});
    const auto settle = [&] {
        h.frame();
        h.app->hr().data().waitIdle();
        h.frame();
        h.frame(true);
    };
    settle();
    h.app->hr().data().openTrainee("Anna Petrova");
    h.app->hr().open(ScreenId::HrTrainee);
    settle();
    INFO(h.log);
    CHECK(h.log.find("Account campaigns") != std::string::npos);
    CHECK(h.log.find("A key-account quarter: review, renewal, tender") != std::string::npos);
    CHECK(h.log.find("1 of 3") != std::string::npos);
    REQUIRE(h.run("click Meeting 1##run1\nexpect-screen hr-attempt\n") == "");
    settle();
    REQUIRE(h.app->hr().data().attempt().value());
    CHECK(h.app->hr().data().attempt().value()->stored.record.scenarioId ==
          "key-account-multi-party-review");
}
