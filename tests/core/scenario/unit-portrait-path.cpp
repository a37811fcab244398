// Portraits are resolved by their real path: no "..", absolute path or symbolic link leaves the
// scenario's folder, at validation (RAP0044) as when the app loads them (resolvePortrait).
#include <doctest/doctest.h>

#include <filesystem>

#include "core/checks/scenario_check.hpp"
#include "core/scenario/portrait_path.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using rapport::test::TempDir;
namespace fs = std::filesystem;

namespace {

// The minimal fixture with a portrait, written into `dir` as scenario.json.
std::string scenarioWithPortrait(const TempDir& dir, const std::string& portrait) {
    std::string text = test::readText(fs::path(RAPPORT_FIXTURES_DIR) / "valid" / "minimal.json");
    const std::string client = "\"description\": \"Busy.\"";
    const auto at = text.find(client);
    REQUIRE(at != std::string::npos);
    text.insert(at + client.size(), ", \"portrait\": \"" + portrait + "\"");
    const std::string path = dir.file("scenario.json");
    REQUIRE(test::writeText(path, text));
    return path;
}

std::vector<std::string> codesOf(const ScenarioCheck& c) {
    std::vector<std::string> out;
    for (const auto& d : c.diagnostics.items()) out.push_back(d.code);
    return out;
}

}  // namespace

TEST_CASE("portrait: a file inside the folder is found by its real path") {
    TempDir dir;
    fs::create_directory(dir.file("portraits"));
    REQUIRE(test::writeText(dir.file("portraits/anna.png"), "png"));
    // A link that stays inside the folder is fine.
    fs::create_symlink("anna.png", dir.file("portraits/alias.png"));
    const std::string scenario = scenarioWithPortrait(dir, "portraits/alias.png");
    const PortraitPath p = resolvePortrait("portraits/alias.png", scenario);
    CHECK(p.status == PortraitPath::Status::Found);
    CHECK(p.path == fs::canonical(dir.file("portraits/anna.png")).string());
    CHECK(codesOf(checkScenarioFile(scenario)).empty());
}

TEST_CASE("portrait: a symbolic link to a file outside the folder is refused") {
    TempDir dir, outside;
    REQUIRE(test::writeText(outside.file("secret.txt"), "secret"));
    fs::create_directory(dir.file("portraits"));
    fs::create_symlink(outside.file("secret.txt"), dir.file("portraits/evil.png"));
    const std::string scenario = scenarioWithPortrait(dir, "portraits/evil.png");
    const PortraitPath p = resolvePortrait("portraits/evil.png", scenario);
    CHECK(p.status == PortraitPath::Status::Escapes);
    CHECK(p.byLink);
    const ScenarioCheck c = checkScenarioFile(scenario);
    REQUIRE(codesOf(c) == std::vector<std::string>{"RAP0044"});
    CHECK(c.diagnostics.items()[0].message ==
          "portrait \"portraits/evil.png\" leads out of the scenario's folder through a symbolic "
          "link (to " +
              fs::canonical(outside.file("secret.txt")).string() +
              "); copy the image into the folder instead of linking it");
}

TEST_CASE("portrait: a symlinked folder leading outside is refused") {
    TempDir dir, outside;
    REQUIRE(test::writeText(outside.file("passwd.png"), "x"));
    fs::create_directory_symlink(outside.path(), dir.file("portraits"));
    const std::string scenario = scenarioWithPortrait(dir, "portraits/passwd.png");
    CHECK(resolvePortrait("portraits/passwd.png", scenario).status ==
          PortraitPath::Status::Escapes);
    CHECK(codesOf(checkScenarioFile(scenario)) == std::vector<std::string>{"RAP0044"});
}

TEST_CASE("portrait: written paths that leave the folder, and missing files") {
    TempDir dir;
    const std::string scenario = scenarioWithPortrait(dir, "missing.png");
    CHECK(resolvePortrait("../x.png", scenario).status == PortraitPath::Status::Escapes);
    CHECK_FALSE(resolvePortrait("../x.png", scenario).byLink);
    CHECK(resolvePortrait("/etc/passwd", scenario).status == PortraitPath::Status::Escapes);
    CHECK(resolvePortrait("missing.png", scenario).status == PortraitPath::Status::Missing);
    CHECK(resolvePortrait("", scenario).status == PortraitPath::Status::None);
    CHECK(codesOf(checkScenarioFile(scenario)) == std::vector<std::string>{"RAP0045"});
    // A link to nothing is simply missing.
    fs::create_symlink(dir.file("nothing.png"), dir.file("dangling.png"));
    CHECK(resolvePortrait("dangling.png", scenario).status == PortraitPath::Status::Missing);
}
