// The preview's path on the author graph: which nodes a transcript entered (in order), which
// edges it followed (by the choice taken, not just the pair of nodes) and where it is now.
#include <doctest/doctest.h>

#include "core/authoring/preview_trail.hpp"

using namespace rapport;

namespace {

Node node(std::string id, std::vector<std::string> choices) {
    Node n;
    n.id = std::move(id);
    for (auto& c : choices) {
        Choice ch;
        ch.id = std::move(c);
        n.choices.push_back(std::move(ch));
    }
    return n;
}

TranscriptStep step(std::string at, std::string choice, std::string next, bool timedOut = false) {
    TranscriptStep s;
    s.node = std::move(at);
    s.choice = std::move(choice);
    s.next = std::move(next);
    s.timedOut = timedOut;
    return s;
}

}  // namespace

TEST_CASE("preview trail: nodes numbered in order, the edge of the choice taken, the timeout") {
    // hub --c1--> end, hub --c2--> end (two replies to one node), hub --timeout--> late
    ScenarioGraph g;
    g.nodes.resize(3);
    g.nodes[0].id = "hub";
    g.nodes[1].id = "end";
    g.nodes[2].id = "late";
    g.edges = {{0, 1, 0}, {0, 1, 1}, {0, 2, -1}};
    Scenario s;
    s.nodes = {node("hub", {"c1", "c2"}), node("end", {}), node("late", {})};

    Transcript t;
    t.steps = {step("hub", "c2", "end")};
    const PreviewTrail a = previewTrail(g, s, t, "end");
    CHECK(a.step == std::vector<int>{1, 2, 0});
    CHECK(a.edges == std::vector<bool>{false, true, false});  // c2's edge, not c1's
    CHECK(a.current == 1);

    t.steps = {step("hub", "", "late", true)};
    const PreviewTrail b = previewTrail(g, s, t, "late");
    CHECK(b.edges == std::vector<bool>{false, false, true});
    CHECK(b.step == std::vector<int>{1, 0, 2});

    // Not started yet: only where it stands; a node the graph no longer has marks nothing.
    t.steps.clear();
    const PreviewTrail c = previewTrail(g, s, t, "hub");
    CHECK(c.step == std::vector<int>{1, 0, 0});
    CHECK_FALSE(c.empty());
    CHECK(previewTrail(g, s, t, "gone").empty());
}
