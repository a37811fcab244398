// Session runtime: variants, conditions, once-choices, simultaneous assignment, meter clamping,
// timeouts, run-time errors, endings, and save/resume (every step of several play-throughs is
// replayed through a save/load round trip and must give the identical transcript).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/checks/scenario_validator.hpp"
#include "core/play/session.hpp"
#include "core/play/timing.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

using namespace rapport;
using nlohmann::json;

namespace {

Scenario loadSessionFixture(const std::string& name, bool validate = true) {
    LoadResult r = loadScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/session/" + name);
    REQUIRE(r.scenario);
    if (validate) validateScenario(*r.scenario, r.diagnostics);
    for (const auto& d : r.diagnostics.items())
        if (d.severity == Severity::Error) FAIL_CHECK(formatDiagnostic(d));
    REQUIRE_FALSE(r.diagnostics.hasErrors());
    return std::move(*r.scenario);
}

std::vector<std::string> shownIds(const Session& s) {
    std::vector<std::string> ids;
    for (int i : s.choices()) ids.push_back(s.node().choices[std::size_t(i)].id);
    return ids;
}

// Position among the shown choices of the choice with this id; fails the test if it is not shown.
int positionOf(const Session& s, const std::string& id) {
    const auto ids = shownIds(s);
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id) return int(i);
    FAIL("choice " << id << " is not shown at " << s.node().id);
    return -1;
}

bool take(Session& s, const std::string& id) { return s.choose(positionOf(s, id)); }

std::int64_t var(const Session& s, const std::string& name) {
    return s.variable(*s.scenario().findVariable(name));
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a new session stands at the start with initial variables") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock(5000);
    Session s(sc, clock, 42);
    CHECK(s.node().id == "opening");
    CHECK(s.visited(s.currentNode()));
    CHECK_FALSE(s.visited(*sc.findNode("hub")));
    CHECK(s.text() == "You enter the meeting room.");
    CHECK(shownIds(s) == Strings{"greet"});
    CHECK(var(s, "trust") == 50);
    CHECK(var(s, "patience") == 3);
    CHECK(var(s, "asked_budget") == 0);
    CHECK_FALSE(s.finished());
    CHECK(s.ending() == nullptr);
    CHECK(s.timeInNodeMs() == 0);
    CHECK(s.timeLeftMs() == 0);
    CHECK_FALSE(s.timeExpired());
    CHECK(s.transcript().steps.empty());
    CHECK(s.transcript().seed == 42);
    CHECK(s.transcript().scenarioId == "session-hub");
    CHECK(s.transcript().contentHash == sc.contentHash);
    CHECK(s.transcript().endingNode.empty());
    CHECK(s.lastError().empty());
}

TEST_CASE("the first variant whose condition holds replaces the text") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    REQUIRE(take(s, "greet"));
    CHECK(s.text() == "What do you want to know?");
    REQUIRE(take(s, "budget"));
    CHECK(s.text() == "We covered the budget. What else?");
    REQUIRE(take(s, "needs"));
    // Both variants hold now (trust 100, asked_budget): the first one in the file wins.
    CHECK(var(s, "trust") == 100);
    CHECK(s.text() == "I trust you completely.");
}

TEST_CASE("conditions and once-choices decide which choices are shown") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    take(s, "greet");
    CHECK(shownIds(s) == Strings{"budget", "needs", "swap", "drain", "leave"});
    take(s, "budget");
    // budget is once (gone); pitch needs asked_budget (now shown), in file order.
    CHECK(shownIds(s) == Strings{"needs", "swap", "drain", "pitch", "leave"});
    take(s, "swap");
    CHECK(shownIds(s) == Strings{"needs", "swap", "drain", "pitch", "leave"});  // swap is not once
    take(s, "needs");
    CHECK(shownIds(s) == Strings{"swap", "drain", "pitch", "leave"});
    take(s, "pitch");
    CHECK(s.node().id == "pressure");
    CHECK(shownIds(s) == Strings{"discount", "hold"});  // hold needs trust >= 100
}

TEST_CASE("a hidden choice stays hidden when the condition fails") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    take(s, "greet");
    take(s, "budget");
    take(s, "pitch");
    CHECK(var(s, "trust") == 60);
    CHECK(shownIds(s) == Strings{"discount"});
}

TEST_CASE("set is simultaneous: every value is computed from the state before the choice") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    take(s, "greet");
    CHECK(var(s, "a") == 1);
    CHECK(var(s, "b") == 2);
    take(s, "swap");  // {"a": "b", "b": "a"}
    CHECK(var(s, "a") == 2);
    CHECK(var(s, "b") == 1);
    take(s, "swap");
    CHECK(var(s, "a") == 1);
    CHECK(var(s, "b") == 2);
}

TEST_CASE("variables shown as meters are clamped to the meter's range") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    take(s, "greet");
    take(s, "needs");  // trust 50 + 60 -> 100 (max), patience 3 - 1
    CHECK(var(s, "trust") == 100);
    CHECK(var(s, "patience") == 2);
    take(s, "drain");  // patience 2 - 10 -> 0 (min)
    CHECK(var(s, "patience") == 0);
    take(s, "drain");
    CHECK(var(s, "patience") == 0);
}

TEST_CASE("each choice appends a transcript step") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock(1000);
    Session s(sc, clock, 7);
    clock.advance(2500);
    take(s, "greet");
    clock.advance(300);
    take(s, "budget");
    REQUIRE(s.transcript().steps.size() == 2);
    const TranscriptStep& a = s.transcript().steps[0];
    CHECK(a.step == 1);
    CHECK(a.node == "opening");
    CHECK(a.textShown == "You enter the meeting room.");
    CHECK(a.choicesShown == Strings{"greet"});
    CHECK(a.choice == "greet");
    CHECK(a.choiceNumber == 1);
    CHECK(a.choiceText == "Good morning!");
    CHECK(a.timeTakenMs == 2500);
    CHECK_FALSE(a.timedOut);
    CHECK(a.next == "hub");
    const TranscriptStep& b = s.transcript().steps[1];
    CHECK(b.step == 2);
    CHECK(b.node == "hub");
    CHECK(b.textShown == "What do you want to know?");
    // In the order seed 7 shows them (core/play/reply_order.hpp), which positions count in.
    CHECK(b.choicesShown == Strings{"drain", "swap", "leave", "budget", "needs"});
    CHECK(b.choice == "budget");
    CHECK(b.choiceNumber == 4);
    CHECK(b.timeTakenMs == 300);
    CHECK(b.next == "hub");
    take(s, "swap");
    CHECK(s.transcript().steps[2].choiceNumber == 3);  // drain pitch swap leave needs, 1-based
}

TEST_CASE("a timed node counts down and times out to onTimeout") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    take(s, "greet");
    CHECK_THROWS_WITH_AS(s.timeout(), "timeout: node \"hub\" has no time limit", SessionError);
    take(s, "budget");
    take(s, "pitch");
    REQUIRE(s.node().isTimed());
    CHECK(s.timeLeftMs() == 10000);
    clock.advance(4000);
    CHECK(s.timeInNodeMs() == 4000);
    CHECK(s.timeLeftMs() == 6000);
    CHECK_FALSE(s.timeExpired());
    clock.advance(6500);
    CHECK(s.timeLeftMs() == 0);
    CHECK(s.timeExpired());
    s.timeout();
    const TranscriptStep& t = s.transcript().steps.back();
    CHECK(t.node == "pressure");
    CHECK(t.timedOut);
    CHECK(t.choice.empty());
    CHECK(t.choiceNumber == 0);
    CHECK(t.choiceText.empty());
    CHECK(t.choicesShown == Strings{"discount"});
    CHECK(t.timeTakenMs == 10500);
    CHECK(t.next == "lost_end");
    CHECK(s.finished());
    CHECK(s.ending()->outcome == Outcome::Lost);
    CHECK(s.transcript().endingNode == "lost_end");
}

TEST_CASE("an ending node has no choices and refuses further play") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    take(s, "greet");
    take(s, "needs");
    take(s, "budget");
    take(s, "pitch");
    take(s, "hold");
    CHECK(s.finished());
    CHECK(s.node().id == "won_end");
    CHECK(s.text() == "She signs.");
    CHECK(s.choices().empty());
    REQUIRE(s.ending());
    CHECK(s.ending()->outcome == Outcome::Won);
    CHECK(s.ending()->title == "Deal");
    CHECK(s.transcript().endingNode == "won_end");
    CHECK_THROWS_WITH_AS(s.choose(0), "choose: the conversation has ended", SessionError);
}

TEST_CASE("choose() refuses a position that is not shown") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    CHECK_THROWS_WITH_AS(s.choose(1), "choose: position 1 is out of range (1 choice shown)",
                         SessionError);
    CHECK_THROWS_AS(s.choose(-1), SessionError);
    CHECK(s.transcript().steps.empty());
}

TEST_CASE("run-time errors: failed conditions hide, failed sets change nothing") {
    const Scenario sc = loadSessionFixture("runtime-errors.json", /*validate=*/false);
    ManualClock clock;
    Session s(sc, clock);
    // The variant's condition divides by zero: the node's own text is shown.
    CHECK(s.text() == "Plain line.");
    CHECK(s.lastError() == "/nodes/0/choices/2/if: division by zero");  // the last one found
    CHECK(shownIds(s) == Strings{"crash", "overflow", "fine", "leave"});

    const json before = s.save();
    CHECK_FALSE(take(s, "crash"));
    CHECK(s.lastError() == "/nodes/0/choices/0/set/trust: division by zero");
    CHECK(s.save() == before);  // a is not incremented although its assignment came first

    CHECK_FALSE(take(s, "overflow"));
    CHECK(s.lastError() == "/nodes/0/choices/1/set/big: integer overflow");
    CHECK(s.save() == before);

    CHECK(take(s, "fine"));
    CHECK(var(s, "a") == 2);
    CHECK(s.transcript().steps.size() == 1);
}

// ---- save / resume ------------------------------------------------------------------------

namespace {

// Scripts of choice ids ("!" = let the timer run out), covering every saved type: booleans both
// ways, integers at and inside meter bounds, unmetered integers, once-choices, visited nodes,
// time spent in a node, timeouts and each ending.
const std::vector<Strings> kScripts = {
    {"greet", "budget", "swap", "needs", "pitch", "!"},
    {"greet", "needs", "budget", "pitch", "hold"},
    {"greet", "drain", "swap", "swap", "budget", "pitch", "discount"},
    {"greet", "leave"},
};

void step(Session& s, ManualClock& clock, const std::string& what, std::int64_t ms) {
    if (what == "!") {
        clock.advance(s.timeLeftMs());
        s.timeout();
    } else {
        clock.advance(ms);
        REQUIRE(take(s, what));
    }
}

}  // namespace

TEST_CASE("save/resume between every step gives the same play as without") {
    const Scenario sc = loadSessionFixture("hub.json");
    for (const auto& script : kScripts) {
        CAPTURE(script.size());
        ManualClock c1(100);
        Session straight(sc, c1, 99);
        ManualClock c2(100);
        Session hopping(sc, c2, 99);
        for (std::size_t i = 0; i < script.size(); ++i) {
            const std::int64_t ms = 700 + std::int64_t(i) * 130;
            // Part of the time passes before the save, the rest after resuming on a new clock
            // that reads a different time: time already spent in the node must carry over.
            c2.advance(ms / 2);
            const std::string text = hopping.save().dump();
            ManualClock later(1'000'000 * std::int64_t(i + 1));
            c2.set(later.nowMs());
            Session resumed = Session::resume(sc, c2, json::parse(text));
            CHECK(resumed.timeInNodeMs() == ms / 2);
            CHECK(resumed.currentNode() == hopping.currentNode());
            CHECK(resumed.text() == hopping.text());
            CHECK(resumed.choices() == hopping.choices());
            CHECK(resumed.variables() == hopping.variables());
            hopping = resumed;
            step(straight, c1, script[i], ms);
            step(hopping, c2, script[i], ms - ms / 2);
            CHECK(transcriptToJson(hopping.transcript()) ==
                  transcriptToJson(straight.transcript()));
        }
        CHECK(straight.finished());
        CHECK(hopping.finished());
        json a = straight.save(), b = hopping.save();
        CHECK(a == b);
        // An ended session saves and resumes too.
        Session ended = Session::resume(sc, c2, b);
        CHECK(ended.finished());
        CHECK(ended.save() == b);
    }
}

TEST_CASE("a saved session is readable: ids, not indices") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock, 3);
    take(s, "greet");
    take(s, "budget");
    clock.advance(1234);
    const json j = s.save();
    CHECK(j["format"] == "rapport-session/1");
    CHECK(j["scenario"] == "session-hub");
    CHECK(j["version"] == "1.0");
    CHECK(j["contentHash"] == sc.contentHash);
    CHECK(j["seed"] == 3);
    CHECK(j["current"] == "hub");
    CHECK(j["variables"] ==
          json{{"trust", 60}, {"patience", 3}, {"asked_budget", true}, {"a", 1}, {"b", 2}});
    CHECK(j["visited"] == json{"opening", "hub"});
    CHECK(j["onceTaken"] == json{{"hub", {"budget"}}});
    CHECK(j["timeInNodeMs"] == 1234);
    CHECK(j["transcript"]["steps"].size() == 2);
    CHECK(j["transcript"]["endingNode"].is_null());
}

TEST_CASE("resume rejects state that does not belong to the scenario, with a clear message") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock);
    take(s, "greet");
    take(s, "budget");
    const json good = s.save();
    REQUIRE_NOTHROW(Session::resume(sc, clock, good));

    auto rejects = [&](json j, const std::string& message) {
        CHECK_THROWS_WITH_AS(Session::resume(sc, clock, j), message.c_str(), SessionError);
    };
    auto with = [&](const char* key, json value) {
        json j = good;
        j[key] = std::move(value);
        return j;
    };

    rejects(json::array(), "saved session: expected a JSON object");
    rejects(with("format", "rapport-session/9"),
            "saved session: format is \"rapport-session/9\"; this version of Rapport reads "
            "\"rapport-session/1\"");
    rejects(with("scenario", "other"),
            "saved session: it belongs to scenario \"other\", not \"session-hub\"");
    rejects(with("contentHash", "abc"),
            "saved session: scenario \"session-hub\" has changed since the session was saved "
            "(content hash abc "
            "was saved, the file now has " +
                sc.contentHash + ")");
    rejects(with("current", "lobby"),
            "saved session: \"current\" names node \"lobby\", which the scenario does not have");
    rejects(with("current", 3), "saved session: \"current\" must be a string");
    rejects(with("current", "opening"),
            "saved session: \"current\" is \"opening\" but the transcript leads to \"hub\"");
    rejects(with("seed", -1), "saved session: \"seed\" must be a non-negative integer");
    rejects(with("visited", json{"opening", "hub", "nowhere"}),
            "saved session: \"visited\" names node \"nowhere\", which the scenario does not have");
    rejects(with("visited", json{"opening"}),
            "saved session: the current node \"hub\" is not in \"visited\"");
    rejects(with("onceTaken", json{{"hub", {"budgett"}}}),
            "saved session: \"onceTaken\"/hub names choice \"budgett\", which node \"hub\" does "
            "not have");
    rejects(with("onceTaken", json{{"hub", {"swap"}}}),
            "saved session: \"onceTaken\"/hub lists \"swap\", which is not a once-choice");
    rejects(with("timeInNodeMs", -5),
            "saved session: \"timeInNodeMs\" must be a non-negative integer");
    rejects(with("timeInNodeMs", 1.5),
            "saved session: \"timeInNodeMs\" must be a non-negative integer");
    rejects(with("extra", 1), "saved session: unknown key \"extra\"");
    REQUIRE_NOTHROW(Session::resume(sc, clock, with("x-note", "kept for tools")));

    json vars = good;
    vars["variables"]["asked_budget"] = 1;
    rejects(vars, "saved session: variable \"asked_budget\" is boolean; saved value is 1");
    vars = good;
    vars["variables"]["trust"] = true;
    rejects(vars, "saved session: variable \"trust\" is an integer; saved value is true");
    vars = good;
    vars["variables"]["trust"] = 101;
    rejects(vars, "saved session: variable \"trust\" is 101, outside its meter's range 0..100");
    vars = good;
    vars["variables"].erase("b");
    rejects(vars, "saved session: \"variables\" is missing \"b\"");
    vars = good;
    vars["variables"]["mood"] = 1;
    rejects(vars, "saved session: \"variables\" has \"mood\", which the scenario does not declare");

    json missing = good;
    missing.erase("transcript");
    rejects(missing, "saved session: missing \"transcript\"");
    json t = good;
    t["transcript"]["steps"][1]["choiceNumber"] = 2;
    rejects(t,
            "saved session: transcript/steps/1/choice: \"budget\" is not choice number 2 of "
            "choicesShown");
    t = good;
    t["transcript"]["steps"][1]["node"] = "pressure";
    rejects(t,
            "saved session: transcript/steps/1/node: \"pressure\" does not follow step 1, which "
            "went to \"hub\"");
    t = good;
    t["transcript"]["steps"][0]["choicesShown"] = json{"greet", "wave"};
    rejects(t,
            "saved session: transcript step 1 names choice \"wave\", which node \"opening\" does "
            "not have");
}

TEST_CASE("transcript JSON round-trips and refuses malformed records") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock, 5);
    take(s, "greet");
    take(s, "budget");
    take(s, "pitch");
    clock.advance(20000);
    s.timeout();
    const json j = transcriptToJson(s.transcript());
    CHECK(j["endingNode"] == "lost_end");
    const Transcript back = transcriptFromJson(j);
    CHECK(transcriptToJson(back) == j);
    CHECK(back.steps.size() == 4);
    CHECK(back.steps[3].timedOut);
    CHECK(back.seed == 5);

    CHECK_THROWS_WITH_AS(transcriptFromJson(json(3)), "transcript: expected an object",
                         SessionError);
    json bad = j;
    bad["steps"][0].erase("textShown");
    CHECK_THROWS_WITH_AS(transcriptFromJson(bad), "transcript/steps/0: missing \"textShown\"",
                         SessionError);
    bad = j;
    bad["steps"][0]["timeTakenMs"] = "fast";
    CHECK_THROWS_WITH_AS(transcriptFromJson(bad),
                         "transcript/steps/0/timeTakenMs: expected an integer", SessionError);
    bad = j;
    bad["steps"][3]["choice"] = "discount";
    CHECK_THROWS_WITH_AS(
        transcriptFromJson(bad),
        "transcript/steps/3: a timed-out step must have an empty choice and choiceNumber 0",
        SessionError);
    bad = j;
    bad["steps"][2]["step"] = 7;
    CHECK_THROWS_WITH_AS(transcriptFromJson(bad), "transcript/steps/2/step: expected 3",
                         SessionError);
    bad = j;
    bad["endingNode"] = "won_end";
    CHECK_THROWS_WITH_AS(
        transcriptFromJson(bad),
        "transcript/endingNode: \"won_end\" is not where the last step went (\"lost_end\")",
        SessionError);
    bad = j;
    bad["steps"][0]["mood"] = 1;
    CHECK_THROWS_WITH_AS(transcriptFromJson(bad), "transcript/steps/0: unknown key \"mood\"",
                         SessionError);
    bad = j;
    bad["seed"] = -2;
    CHECK_THROWS_WITH_AS(transcriptFromJson(bad),
                         "transcript/seed: expected a non-negative integer", SessionError);
}

TEST_CASE("timing: extended doubles a timed moment; untimed never counts down or times out") {
    const Scenario sc = loadSessionFixture("hub.json");
    CHECK(adjustedLimitMs(10000, Timing::Standard) == 10000);
    CHECK(adjustedLimitMs(10000, Timing::Extended) == 20000);
    CHECK(adjustedLimitMs(10000, Timing::Untimed) == 0);
    CHECK(adjustedLimitMs(0, Timing::Extended) == 0);
    for (Timing t : {Timing::Standard, Timing::Extended, Timing::Untimed})
        CHECK(parseTiming(timingName(t)) == t);
    CHECK_FALSE(parseTiming("extended"));

    ManualClock clock;
    Session extended(sc, clock, 0, ReplyOrder::Seeded, Timing::Extended);
    for (const char* c : {"greet", "budget", "pitch"}) take(extended, c);
    REQUIRE(extended.node().isTimed());
    CHECK(extended.timed());
    CHECK(extended.timeLeftMs() == 20000);
    clock.advance(15000);
    CHECK_FALSE(extended.timeExpired());
    clock.advance(5000);
    CHECK(extended.timeExpired());

    Session untimed(sc, clock, 0, ReplyOrder::Seeded, Timing::Untimed);
    for (const char* c : {"greet", "budget", "pitch"}) take(untimed, c);
    REQUIRE(untimed.node().isTimed());  // the author's limit is still in the scenario
    CHECK_FALSE(untimed.timed());
    CHECK(untimed.timeLeftMs() == 0);
    clock.advance(24 * 3600 * 1000);
    CHECK_FALSE(untimed.timeExpired());
    // A reply a day later is still taken as an answer, not a timeout.
    take(untimed, "discount");
    CHECK_FALSE(untimed.transcript().steps.back().timedOut);
}

TEST_CASE("timing: recorded in the transcript and the saved session, absent when standard") {
    const Scenario sc = loadSessionFixture("hub.json");
    ManualClock clock;
    Session s(sc, clock, 0, ReplyOrder::Seeded, Timing::Extended);
    take(s, "greet");
    const json j = transcriptToJson(s.transcript());
    CHECK(j.at("timing") == "extended-x2");
    CHECK(transcriptFromJson(j).timing == Timing::Extended);
    CHECK(Session::resume(sc, clock, s.save()).timing() == Timing::Extended);

    Session standard(sc, clock);
    CHECK_FALSE(transcriptToJson(standard.transcript()).contains("timing"));
    CHECK(transcriptFromJson(transcriptToJson(standard.transcript())).timing == Timing::Standard);

    json bad = j;
    bad["timing"] = "slow";
    CHECK_THROWS_AS(transcriptFromJson(bad), SessionError);
}
