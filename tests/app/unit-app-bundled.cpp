// The bundled library in the author workspace: editing a bundled scenario never writes into the
// bundled folder; "Save as…" puts a copy in the trainer's own folder and edits go on there.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/platform/bundled_data.hpp"
#include "support/files.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

TEST_CASE(
    "bundled library: read-only in the author workspace; Save as… writes a copy of one's own") {
    const fs::path bundled = bundledData().scenarios / "bank-sme-cold-call.json";
    REQUIRE(fs::exists(bundled));
    const std::string original = test::readText(bundled);
    test::HeadlessApp h([&](const fs::path& dir) {
        AppConfig c{{bundled.string()}, dir};
        c.ownScenarios = dir / "my-scenarios";
        return c;
    });
    h.app->openAuthor(bundled.string());
    REQUIRE(h.app->screen() == ScreenId::Author);
    AuthorWorkspace& w = h.app->author().workspace();
    REQUIRE(w.isOpen());
    CHECK(w.readOnly());
    // No plain Save is offered, only Save as….
    CHECK(h.run("expect Save as…\n") == "");
    CHECK(h.run("expect Save\n").find("expected a widget") != std::string::npos);

    CHECK(h.run("click Fit graph\nwait-frames 2\nclick Node gatekeeper\nclick Choice 1\n"
                "click Text\nkey End\ntype  Briefly.\nwait-frames 1\n") == "");
    REQUIRE(w.document()->dirty());
    // Even asked directly, the workspace refuses to write into the bundled folder.
    CHECK_FALSE(w.save());
    CHECK(w.message().find("Save as") != std::string::npos);
    CHECK(test::readText(bundled) == original);

    CHECK(h.run("click Save as…\nwait-frames 1\n") == "");
    const fs::path copy = h.dir.path() / "my-scenarios" / "bank-sme-cold-call.json";
    REQUIRE(fs::exists(copy));
    CHECK(test::readText(copy).find("Briefly.") != std::string::npos);
    CHECK(test::readText(bundled) == original);
    CHECK(w.document()->path() == copy.string());
    CHECK_FALSE(w.document()->dirty());
    CHECK_FALSE(w.readOnly());
    CHECK(w.message().find("bundled scenario is unchanged") != std::string::npos);

    // A second copy never overwrites the first.
    h.app->author().workspace().open(bundled.string());
    REQUIRE(w.readOnly());
    CHECK(w.saveAsOwnCopy());
    CHECK(w.document()->path() ==
          (h.dir.path() / "my-scenarios" / "bank-sme-cold-call-2.json").string());
    CHECK(test::readText(copy).find("Briefly.") != std::string::npos);
    CHECK(test::readText(bundled) == original);
}
