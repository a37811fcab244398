// An author never loses work: closing the window or leaving the author area with unsaved edits
// asks save / discard / keep editing; a recovery copy is written while editing and offered when
// the file is next opened; Ctrl+S saves and Ctrl+Z / Ctrl+Shift+Z undo and redo; text still in
// a field that is written only when left counts as an edit.
#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>

#include "app/author/author_file.hpp"
#include "app/shell/app.hpp"
#include "core/authoring/autosave.hpp"
#include "core/platform/bundled_data.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

namespace {

struct AuthorHeadless : test::HeadlessApp {
    fs::path file;
    AuthorHeadless()
        : HeadlessApp([](const fs::path& dir) {
              const fs::path copy = dir / "bank-sme-cold-call.json";
              fs::copy_file(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-sme-cold-call.json",
                            copy);
              return AppConfig{{copy.string()}, dir};
          }),
          file(dir.path() / "bank-sme-cold-call.json") {}
    fs::path recovery() const { return autosavePath(dir.path() / "autosave", file.string()); }
    AuthorWorkspace& workspace() { return app->author().workspace(); }
    // Opens the file and types into the text of node prep's second choice.
    void openAndEdit() {
        app->author().open(file.string());
        frame();
        REQUIRE(run("click Node prep\nclick Choice 2\nclick Text\nkey End\ntype  Mine.\n"
                    "wait-frames 2\n") == "");
        REQUIRE(workspace().document()->dirty());
    }
};

}  // namespace

TEST_CASE("author unsaved: closing the window asks first; keep editing stays, save then quits") {
    AuthorHeadless h;
    const std::string before = test::readText(h.file);
    h.openAndEdit();

    CHECK(h.run("close-window\nexpect Keep editing\nclick Keep editing\nwait-frames 2\n") == "");
    CHECK_FALSE(h.app->quitApproved());
    CHECK(h.workspace().document()->dirty());
    CHECK(test::readText(h.file) == before);

    CHECK(h.run("close-window\nclick Save changes\nwait-frames 2\n") == "");
    CHECK(h.app->quitApproved());
    CHECK(test::readText(h.file).find("Mine.") != std::string::npos);
    CHECK_FALSE(fs::exists(h.recovery()));
}

TEST_CASE("author unsaved: nothing unsaved quits at once") {
    AuthorHeadless h;
    h.app->author().open(h.file.string());
    h.frame();
    h.app->requestQuit();
    CHECK(h.app->quitApproved());
}

TEST_CASE("author unsaved: leaving the author area asks; discard leaves the file as it was") {
    AuthorHeadless h;
    const std::string before = test::readText(h.file);
    h.openAndEdit();
    h.app->author().pollFiles();
    CHECK(fs::exists(h.recovery()));

    CHECK(h.run("click Leave author\nwait-frames 2\nexpect Discard changes\n") == "");
    CHECK(h.app->screen() == ScreenId::Author);  // held until the author answers
    CHECK(h.run("click Discard changes\nwait-frames 2\n") == "");
    CHECK(h.app->screen() != ScreenId::Author);
    CHECK_FALSE(h.workspace().isOpen());
    CHECK(test::readText(h.file) == before);
    CHECK_FALSE(fs::exists(h.recovery()));
}

TEST_CASE("author unsaved: the recovery copy is offered on the next open and restores the edits") {
    AuthorHeadless h;
    const std::string before = test::readText(h.file);
    h.openAndEdit();
    h.app->author().pollFiles();  // an edit finished (the field is left by the next click)
    const std::string edited = h.workspace().document()->text();
    REQUIRE(fs::exists(h.recovery()));
    CHECK(readAutosave(h.dir.path() / "autosave", h.file.string())->text == edited);

    // The program goes away without saving (no prompt: as a crash would).
    h.workspace().close();
    CHECK(fs::exists(h.recovery()));

    h.app->author().open(h.file.string());
    h.frame();
    CHECK(h.workspace().recoveryOffered());
    CHECK(h.workspace().document()->text() == before);
    CHECK(h.run("click Restore edits\nwait-frames 2\n") == "");
    CHECK_FALSE(h.workspace().recoveryOffered());
    CHECK(h.workspace().document()->text() == edited);
    CHECK(h.workspace().document()->dirty());

    // Ctrl+Z goes back to the file as saved, Ctrl+Shift+Z forward to the recovered edits.
    CHECK(h.run("key ctrl+Z\nwait-frames 2\n") == "");
    CHECK(h.workspace().document()->text() == before);
    CHECK(h.run("key ctrl+shift+Z\nwait-frames 2\n") == "");
    CHECK(h.workspace().document()->text() == edited);

    // Ctrl+S saves, and the recovery goes.
    CHECK(h.run("key ctrl+S\nwait-frames 2\n") == "");
    CHECK_FALSE(h.workspace().document()->dirty());
    CHECK(test::readText(h.file) == edited);
    h.app->author().pollFiles();
    CHECK_FALSE(fs::exists(h.recovery()));
}

TEST_CASE("author unsaved: a recovery equal to the file is not offered; discarding removes it") {
    AuthorHeadless h;
    const fs::path folder = h.dir.path() / "autosave";
    std::string error;
    REQUIRE(writeAutosave(folder, {h.file.string(), test::readText(h.file), 1}, error));
    h.app->author().open(h.file.string());
    h.frame();
    CHECK_FALSE(h.workspace().recoveryOffered());
    CHECK_FALSE(fs::exists(h.recovery()));

    h.workspace().close();
    REQUIRE(writeAutosave(folder, {h.file.string(), "{\"broken\": ", 1}, error));
    h.app->author().open(h.file.string());
    h.frame();
    CHECK(h.workspace().recoveryOffered());
    CHECK(h.run("click Discard recovered edits\nwait-frames 2\n") == "");
    CHECK_FALSE(h.workspace().recoveryOffered());
    CHECK_FALSE(fs::exists(h.recovery()));
    CHECK_FALSE(h.workspace().document()->dirty());
}

TEST_CASE("author unsaved: tags still being typed are saved by Ctrl+S and counted on close") {
    AuthorHeadless h;
    h.app->author().open(h.file.string());
    h.frame();
    CHECK(h.run("click Node prep\nclick Tags\nkey End\ntype , practice:w10\nwait-frames 2\n") ==
          "");
    // Nothing is in the document yet: the field is still being typed in.
    CHECK(h.workspace().document()->text().find("practice:w10") == std::string::npos);
    CHECK(h.workspace().hasUnsavedEdits());

    // Quitting now asks, rather than losing the typed text.
    h.app->requestQuit();
    CHECK_FALSE(h.app->quitApproved());
    CHECK(h.run("wait-frames 2\nclick Keep editing\nwait-frames 2\n") == "");
    CHECK(h.workspace().document()->text().find("practice:w10") != std::string::npos);

    CHECK(h.run("click Tags\nwait-frames 40\nkey End\ntype , second-tag\nwait-frames 2\nkey "
                "ctrl+S\nwait-frames 2\n") == "");
    const std::string saved = test::readText(h.file);
    // (Where the second text lands in the field depends on where the click put the caret.)
    CHECK(saved.find("practice") != std::string::npos);
    CHECK(saved.find("second-tag") != std::string::npos);
    CHECK_FALSE(h.workspace().hasUnsavedEdits());
}

TEST_CASE("author unsaved: a bundled scenario's prompt offers Save as… into the own folder") {
    const std::string bundled = (bundledData().scenarios / "bank-sme-cold-call.json").string();
    test::HeadlessApp h([&](const fs::path& dir) {
        AppConfig c{{bundled}, dir};
        c.ownScenarios = dir / "own";
        return c;
    });
    const std::string before = test::readText(bundled);
    h.app->author().open(bundled);
    h.frame();
    AuthorWorkspace& w = h.app->author().workspace();
    REQUIRE(w.readOnly());
    REQUIRE(
        h.run("click Node prep\nclick Choice 2\nclick Text\nkey End\ntype  Mine.\n"
              "wait-frames 2\nclose-window\nwait-frames 2\nclick Save a copy\nwait-frames 2\n") ==
        "");
    CHECK(h.app->quitApproved());
    CHECK(test::readText(bundled) == before);
    CHECK(test::readText(h.dir.path() / "own" / "bank-sme-cold-call.json").find("Mine.") !=
          std::string::npos);
}
