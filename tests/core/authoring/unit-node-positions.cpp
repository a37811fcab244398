// The author graph's layout stays put across edits: places kept by node id, new nodes placed
// beside their neighbours, a deleted node leaving its gap, and the places kept in a file.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "core/authoring/node_positions.hpp"
#include "core/authoring/node_positions_file.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;

namespace {

using Edges = std::vector<std::pair<int, int>>;

NodePlace at(const GraphLayout& l, int v) { return {l.x[std::size_t(v)], l.y[std::size_t(v)]}; }

bool overlap(const GraphLayout& l, int a, int b, BoxSize box = {}) {
    return std::fabs(l.x[std::size_t(a)] - l.x[std::size_t(b)]) < box.width &&
           std::fabs(l.y[std::size_t(a)] - l.y[std::size_t(b)]) < box.height;
}

}  // namespace

TEST_CASE("node places: a first layout is the layered one, and every place is kept by id") {
    const std::vector<std::string> ids{"a", "b", "c", "d"};
    const Edges edges{{0, 1}, {0, 2}, {1, 3}, {2, 3}};
    NodePlaces places;
    const GraphLayout l = stableLayout(ids, edges, 0, places);
    const GraphLayout layered = layoutLayered(4, edges, 0);
    for (int v = 0; v < 4; ++v) {
        CHECK(l.x[std::size_t(v)] == layered.x[std::size_t(v)]);
        CHECK(l.y[std::size_t(v)] == layered.y[std::size_t(v)]);
        CHECK(places.at(ids[std::size_t(v)]) == at(l, v));
    }
    CHECK(tidyPlaces(ids, edges, 0) == places);
}

TEST_CASE("node places: adding a node leaves every other place unchanged") {
    std::vector<std::string> ids{"a", "b", "c", "d"};
    Edges edges{{0, 1}, {0, 2}, {1, 3}, {2, 3}};
    NodePlaces places;
    const GraphLayout before = stableLayout(ids, edges, 0, places);

    // A new reply from "b" to a new node "e": the layered layout would re-order the layers; the
    // stable one keeps a..d and puts e one layer right of its parent b.
    ids.push_back("e");
    edges.push_back({1, 4});
    const GraphLayout after = stableLayout(ids, edges, 0, places);
    for (int v = 0; v < 4; ++v) CHECK(at(after, v) == at(before, v));
    CHECK(after.x[4] == doctest::Approx(before.x[1] + LayoutSpacing{}.layerGap));
    for (int v = 0; v < 4; ++v) CHECK_FALSE(overlap(after, 4, v));
    CHECK(places.count("e") == 1);

    // Laid out again with nothing new: nothing moves at all.
    const GraphLayout again = stableLayout(ids, edges, 0, places);
    for (int v = 0; v < 5; ++v) CHECK(at(again, v) == at(after, v));
}

TEST_CASE("node places: removing a node leaves a gap, the others keep their places") {
    NodePlaces places;
    const GraphLayout before =
        stableLayout({"a", "b", "c", "d"}, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, 0, places);
    // "b" deleted: later indices shift down by one, the ids keep their boxes.
    const GraphLayout after = stableLayout({"a", "c", "d"}, {{0, 1}, {1, 2}}, 0, places);
    CHECK(at(after, 0) == at(before, 0));
    CHECK(at(after, 1) == at(before, 2));
    CHECK(at(after, 2) == at(before, 3));
    // An undo brings b back where it was.
    const GraphLayout undone =
        stableLayout({"a", "b", "c", "d"}, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, 0, places);
    for (int v = 0; v < 4; ++v) CHECK(at(undone, v) == at(before, v));
}

TEST_CASE("node places: a dragged box stays where it was put; a crowded spot moves the new box") {
    NodePlaces places;
    stableLayout({"a", "b"}, {{0, 1}}, 0, places);
    places["b"] = {-500, 900};  // the trainer dragged b far down and left
    const GraphLayout l = stableLayout({"a", "b", "c"}, {{0, 1}, {0, 2}}, 0, places);
    CHECK(at(l, 1) == NodePlace{-500, 900});
    CHECK(l.left == doctest::Approx(-500));
    CHECK(l.top == doctest::Approx(0));
    CHECK(l.height == doctest::Approx(900));
    // c goes right of a; that is free (b moved away), so it takes a's row.
    CHECK(at(l, 2) == NodePlace{LayoutSpacing{}.layerGap, 0});

    // Three new children of one parent all go right of it, one row apart, none overlapping.
    NodePlaces p2;
    stableLayout({"root"}, {}, 0, p2);
    const GraphLayout kids = stableLayout({"root", "x", "y", "z"}, {{0, 1}, {0, 2}, {0, 3}}, 0, p2);
    for (int a = 1; a < 4; ++a) {
        CHECK(kids.x[std::size_t(a)] == doctest::Approx(LayoutSpacing{}.layerGap));
        for (int b = a + 1; b < 4; ++b) CHECK_FALSE(overlap(kids, a, b));
    }
}

TEST_CASE("node places: an unlinked new node goes beside the node it was added from") {
    NodePlaces places;
    const GraphLayout l0 = stableLayout({"a", "b", "c"}, {{0, 1}, {1, 2}}, 0, places);
    const GraphLayout l = stableLayout({"a", "b", "c", "new"}, {{0, 1}, {1, 2}}, 0, places, 0);
    // Right of a is b's column; b's row is taken by b itself, so it moves down one row.
    CHECK(l.x[3] == doctest::Approx(l0.x[0] + LayoutSpacing{}.layerGap));
    for (int v = 0; v < 3; ++v) CHECK_FALSE(overlap(l, 3, v));
    // Without a node to go beside: under everything, at the left.
    NodePlaces p2 = {{"a", {0, 0}}, {"b", {260, 0}}};
    const GraphLayout lone = stableLayout({"a", "b", "z"}, {{0, 1}}, 0, p2);
    CHECK(lone.x[2] == doctest::Approx(0));
    CHECK(lone.y[2] > 0);
}

TEST_CASE("node places: renamed nodes keep their box; repeated and empty ids are not kept") {
    NodePlaces places;
    const GraphLayout before = stableLayout({"a", "b", "c"}, {{0, 1}, {1, 2}}, 0, places);
    carryRenames(places, {"a", "b", "c"}, {"a", "bee", "c"});
    const GraphLayout after = stableLayout({"a", "bee", "c"}, {{0, 1}, {1, 2}}, 0, places);
    CHECK(at(after, 1) == at(before, 1));
    // Not a rename when the old id is still there (it moved to another index).
    NodePlaces p2 = {{"a", {0, 0}}, {"b", {5, 5}}};
    carryRenames(p2, {"a", "b"}, {"b", "a2"});
    CHECK(p2.count("a2") == 0);

    NodePlaces p3;
    stableLayout({"x", "", "x"}, {}, 0, p3);
    CHECK(p3.size() == 0);
}

TEST_CASE("node places file: written and read back by scenario path; bad entries skipped") {
    test::TempDir dir;
    const auto folder = dir.path() / "graph-layouts";
    const std::string scenario = (dir.path() / "s.json").string();
    CHECK_FALSE(readNodePlaces(folder, scenario));
    std::string error;
    REQUIRE(writeNodePlaces(folder, scenario, {{"a", {10, 20}}, {"b", {-300, 84}}}, error));
    const auto back = readNodePlaces(folder, scenario);
    REQUIRE(back);
    CHECK(*back == NodePlaces{{"a", {10, 20}}, {"b", {-300, 84}}});
    // Another scenario's places are not this one's.
    CHECK_FALSE(readNodePlaces(folder, (dir.path() / "other.json").string()));

    // A hand-edited file: a string, a huge number and a short array are skipped, not trusted.
    const auto file = std::filesystem::directory_iterator(folder)->path();
    {
        std::ofstream out(file);
        out << R"({"scenario": ")"
            << std::filesystem::absolute(scenario).lexically_normal().string()
            << R"(", "positions": {"a": [1, 2], "b": "x", "c": [1e30, 0], "d": [3]}})";
    }
    const auto edited = readNodePlaces(folder, scenario);
    REQUIRE(edited);
    CHECK(*edited == NodePlaces{{"a", {1, 2}}});
    {
        std::ofstream out(file);
        out << "{not json";
    }
    CHECK_FALSE(readNodePlaces(folder, scenario));
    removeNodePlaces(folder, scenario);
    CHECK_FALSE(std::filesystem::exists(file));
}
