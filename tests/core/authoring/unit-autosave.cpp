// The author's recovery file: written, found again for the same scenario (however its path is
// spelt), never offered for another one, and gone once removed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/authoring/autosave.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
namespace fs = std::filesystem;

TEST_CASE("autosave: a recovery is read back for its scenario and removed") {
    test::TempDir dir;
    const fs::path folder = dir.path() / "state" / "autosave";  // created on the first write
    const std::string scenario = (dir.path() / "sales.json").string();
    std::string error;
    REQUIRE(writeAutosave(folder, {scenario, "{\"id\": \"edited\"}", 1765130000123}, error));
    CHECK(error.empty());
    CHECK(fs::exists(autosavePath(folder, scenario)));

    const auto back = readAutosave(folder, scenario);
    REQUIRE(back);
    CHECK(back->text == "{\"id\": \"edited\"}");
    CHECK(back->savedAtMs == 1765130000123);
    CHECK(back->scenarioPath == fs::absolute(scenario).lexically_normal().string());

    // Another spelling of the same file finds the same recovery.
    const std::string other = (dir.path() / "." / "sales.json").string();
    CHECK(autosavePath(folder, other) == autosavePath(folder, scenario));
    CHECK(readAutosave(folder, other));

    // Another scenario has none.
    CHECK_FALSE(readAutosave(folder, (dir.path() / "other.json").string()));

    removeAutosave(folder, scenario);
    CHECK_FALSE(fs::exists(autosavePath(folder, scenario)));
    CHECK_FALSE(readAutosave(folder, scenario));
    removeAutosave(folder, scenario);  // a missing one is fine
}

TEST_CASE("autosave: a damaged recovery file or one naming another scenario is ignored") {
    test::TempDir dir;
    const fs::path folder = dir.path();
    const std::string scenario = (dir.path() / "a.json").string();
    {
        std::ofstream(autosavePath(folder, scenario))
            << "{\"scenario\": \"" << scenario << "\", \"text\": \"trunc";
    }
    CHECK_FALSE(readAutosave(folder, scenario));
    {
        std::ofstream(autosavePath(folder, scenario))
            << R"({"scenario": "/elsewhere/b.json", "savedAtMs": 1, "text": "{}"})";
    }
    CHECK_FALSE(readAutosave(folder, scenario));
}

TEST_CASE("autosave: a folder that cannot be made says why") {
    test::TempDir dir;
    const fs::path blocker = dir.path() / "file";
    std::ofstream(blocker) << "x";
    std::string error;
    CHECK_FALSE(writeAutosave(blocker / "autosave", {"a.json", "{}", 0}, error));
    CHECK(error.find((blocker / "autosave").string()) != std::string::npos);
}
