// Scripted play rules shared by `rapport play --choices` and the golden tests.
#include <doctest/doctest.h>

#include "core/play/scripted_play.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

TEST_CASE("parseChoiceScript reads numbers and t, with spaces") {
    std::string error;
    auto s = parseChoiceScript(" 2, 1 ,t,T,10 ", error);
    REQUIRE(s);
    REQUIRE(s->size() == 5);
    CHECK((*s)[0].position == 2);
    CHECK_FALSE((*s)[0].timeout);
    CHECK((*s)[1].position == 1);
    CHECK((*s)[2].timeout);
    CHECK((*s)[3].timeout);
    CHECK((*s)[4].position == 10);
    CHECK(parseChoiceScript("", error)->empty());
    CHECK(parseChoiceScript("  ", error)->empty());
}

TEST_CASE("parseChoiceScript refuses anything else, naming the entry") {
    std::string error;
    CHECK_FALSE(parseChoiceScript("1,0", error));
    CHECK(error == "entry 2 \"0\" is not a choice number (1, 2, ...) or t (let the timer run out)");
    CHECK_FALSE(parseChoiceScript("1,,2", error));
    CHECK(error == "entry 2 \"\" is not a choice number (1, 2, ...) or t (let the timer run out)");
    CHECK_FALSE(parseChoiceScript("-1", error));
    CHECK_FALSE(parseChoiceScript("2x", error));
    CHECK_FALSE(parseChoiceScript("99999999999999999999", error));
    CHECK_FALSE(parseChoiceScript("1,", error));
}

TEST_CASE("playScript advances the clock 1 s per answer and to the limit on t") {
    LoadResult r = loadScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json");
    REQUIRE(r.scenario);
    ManualClock clock(500);
    Session s(*r.scenario, clock);
    std::string error;
    auto script = parseChoiceScript("1,1,4,t", error);
    REQUIRE(script);
    CHECK(playScript(s, clock, *script).empty());
    CHECK(s.finished());
    const auto& steps = s.transcript().steps;
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].timeTakenMs == kScriptedAnswerMs);
    CHECK(steps[3].timedOut);
    CHECK(steps[3].timeTakenMs == 10000);
    CHECK(clock.nowMs() == 500 + 3 * kScriptedAnswerMs + 10000);
}

TEST_CASE("playScript reports a failing set as the step's error") {
    LoadResult r =
        loadScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/session/runtime-errors.json");
    REQUIRE(r.scenario);
    ManualClock clock;
    Session s(*r.scenario, clock);
    std::string error;
    auto script = parseChoiceScript("3,1", error);
    REQUIRE(script);
    CHECK(playScript(s, clock, *script) ==
          "step 2: /nodes/0/choices/0/set/trust: division by zero");
    CHECK(s.transcript().steps.size() == 1);
}
