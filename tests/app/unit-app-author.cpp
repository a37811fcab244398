// The author workspace driven headless through the same App and script driver as the real
// window: open a scenario, select a node by clicking it in the graph, edit a choice in the
// inspector, save with a one-line diff, and notice a save made by a text editor.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/author/author_file.hpp"
#include "app/driver/script.hpp"
#include "app/driver/script_driver.hpp"
#include "app/shell/app.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// The scenario is copied into the test's folder: the workspace edits and saves it there.
struct AuthorHeadless : test::HeadlessApp {
    fs::path file;
    explicit AuthorHeadless(const std::string& scenario)
        : HeadlessApp([&](const fs::path& dir) {
              const fs::path copy = dir / fs::path(scenario).filename();
              fs::copy_file(scenario, copy);
              return AppConfig{{copy.string()}, dir};
          }),
          file(dir.path() / fs::path(scenario).filename()) {}
};

const std::string kColdCall =
    std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-sme-cold-call.json";

int nodeIndex(const AuthorWorkspace& w, const std::string& id) {
    const auto& nodes = w.graph().nodes;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == id) return int(i);
    return -1;
}

}  // namespace

TEST_CASE(
    "author workspace: open a scenario, select a node in the graph, edit a choice, save a one-line "
    "diff") {
    AuthorHeadless h(kColdCall);
    const std::string before = test::readText(h.file);
    h.app->author().open(h.file.string());
    CHECK(h.app->screen() == ScreenId::Author);
    const AuthorWorkspace& w = h.app->author().workspace();
    REQUIRE(w.isOpen());
    CHECK(w.check().playable());
    CHECK(w.graph().nodes.size() > 10);

    // Click the node's box in the graph (the driver moves the mouse onto it and clicks).
    CHECK(h.run("expect-screen author\nclick Fit graph\nwait-frames 2\nclick Node gatekeeper\n") ==
          "");
    CHECK(w.selected() == nodeIndex(w, "gatekeeper"));

    // Edit the first choice's text in the inspector and save.
    CHECK(h.run("click Choice 1\nclick Text\nkey Down\nkey Down\nkey Down\nkey Down\nkey End\ntype "
                " Briefly.\nclick Save\n") == "");
    CHECK_FALSE(w.document()->dirty());
    const std::string after = test::readText(h.file);
    const auto a = lines(before), b = lines(after);
    REQUIRE(a.size() == b.size());
    std::vector<std::size_t> changed;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) changed.push_back(i);
    REQUIRE(changed.size() == 1);
    CHECK(b[changed[0]].find("Briefly.\",") != std::string::npos);
    CHECK(b[changed[0]].find("\"text\": ") != std::string::npos);
}

TEST_CASE(
    "author workspace: a diagnostic jumps to its node; a save from a text editor reloads the "
    "graph") {
    AuthorHeadless h(kColdCall);
    h.app->author().open(h.file.string());
    AuthorWorkspace& w = h.app->author().workspace();
    REQUIRE(w.isOpen());
    h.frame();

    // A text editor renames a choice's target to a node that does not exist, and saves.
    std::string text = test::readText(h.file);
    const std::string from = "\"next\": \"gatekeeper\"";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "\"next\": \"gatekeper\"");
    std::string error;
    REQUIRE(writeTextFileAtomically(h.file.string(), text, error));
    CHECK(h.app->author().pollFiles());
    CHECK(w.document()->text() == text);
    CHECK_FALSE(w.check().playable());
    REQUIRE_FALSE(w.check().diagnostics.empty());
    CHECK(w.check().diagnostics.items()[0].code == "RAP0023");

    // Clicking the problem selects the node it is in.
    CHECK(h.run("click Problem 1\n") == "");
    CHECK(w.selected() == nodeIndex(w, "prep"));
}

TEST_CASE("author workspace: unsaved edits are not replaced by a change on disk without asking") {
    AuthorHeadless h(kColdCall);
    h.app->author().open(h.file.string());
    AuthorWorkspace& w = h.app->author().workspace();
    h.frame();
    CHECK(h.run("click Node prep\nclick Choice 2\nclick Text\nkey End\ntype  Mine.\n") == "");
    REQUIRE(w.document()->dirty());
    const std::string mine = w.document()->text();

    std::string theirs = test::readText(h.file);
    theirs.insert(0, "// edited elsewhere\n");
    std::string error;
    REQUIRE(writeTextFileAtomically(h.file.string(), theirs, error));
    h.app->author().pollFiles();
    CHECK(w.conflict());
    CHECK(w.document()->text() == mine);
    CHECK(h.run("click Reload from disk\n") == "");
    CHECK_FALSE(w.conflict());
    CHECK(w.document()->text() == theirs);
}

TEST_CASE("author workspace: a new scenario from the template, saved atomically, checks clean") {
    AuthorHeadless h(kColdCall);
    const fs::path fresh = h.dir.path() / "my-first.json";
    h.app->author().open(fresh.string());
    AuthorWorkspace& w = h.app->author().workspace();
    REQUIRE(w.isOpen());
    CHECK(w.document()->dirty());
    h.frame();
    CHECK(w.check().diagnostics.empty());
    CHECK(h.run("click Save\n") == "");
    CHECK(fs::exists(fresh));
    CHECK(test::readText(fresh) == w.document()->text());
    CHECK(test::readText(fresh).find("\"id\": \"my-first\"") != std::string::npos);
    // Preview from the selected (start) node: play a choice.
    CHECK(h.run("click Preview from here\nexpect Restart preview\nclick Preview choice 1\n") == "");
}

TEST_CASE("author workspace: saving where it cannot write says why and keeps the edits") {
    AuthorHeadless h(kColdCall);
    h.app->author().open((h.dir.path() / "no-such-folder" / "x.json").string());
    AuthorWorkspace& w = h.app->author().workspace();
    REQUIRE(w.isOpen());
    h.frame();
    CHECK_FALSE(h.app->author().workspace().save());
    CHECK(w.message().find("cannot save") != std::string::npos);
    CHECK(w.document()->dirty());
}

TEST_CASE("author workspace: a graph larger than the view has a minimap that moves the view") {
    // The headless window is 1280x800: the multi-party review is a long chain that Fit cannot
    // show whole at a readable zoom, a four-node fixture fits.
    {  // one headless app (one ImGui context) at a time
        AuthorHeadless big(std::string(RAPPORT_SOURCE_DIR) +
                           "/scenarios/key-account-multi-party-review.json");
        big.app->author().open(big.file.string());
        REQUIRE(big.run("expect-screen author\nclick Fit graph\nwait-frames 3\n") == "");
        const LocatedWidget* map = big.app->scriptTarget().widgets().find("Minimap", 1);
        REQUIRE(map != nullptr);
        const LocatedWidget* start = big.app->scriptTarget().widgets().find("Node brief", 1);
        REQUIRE(start != nullptr);
        const float before = start->center().x;
        // A click in the middle of the minimap brings the middle of the conversation into view.
        const std::string click = "click Minimap\nwait-frames 3\n";
        REQUIRE(big.run(click) == "");
        // The view moved right: the first node went left, out of the view (then it is not on
        // screen at all, so the locator no longer finds it).
        start = big.app->scriptTarget().widgets().find("Node brief", 1);
        CHECK((start == nullptr || start->center().x < before));
    }

    AuthorHeadless small(std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json");
    small.app->author().open(small.file.string());
    REQUIRE(small.run("expect-screen author\nclick Fit graph\nwait-frames 3\n") == "");
    CHECK(small.app->scriptTarget().widgets().find("Minimap", 1) == nullptr);
}

TEST_CASE("author workspace: a checkbox toggles from its (wrapping) label") {
    AuthorHeadless h(kColdCall);
    h.app->author().open(h.file.string());
    const AuthorWorkspace& w = h.app->author().workspace();
    REQUIRE(w.isOpen());
    REQUIRE(h.run("expect-screen author\nclick Fit graph\nwait-frames 2\nclick Node gatekeeper\n"
                  "click Keep replies in this order\nwait-frames 2\n") == "");
    const auto node = [&] {
        for (const auto& n : (*w.document()->json())["nodes"])
            if (n.value("id", "") == "gatekeeper") return n;
        return nlohmann::json();
    };
    CHECK(node().value("shuffle", true) == false);
    REQUIRE(h.run("click Keep replies in this order\nwait-frames 2\n") == "");
    CHECK_FALSE(node().contains("shuffle"));
}

TEST_CASE("author workspace: a multi-line field wraps a long line; the saved text has no breaks") {
    AuthorHeadless h(kColdCall);
    h.app->author().open(h.file.string());
    const AuthorWorkspace& w = h.app->author().workspace();
    REQUIRE(w.isOpen());
    REQUIRE(h.run("expect-screen author\nclick Fit graph\nwait-frames 2\nclick Node gatekeeper\n"
                  "click Choice 1\nwait-frames 2\n") == "");
    const auto text = [&] {
        for (const auto& n : (*w.document()->json())["nodes"])
            if (n.value("id", "") == "gatekeeper") return n["choices"][0].value("text", "");
        return std::string();
    };
    const std::string before = text();
    // A long sentence typed at the end of the field, in the middle of a word-wrapped line.
    const std::string added =
        " And one more sentence, long enough to need a second and a third line in the panel.";
    // Down to the last (wrapped) line, then to its end.
    REQUIRE(h.run("click Text\nkey Down\nkey Down\nkey Down\nkey Down\nkey Down\nkey End\ntype" +
                  added + "\nwait-frames 2\n") == "");
    // (The script trims the typed text's leading space.)
    CHECK(text() == before + added.substr(1));
    // What the field shows: ImGui's edit buffer, soft breaks and all, on several lines.
    const ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetActiveID());
    REQUIRE(st != nullptr);
    std::string shown;
    for (int i = 0; i < st->CurLenW; ++i) {
        char utf8[5] = {};
        ImTextCharToUtf8(utf8, st->TextW[i]);
        shown += utf8;
    }
    int lines = 1;
    for (char c : shown) lines += c == '\n';
    CHECK(lines >= 3);
    CHECK(shown.find("\r\n") != std::string::npos);
    // The cursor is still at the end (after the last character typed).
    CHECK(st->Stb.cursor == st->CurLenW);
    REQUIRE(h.run("click Save\n") == "");
    const std::string saved = test::readText(h.file);
    CHECK(saved.find("\\r") == std::string::npos);
    CHECK(saved.find(added.substr(1)) != std::string::npos);
}
