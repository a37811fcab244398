// Resume from the journal: the journaled decisions, replayed from the start, are the truth; a
// saved state that does not match their replay (a flipped boolean, a swapped choice) is refused,
// and so is a journal that does not replay. Also: the last decision is left to the finish, and
// starting over sets every unfinished attempt of the scenario aside.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/checks/scenario_validator.hpp"
#include "core/play/attempt_flow.hpp"
#include "core/play/resume_check.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

using namespace rapport;
using nlohmann::json;

namespace {

Scenario loadHub() {
    LoadResult r = loadScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json");
    REQUIRE(r.scenario);
    validateScenario(*r.scenario, r.diagnostics);
    REQUIRE_FALSE(r.diagnostics.hasErrors());
    return std::move(*r.scenario);
}

// Takes the shown choice with this id (its position depends on the session's seed).
void take(Session& s, const std::string& id) {
    const auto& shown = s.choices();
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (s.node().choices[std::size_t(shown[i])].id == id) {
            REQUIRE(s.choose(int(i)));
            return;
        }
    FAIL("choice " << id << " is not shown at " << s.node().id);
}

// greet, budget, needs: at the hub with asked_budget true, two once-choices taken.
Session played(const Scenario& sc, ManualClock& clock) {
    Session s(sc, clock, 5);
    clock.advance(1200);
    take(s, "greet");
    clock.advance(800);
    take(s, "budget");
    clock.advance(400);
    take(s, "needs");
    clock.advance(300);  // time in the hub so far
    return s;
}

struct CountingJournal : AttemptJournal {
    std::vector<std::size_t> lengths;
    void record(const Session& session) override {
        lengths.push_back(session.transcript().steps.size());
    }
};

struct FakeArchive : AttemptArchive {
    std::vector<AttemptRecord> open;
    std::vector<std::int64_t> abandoned;
    std::vector<AttemptRecord> incomplete(const std::string& trainee,
                                          const std::string& scenarioId) override {
        std::vector<AttemptRecord> out;
        for (const auto& a : open)
            if (a.trainee == trainee && a.scenarioId == scenarioId) out.push_back(a);
        return out;
    }
    void markAbandoned(std::int64_t attempt, std::int64_t) override {
        abandoned.push_back(attempt);
    }
};

}  // namespace

TEST_SUITE_BEGIN("play");

TEST_CASE("resume replays the journal and continues from the state it leads to") {
    const Scenario sc = loadHub();
    ManualClock clock;
    const Session s = played(sc, clock);
    ManualClock later;
    later.set(50'000);
    Session r = resumeFromJournal(sc, later, s.transcript(), s.save());
    CHECK(r.save() == s.save());
    CHECK(r.timeInNodeMs() == 300);  // the time already spent in the node carries over
    CHECK(r.node().id == "hub");

    // Killed before the first decision: nothing journaled, nothing saved.
    Transcript empty;
    empty.scenarioId = sc.id;
    empty.contentHash = sc.contentHash;
    empty.seed = 9;
    Session fresh = resumeFromJournal(sc, later, empty, nullptr);
    CHECK(fresh.node().id == "opening");
    CHECK(fresh.transcript().seed == 9);
}

TEST_CASE("a saved state with one boolean flipped is refused") {
    const Scenario sc = loadHub();
    ManualClock clock;
    const Session s = played(sc, clock);
    json saved = s.save();
    saved["variables"]["asked_budget"] = false;
    // Session::resume alone accepts it: the state is well-formed.
    CHECK_NOTHROW(Session::resume(sc, clock, saved));
    CHECK_THROWS_WITH_AS(
        resumeFromJournal(sc, clock, s.transcript(), saved),
        doctest::Contains("\"variables\" is not what the journal's 3 steps lead to"), SessionError);
}

TEST_CASE("a saved state whose step took another shown choice is refused") {
    const Scenario sc = loadHub();
    ManualClock clock;
    const Session s = played(sc, clock);
    json saved = s.save();
    auto& step = saved["transcript"]["steps"][2];
    REQUIRE(step["choice"] == "needs");
    step["choice"] = "swap";
    const auto& shown = step["choicesShown"];
    step["choiceNumber"] = std::find(shown.begin(), shown.end(), "swap") - shown.begin() + 1;
    step["choiceText"] = "Let me rephrase.";
    CHECK_THROWS_WITH_AS(resumeFromJournal(sc, clock, s.transcript(), saved),
                         doctest::Contains("\"transcript\" is not what"), SessionError);
}

TEST_CASE("a journal that takes a choice the replay does not show is refused") {
    const Scenario sc = loadHub();
    ManualClock clock;
    const Session s = played(sc, clock);
    Transcript journal = s.transcript();
    journal.steps[1].choice = "pitch";  // shown only once the budget was asked
    CHECK_THROWS_WITH_AS(resumeFromJournal(sc, clock, journal, s.save()),
                         doctest::Contains("journaled step 2 takes \"pitch\", which the replay "
                                           "does not show"),
                         SessionError);
    journal = s.transcript();
    journal.steps[2].choicesShown.pop_back();
    CHECK_THROWS_WITH_AS(resumeFromJournal(sc, clock, journal, s.save()),
                         doctest::Contains("journaled step 3 records other choices"), SessionError);
    journal = s.transcript();
    journal.steps[0].timeTakenMs = -5;
    CHECK_THROWS_AS(resumeFromJournal(sc, clock, journal, s.save()), SessionError);
    CHECK_THROWS_WITH_AS(resumeFromJournal(sc, clock, s.transcript(), nullptr),
                         doctest::Contains("no saved state"), SessionError);
}

TEST_CASE("the decision that reaches the ending is left to the finish to journal") {
    const Scenario sc = loadHub();
    ManualClock clock;
    CountingJournal journal;
    AttemptFlow flow(sc, clock, AttemptMode::Practice, 0, &journal);
    REQUIRE(flow.choose(0) == AttemptFlow::Result::Taken);  // greet
    const auto& shown = flow.session().choices();
    const int leave = int(shown.size()) - 1;
    REQUIRE(flow.session().node().choices[std::size_t(shown[std::size_t(leave)])].id == "leave");
    REQUIRE(flow.choose(leave) == AttemptFlow::Result::Taken);
    CHECK(flow.finished());
    CHECK(journal.lengths == std::vector<std::size_t>{1});
    CHECK(flow.effects().size() == 2);
}

TEST_CASE("starting over abandons every unfinished attempt of the scenario, and only those") {
    FakeArchive archive;
    AttemptRecord a;
    a.trainee = "Anna";
    a.scenarioId = "session-hub";
    a.id = 7;
    archive.open.push_back(a);
    a.id = 4;
    archive.open.push_back(a);
    a.id = 9;
    a.scenarioId = "other";
    archive.open.push_back(a);
    a.id = 11;
    a.trainee = "Boris";
    a.scenarioId = "session-hub";
    archive.open.push_back(a);
    const auto abandoned = abandonUnfinished(archive, "Anna", "session-hub", 1000);
    CHECK(abandoned.size() == 2);
    CHECK(archive.abandoned == std::vector<std::int64_t>{7, 4});
    CHECK(abandonUnfinished(archive, "Carla", "session-hub", 1000).empty());
}

TEST_SUITE_END();
