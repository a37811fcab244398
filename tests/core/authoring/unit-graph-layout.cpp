// The author workspace's graph: the scenario's shape read from its JSON, and the layered layout.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/authoring/graph_layout.hpp"
#include "core/authoring/scenario_graph.hpp"
#include "core/checks/scenario_check.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"

using namespace rapport;

TEST_CASE("graph layout: longest-path layers, back edges ignored") {
    // 0 -> 1 -> 2 -> 3, 0 -> 3 (shortcut), 3 -> 1 (a loop back)
    const auto l = layoutLayered(4, {{0, 1}, {1, 2}, {2, 3}, {0, 3}, {3, 1}}, 0);
    CHECK(l.layer == std::vector<int>{0, 1, 2, 3});
    CHECK(l.layers == 4);
    CHECK(l.rows == 1);
    CHECK(l.x[3] == doctest::Approx(3 * LayoutSpacing{}.layerGap));
}

TEST_CASE("graph layout: barycentre ordering removes avoidable crossings") {
    // Root 0 with children 1 and 2; 1's child is 4, 2's child is 3. Discovery order puts 3 above
    // 4 (index order would cross the edges); barycentres must put 4 beside 1 and 3 beside 2.
    const auto l = layoutLayered(5, {{0, 2}, {0, 1}, {2, 3}, {1, 4}}, 0);
    CHECK(l.layer == std::vector<int>{0, 1, 1, 2, 2});
    CHECK((l.order[1] < l.order[2]) == (l.order[4] < l.order[3]));
    CHECK(l.rows == 2);
    // Every node has its own place.
    std::set<std::pair<int, int>> places;
    for (int v = 0; v < 5; ++v) places.insert({l.layer[std::size_t(v)], l.order[std::size_t(v)]});
    CHECK(places.size() == 5);
}

TEST_CASE("graph layout: nodes nobody reaches, self loops, bad edges and empty graphs") {
    const auto l = layoutLayered(3, {{0, 0}, {0, 7}, {-1, 2}, {2, 1}}, 0);
    CHECK(l.layer == std::vector<int>{0, 1, 0});
    CHECK(layoutLayered(0, {}, -1).layers == 0);
    const auto big = layoutLayered(3, {{0, 1}, {1, 2}, {2, 0}}, 1);  // a cycle, root in the middle
    CHECK(big.layer == std::vector<int>{2, 0, 1});
}

TEST_CASE("scenario graph: nodes, edges and marks from a real scenario") {
    const auto root = nlohmann::json::parse(
        test::readText(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-sme-cold-call.json"),
        nullptr, true, true);
    auto g = scenarioGraphFromJson(root);
    REQUIRE(g.nodes.size() == root["nodes"].size());
    CHECK(g.nodes[std::size_t(g.start)].id == "prep");
    bool timed = false, objection = false, ending = false;
    for (const auto& n : g.nodes) {
        timed |= n.timed;
        objection |= n.objection;
        ending |= n.ending && !n.outcome.empty();
    }
    CHECK(timed);
    CHECK(objection);
    CHECK(ending);
    CHECK(
        std::any_of(g.edges.begin(), g.edges.end(), [](const auto& e) { return e.choice == -1; }));
    markUnreachable(g, DiagnosticList{});
    CHECK(
        std::none_of(g.nodes.begin(), g.nodes.end(), [](const auto& n) { return n.unreachable; }));
}

TEST_CASE("scenario graph: unreachable nodes flagged from the validator and from the structure") {
    const std::string text =
        R"({"format": "rapport-scenario/1", "id": "u", "version": "1.0.0", "title": "U",
      "language": "en", "summary": "s", "sector": "bank", "difficulty": 1, "passScore": 50,
      "framework": "account-manager",
      "client": {"name": "N", "role": "R", "company": "C", "description": "D"},
      "variables": {"never": {"type": "boolean", "initial": false}},
      "start": "a",
      "nodes": [
        {"id": "a", "speaker": "client", "text": "A", "choices": [
          {"text": "to b", "next": "b"}, {"text": "to c", "next": "c", "if": "never"}]},
        {"id": "b", "speaker": "client", "text": "B", "ending": {"outcome": "won", "title": "t", "summary": "s"}},
        {"id": "c", "speaker": "client", "text": "C", "ending": {"outcome": "lost", "title": "t", "summary": "s"}},
        {"id": "d", "speaker": "client", "text": "D", "ending": {"outcome": "lost", "title": "t", "summary": "s"}}
      ]})";
    const auto check = checkScenarioText(text, "u.json");
    auto g = scenarioGraphFromJson(nlohmann::json::parse(text));
    markUnreachable(g, check.diagnostics);
    CHECK_FALSE(g.nodes[0].unreachable);
    CHECK_FALSE(g.nodes[1].unreachable);
    CHECK(g.nodes[2].unreachable);  // only the validator knows "never" stays false
    CHECK(g.nodes[3].unreachable);  // no edge at all
    markUnreachable(g, DiagnosticList{});
    CHECK_FALSE(g.nodes[2].unreachable);
    CHECK(g.nodes[3].unreachable);
}

TEST_CASE("scenario graph: pointers map to their node and choice") {
    CHECK(nodeOfPointer("/nodes/3/choices/1/next") == 3);
    CHECK(choiceOfPointer("/nodes/3/choices/1/next") == 1);
    CHECK(nodeOfPointer("/nodes/12") == 12);
    CHECK_FALSE(choiceOfPointer("/nodes/12/text"));
    CHECK_FALSE(nodeOfPointer("/start"));
    CHECK_FALSE(nodeOfPointer("/nodes/x"));
}
