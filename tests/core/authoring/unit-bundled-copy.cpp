// Which files belong to the bundled library, and where their copies go.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/authoring/bundled_copy.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
namespace fs = std::filesystem;

TEST_CASE("bundled copy: inside the bundled folder by real path, not by spelling") {
    test::TempDir dir;
    const fs::path bundled = dir.path() / "share" / "scenarios";
    fs::create_directories(bundled);
    std::ofstream(bundled / "a.json") << "{}";
    CHECK(isBundledScenario(bundled / "a.json", bundled));
    CHECK(isBundledScenario(dir.path() / "share" / "x" / ".." / "scenarios" / "a.json", bundled));
    CHECK(isBundledScenario(bundled / "sub" / "new.json", bundled));  // not there yet
    CHECK_FALSE(isBundledScenario(bundled, bundled));                 // the folder itself
    CHECK_FALSE(isBundledScenario(dir.path() / "share" / "scenarios-mine" / "a.json", bundled));
    CHECK_FALSE(isBundledScenario(dir.path() / "a.json", bundled));
    CHECK_FALSE(isBundledScenario(bundled / "a.json", ""));
    // A link from elsewhere into the bundled folder is the bundled file.
    fs::create_symlink(bundled / "a.json", dir.path() / "link.json");
    CHECK(isBundledScenario(dir.path() / "link.json", bundled));
}

TEST_CASE("bundled copy: the copy's name never overwrites an earlier copy") {
    test::TempDir dir;
    const fs::path own = dir.path() / "mine";
    CHECK(ownCopyPath("/usr/share/rapport/scenarios/a.json", own) == own / "a.json");
    fs::create_directories(own);
    std::ofstream(own / "a.json") << "{}";
    CHECK(ownCopyPath("/usr/share/rapport/scenarios/a.json", own) == own / "a-2.json");
    std::ofstream(own / "a-2.json") << "{}";
    CHECK(ownCopyPath("/usr/share/rapport/scenarios/a.json", own) == own / "a-3.json");
}
