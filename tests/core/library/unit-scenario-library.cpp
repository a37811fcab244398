// The scenario library: folder loading (good and broken files), filters and "next scenario".
#include <doctest/doctest.h>

#include <filesystem>

#include "core/library/scenario_library.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

namespace {
const std::string kGui = std::string(RAPPORT_FIXTURES_DIR) + "/gui";
const std::string kInvalid = std::string(RAPPORT_FIXTURES_DIR) + "/invalid";

int indexOf(const ScenarioLibrary& lib, const std::string& id) {
    for (int i = 0; i < int(lib.entries.size()); ++i)
        if (lib.entries[i].scenario && lib.entries[i].scenario->id == id) return i;
    return -1;
}
}  // namespace

TEST_CASE("scenario library: loads every scenario of a folder, sorted by path") {
    const auto lib = loadScenarioLibrary({kGui});
    REQUIRE(lib.entries.size() == 2);
    CHECK(lib.entries[0].path < lib.entries[1].path);
    CHECK(lib.playable().size() == 2);
    CHECK(lib.sectors() == std::vector<std::string>{"logistics", "telecom"});
    CHECK(lib.competencies() ==
          std::vector<std::string>{"needs_discovery", "negotiation", "objection_handling"});
}

TEST_CASE("scenario library: broken files are listed with their diagnostics, never played") {
    const auto lib = loadScenarioLibrary({kInvalid});
    REQUIRE_FALSE(lib.entries.empty());
    CHECK(lib.playable().size() < lib.entries.size());
    for (const auto& e : lib.entries)
        if (!e.playable()) CHECK(e.diagnostics.hasErrors());
    const auto missing = loadScenarioLibrary({"/nonexistent/rapport-folder"});
    REQUIRE(missing.entries.size() == 1);
    CHECK(missing.entries[0].diagnostics.items()[0].message.find("cannot read scenario folder") ==
          0);
}

TEST_CASE("scenario library: filters by sector, competency and case-insensitive search") {
    const auto lib = loadScenarioLibrary({kGui});
    const auto& trio = lib.entries[indexOf(lib, "gui-unicode-trio")];
    const auto& longTalk = lib.entries[indexOf(lib, "gui-long-talk")];
    CHECK(matchesFilter(trio, {}));
    CHECK(matchesFilter(trio, {"logistics", "", ""}));
    CHECK_FALSE(matchesFilter(longTalk, {"logistics", "", ""}));
    CHECK(matchesFilter(trio, {"", "negotiation", ""}));
    CHECK_FALSE(matchesFilter(longTalk, {"", "negotiation", ""}));
    CHECK(matchesFilter(trio, {"", "", "TANAKA"}));
    CHECK(matchesFilter(trio, {"", "", "Танака"}));  // Cyrillic matches as typed
    CHECK(matchesFilter(trio, {"", "", "契約"}));
    CHECK(matchesFilter(longTalk, {"", "", "smirnova"}));  // client name
    CHECK_FALSE(matchesFilter(longTalk, {"", "", "tanaka"}));
}

TEST_CASE("scenario library: next scenario wraps around and skips broken files") {
    const auto lib = loadScenarioLibrary({kGui, kInvalid + "/../valid/minimal.json"});
    const auto playable = lib.playable();
    REQUIRE(playable.size() >= 2);
    CHECK(lib.nextAfter(playable[0]) == playable[1]);
    CHECK(lib.nextAfter(playable.back()) == playable[0]);
    ScenarioLibrary one;
    one.entries.push_back({});
    CHECK_FALSE(one.nextAfter(0).has_value());
}
