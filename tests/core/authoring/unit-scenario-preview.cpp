// Preview from any node: a session that starts where the author points, with chosen values.
#include <doctest/doctest.h>

#include "core/authoring/scenario_preview.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

TEST_CASE("preview: a session starts at the chosen node with the chosen values, meters clamped") {
    const auto check =
        checkScenarioFile(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-sme-cold-call.json");
    REQUIRE(check.playable());
    const Scenario& s = *check.scenario;
    const int node = *s.findNode("gatekeeper");
    std::vector<std::int64_t> values;
    for (const auto& v : s.variables) values.push_back(v.initial);
    const int patience = *s.findVariable("patience");
    const int prepared = *s.findVariable("prepared");
    values[std::size_t(patience)] = 500;  // beyond the meter's 0..100
    values[std::size_t(prepared)] = 7;    // any non-zero boolean is true

    const Scenario preview = scenarioStartingAt(s, node, values);
    ManualClock clock;
    Session session(preview, clock);
    CHECK(session.currentNode() == node);
    CHECK(session.visited(node));
    CHECK_FALSE(session.visited(s.start));
    CHECK(session.variable(patience) == 100);
    CHECK(session.variable(prepared) == 1);
    REQUIRE_FALSE(session.choices().empty());
    CHECK(session.choose(0));
    CHECK(session.transcript().steps.front().node == "gatekeeper");
    // The original is untouched.
    CHECK(s.start != node);
    CHECK_THROWS_AS(scenarioStartingAt(s, -1, values), std::logic_error);
    CHECK_THROWS_AS(scenarioStartingAt(s, node, {}), std::logic_error);
}
