// The author graph as a trainer uses it, headless through the real App and script driver: boxes
// keep their places across edits, a dragged box stays where it was dropped (and is still there
// when the file is opened again), "Tidy layout" lays it out afresh; the preview's path is drawn
// on the graph; an analysis path clicked replays in the preview.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "app/shell/app.hpp"
#include "core/authoring/node_positions.hpp"
#include "core/authoring/node_positions_file.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

namespace {

const std::string kColdCall =
    std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-sme-cold-call.json";

struct AuthorGraphApp : test::HeadlessApp {
    fs::path file;
    explicit AuthorGraphApp(const std::string& scenario, const fs::path& layouts = {})
        : HeadlessApp([&](const fs::path& dir) {
              const fs::path copy = dir / fs::path(scenario).filename();
              fs::copy_file(scenario, copy);
              AppConfig c{{copy.string()}, dir};
              c.graphLayoutDir = layouts;
              return c;
          }),
          file(dir.path() / fs::path(scenario).filename()) {}
    AuthorWorkspace& w() { return app->author().workspace(); }
    int index(const std::string& id) {
        const auto& nodes = w().graph().nodes;
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].id == id) return int(i);
        return -1;
    }
    std::map<std::string, NodePlace> places() {
        std::map<std::string, NodePlace> out;
        const auto& nodes = w().graph().nodes;
        REQUIRE(w().layout().x.size() == nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i)
            out[nodes[i].id] = {w().layout().x[i], w().layout().y[i]};
        return out;
    }
};

}  // namespace

TEST_CASE("author graph: boxes keep their places across edits; a dragged box is kept; tidy") {
    test::TempDir layouts;
    std::map<std::string, NodePlace> dragged;
    std::string path;
    {
        AuthorGraphApp h(kColdCall, layouts.path());
        path = h.file.string();
        h.app->author().open(path);
        REQUIRE(h.w().isOpen());
        REQUIRE(h.run("expect-screen author\nclick Fit graph\nwait-frames 2\n") == "");
        const auto before = h.places();
        const std::size_t count = before.size();

        // Add a node from the inspector while "gatekeeper" is selected: nothing else moves, the
        // new one goes one layer right of gatekeeper, on a free row.
        REQUIRE(h.run("click Node gatekeeper\nclick Add node\nwait-frames 2\n") == "");
        auto after = h.places();
        REQUIRE(after.size() == count + 1);
        for (const auto& [id, place] : before) CHECK(after.at(id) == place);
        std::string added;
        for (const auto& [id, place] : after)
            if (!before.count(id)) added = id;
        REQUIRE_FALSE(added.empty());
        CHECK(after.at(added).x == doctest::Approx(before.at("gatekeeper").x + 260));
        for (const auto& [id, place] : before)
            CHECK_FALSE((std::fabs(place.x - after.at(added).x) < kGraphBox.width &&
                         std::fabs(place.y - after.at(added).y) < kGraphBox.height));

        // Delete it again: every other box is where it was (the layered layout would have
        // re-ordered the layers on both edits).
        REQUIRE(h.run("click Delete node\nwait-frames 2\n") == "");
        CHECK(h.places() == before);

        // Drag "prep" down by 120 screen pixels: it moves by 120 / zoom layout units, nothing
        // else moves, and the place is kept beside the user's state.
        REQUIRE(h.run("click Fit graph\nwait-frames 2\ndrag Node prep 0 120\nwait-frames 2\n") ==
                "");
        dragged = h.places();
        CHECK(dragged.at("prep").y > before.at("prep").y + 40);
        CHECK(dragged.at("prep").x == doctest::Approx(before.at("prep").x).epsilon(0.02));
        for (const auto& [id, place] : before)
            if (id != "prep") CHECK(dragged.at(id) == place);
        // A drag is not a click: nothing else happened to the document.
        CHECK_FALSE(h.w().document()->dirty());
        const auto kept = readNodePlaces(layouts.path(), path);
        REQUIRE(kept);
        CHECK(kept->at("prep").y == doctest::Approx(dragged.at("prep").y));
    }
    {
        // Opened again (a new App): the boxes are where they were left.
        AuthorGraphApp h(kColdCall, layouts.path());
        // Each app copies the scenario into its own folder: the places kept for the first copy
        // are copied to the second's path, as if it were the same file opened again.
        const auto kept = readNodePlaces(layouts.path(), path);
        REQUIRE(kept);
        std::string error;
        REQUIRE(writeNodePlaces(layouts.path(), h.file.string(), *kept, error));
        h.app->author().open(h.file.string());
        REQUIRE(h.run("expect-screen author\nwait-frames 2\n") == "");
        CHECK(h.places() == dragged);

        // Tidy layout: back to the layered picture, prep included.
        REQUIRE(h.run("click Tidy layout\nwait-frames 2\n") == "");
        std::vector<std::string> ids;
        std::vector<std::pair<int, int>> edges;
        for (const auto& n : h.w().graph().nodes) ids.push_back(n.id);
        for (const auto& e : h.w().graph().edges) edges.emplace_back(e.from, e.to);
        const NodePlaces tidy = tidyPlaces(ids, edges, h.w().graph().start, LayoutSpacing{260, 84});
        const auto now = h.places();
        for (const auto& [id, place] : tidy) CHECK(now.at(id) == place);
        CHECK(now.at("prep").y != doctest::Approx(dragged.at("prep").y));
    }
}

TEST_CASE("author graph: the preview's path is drawn on the graph as it plays") {
    AuthorGraphApp h(kColdCall);
    h.app->author().open(h.file.string());
    // Tall enough for the preview's eleven start values and its replies in the side panel.
    REQUIRE(h.run("resize 1600 1500\nexpect-screen author\nclick Fit graph\nwait-frames 2\n") ==
            "");
    CHECK(h.w().trail().empty());
    const int start = h.w().graph().start;
    REQUIRE(start >= 0);
    REQUIRE(h.run("click Preview from here\nwait-frames 2\n") == "");
    // Nothing chosen yet: the start is where the preview is, step 1.
    CHECK(h.w().trail().current == start);
    CHECK(h.w().trail().step[std::size_t(start)] == 1);
    REQUIRE(
        h.run("click Preview choice 1\nwait-frames 2\nclick Preview choice 1\nwait-frames 2\n") ==
        "");
    const PreviewTrail& t = h.w().trail();
    int visited = 0, taken = 0;
    for (int s : t.step) visited += s > 0;
    for (bool e : t.edges) taken += e;
    CHECK(taken == 2);
    CHECK(visited == 3);
    CHECK(t.step[std::size_t(t.current)] == 3);
    // Each taken edge joins two visited nodes, one step apart.
    for (std::size_t e = 0; e < t.edges.size(); ++e)
        if (t.edges[e]) {
            const auto& edge = h.w().graph().edges[e];
            CHECK(t.step[std::size_t(edge.to)] == t.step[std::size_t(edge.from)] + 1);
        }
}

TEST_CASE("author graph: an analysis path clicked replays in the preview and on the graph") {
    AuthorGraphApp h(kColdCall);
    h.app->author().open(h.file.string());
    // Tall enough for the paths below the test-wise table in the side panel.
    REQUIRE(h.run("resize 1600 1500\nexpect-screen author\nwait-frames 2\nclick Tab Analysis\n"
                  "click Random plays\n"
                  "key ctrl+A\ntype 100\nkey Enter\nclick Run analysis\nwait-frames 3\n") == "");
    REQUIRE(h.w().document() != nullptr);
    REQUIRE(h.run("click Replay best\nwait-frames 3\n") == "");
    const PreviewTrail& t = h.w().trail();
    REQUIRE_FALSE(t.empty());
    // The best path ends at a won ending, with one taken edge per decision.
    CHECK(h.w().graph().nodes[std::size_t(t.current)].ending);
    CHECK(h.w().graph().nodes[std::size_t(t.current)].outcome == "won");
    int taken = 0;
    for (bool e : t.edges) taken += e;
    CHECK(taken > 3);
    CHECK(h.run("expect Restart preview\n") == "");

    // A test-wise player's row replays its highest-scoring play.
    REQUIRE(h.run("click Tab Analysis\nwait-frames 2\nclick Replay longest\nwait-frames 3\n") ==
            "");
    CHECK(h.w().graph().nodes[std::size_t(h.w().trail().current)].ending);
}
