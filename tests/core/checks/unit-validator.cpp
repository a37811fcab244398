// Graph checks and the exact state space they run on.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "core/checks/scenario_check.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "core/state/state_index.hpp"
#include "core/state/state_space.hpp"
#include "support/build_paths.hpp"
#include "support/fixture_corpus.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

Scenario loadOk(const fs::path& p) {
    ScenarioCheck c = checkScenarioFile(p.string());
    REQUIRE_MESSAGE(c.scenario, p.string());
    return std::move(*c.scenario);
}

std::vector<fs::path> playableScenarios() {
    std::vector<fs::path> out = test::filesIn(fs::path(RAPPORT_FIXTURES_DIR) / "valid", ".json");
    const fs::path bundled = fs::path(RAPPORT_SOURCE_DIR) / "scenarios";
    if (fs::exists(bundled))
        for (const auto& f : test::filesIn(bundled, ".json")) out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("the state space of the minimal scenario") {
    Scenario s = loadOk(fs::path(RAPPORT_FIXTURES_DIR) / "valid" / "minimal.json");
    StateGraph g = exploreStates(s);
    CHECK(g.complete);
    // open, win, lose: trust (60 or 50 there) is read by nothing after the choice, so the
    // endings keep it as 0 (StateGraph::deadVariables) and only the node tells them apart.
    REQUIRE(g.size() == 3);
    CHECK(g.node(0) == s.start);
    REQUIRE(g.edges(0).size() == 2);
    CHECK(g.node(g.edges(0)[0].target) != g.node(g.edges(0)[1].target));
    CHECK(g.deadVariables[std::size_t(g.node(g.edges(0)[0].target))] == std::vector<int>{0});
    CHECK(g.variables(g.edges(0)[0].target)[0] == 0);
    CHECK(shownChoices(g, 0) == std::vector<int>{0, 1});
}

TEST_CASE("once-choices and visited() are part of the state") {
    Scenario s = loadOk(fs::path(RAPPORT_FIXTURES_DIR) / "valid" / "hub.json");
    StateGraph g = exploreStates(s);
    CHECK(g.complete);
    CHECK(g.onceChoices.size() == 2);
    CHECK(g.testedNodes.size() == 1);
    // Hub states differ by which questions were asked: {}, {a}, {b}, {a,b}.
    int hubStates = 0;
    std::set<std::pair<bool, bool>> taken;
    for (std::size_t st = 0; st < g.size(); ++st)
        if (s.nodes[std::size_t(g.node(int(st)))].id == "hub") {
            ++hubStates;
            taken.insert({g.onceTaken(int(st), 0), g.onceTaken(int(st), 1)});
        }
    CHECK(hubStates == 4);
    CHECK(taken.size() == 4);
}

TEST_CASE("the state index numbers keys once, also when their hashes collide and as it grows") {
    // Keys are pairs of words kept by the caller, as the state search keeps its rows.
    std::vector<std::array<std::int64_t, 2>> keys;
    StateIndex index;
    auto idOf = [&](std::array<std::int64_t, 2> key, std::uint64_t hash) {
        const int id = index.findOrInsert(
            hash, int(keys.size()), [&](int other) { return keys[std::size_t(other)] == key; });
        if (id == int(keys.size())) keys.push_back(key);
        return id;
    };
    for (std::int64_t i = 0; i < 5000; ++i)
        CHECK(idOf({i, -i}, hashWords(7, std::array<std::int64_t, 2>{i, -i})) == int(i));
    for (std::int64_t i = 0; i < 5000; ++i)
        CHECK(idOf({i, -i}, hashWords(7, std::array<std::int64_t, 2>{i, -i})) == int(i));
    // One hash for different keys: each still gets its own id.
    CHECK(idOf({1, 1}, 42) == 5000);
    CHECK(idOf({2, 2}, 42) == 5001);
    CHECK(idOf({1, 1}, 42) == 5000);
    CHECK(hashWords(1, std::array<std::int64_t, 1>{5}) !=
          hashWords(2, std::array<std::int64_t, 1>{5}));
}

TEST_CASE("a bound on states makes the analysis approximate, not wrong") {
    Scenario s = loadOk(fs::path(RAPPORT_FIXTURES_DIR) / "valid" / "hub.json");
    StateGraph g = exploreStates(s, 2);
    CHECK_FALSE(g.complete);
}

TEST_CASE("random play with Session never leaves the explored state space") {
    // The explorer re-implements Session's step rules for speed; this proves they agree.
    for (const auto& path : playableScenarios()) {
        CAPTURE(path.string());
        Scenario s = loadOk(path);
        StateGraph g = exploreStates(s);
        if (!g.complete) continue;
        // (node, variables) -> the choices shown in the states with them: several states can
        // share both and differ only in once-choices taken or nodes visited.
        std::map<std::pair<int, std::vector<std::int64_t>>, std::set<std::vector<int>>> known;
        for (std::size_t st = 0; st < g.size(); ++st) {
            const auto vars = g.variables(int(st));
            known[{g.node(int(st)), std::vector<std::int64_t>(vars.begin(), vars.end())}].insert(
                shownChoices(g, int(st)));
        }
        std::mt19937_64 rng(42);
        for (int play = 0; play < 200; ++play) {
            ManualClock clock;
            Session session(s, clock, std::uint64_t(play));
            for (int step = 0; step < 500 && !session.finished(); ++step) {
                // The explorer forgets variables nothing later reads; so does the lookup.
                std::vector<std::int64_t> vars = session.variables();
                for (int v : g.deadVariables[std::size_t(session.currentNode())])
                    vars[std::size_t(v)] = 0;
                const auto it = known.find({session.currentNode(), vars});
                REQUIRE(it != known.end());
                // The explorer lists choices in file order; the session in its seed's order.
                std::vector<int> inFileOrder = session.choices();
                std::sort(inFileOrder.begin(), inFileOrder.end());
                CHECK(it->second.count(inFileOrder) == 1);
                const auto& shown = session.choices();
                const bool timed = s.nodes[std::size_t(session.currentNode())].isTimed();
                const std::size_t options = shown.size() + (timed ? 1 : 0);
                REQUIRE(options > 0);
                const std::size_t pick =
                    std::uniform_int_distribution<std::size_t>(0, options - 1)(rng);
                if (pick == shown.size())
                    session.timeout();
                else
                    session.choose(int(pick));
            }
            // The ending too is looked up with the variables nothing reads there forgotten.
            std::vector<std::int64_t> last = session.variables();
            for (int v : g.deadVariables[std::size_t(session.currentNode())])
                last[std::size_t(v)] = 0;
            CHECK(known.count({session.currentNode(), last}) == 1);
        }
    }
}

TEST_CASE("bundled scenarios validate with no errors and no warnings") {
    const fs::path bundled = fs::path(RAPPORT_SOURCE_DIR) / "scenarios";
    for (const auto& f : test::filesIn(bundled, ".json")) {
        CAPTURE(f.string());
        CHECK(test::checkOutput(f, RAPPORT_SOURCE_DIR) == "");
    }
}
