// Where the program finds its bundled data (build tree or installed prefix) and where it writes
// (the XDG base directories).
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <string>

#include "core/platform/bundled_data.hpp"
#include "core/platform/xdg_dirs.hpp"
#include "support/build_paths.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {
std::map<std::string, std::string> gEnv;
const char* fakeEnv(const char* name) {
    auto it = gEnv.find(name);
    return it == gEnv.end() ? nullptr : it->second.c_str();
}
}  // namespace

TEST_CASE("xdg: an absolute variable wins, a relative or empty one falls back to HOME") {
    gEnv = {{"HOME", "/home/anna"}};
    CHECK(xdgBaseDir(XdgBase::Config, fakeEnv) == fs::path("/home/anna/.config"));
    CHECK(xdgBaseDir(XdgBase::Data, fakeEnv) == fs::path("/home/anna/.local/share"));
    CHECK(xdgBaseDir(XdgBase::State, fakeEnv) == fs::path("/home/anna/.local/state"));
    CHECK(xdgBaseDir(XdgBase::Cache, fakeEnv) == fs::path("/home/anna/.cache"));
    gEnv["XDG_STATE_HOME"] = "/var/st";
    gEnv["XDG_CACHE_HOME"] = "relative/cache";
    gEnv["XDG_CONFIG_HOME"] = "";
    CHECK(rapportDir(XdgBase::State, fakeEnv) == fs::path("/var/st/rapport"));
    CHECK(rapportDir(XdgBase::Cache, fakeEnv) == fs::path("/home/anna/.cache/rapport"));
    CHECK(rapportDir(XdgBase::Config, fakeEnv) == fs::path("/home/anna/.config/rapport"));
    gEnv = {{"XDG_DATA_HOME", "/d"}};
    CHECK(rapportDir(XdgBase::Data, fakeEnv) == fs::path("/d/rapport"));
    CHECK_FALSE(rapportDir(XdgBase::Config, fakeEnv).has_value());  // no HOME, no variable
}

TEST_CASE("bundled data: the build tree's marker, else <prefix>/share/rapport, else none") {
    test::TempDir dir;
    const fs::path bin = dir.path() / "prefix" / "bin";
    fs::create_directories(bin);
    CHECK_FALSE(locateBundledData(bin / "rapport").has_value());
    CHECK_FALSE(locateBundledData(fs::path()).has_value());

    const fs::path share = dir.path() / "prefix" / "share" / "rapport";
    fs::create_directories(share / "competencies");
    auto installed = locateBundledData(bin / "rapport");
    REQUIRE(installed.has_value());
    CHECK(installed->frameworks == share / "competencies");
    CHECK(installed->scenarios == share / "scenarios");
    CHECK(installed->schemas == share / "schemas");

    // A marker beside the binary wins: this is a build folder.
    std::ofstream(bin / kBuildTreeMarker) << "# comment\nframeworks=/src/assets/competencies\n"
                                             "scenarios=/src/scenarios\nnonsense\nother=1\n";
    auto built = locateBundledData(bin / "rapport");
    REQUIRE(built.has_value());
    CHECK(built->frameworks == fs::path("/src/assets/competencies"));
    CHECK(built->scenarios == fs::path("/src/scenarios"));
    CHECK(built->schemas.empty());
}

TEST_CASE("bundled data: build/rapport finds this source tree's frameworks and scenarios") {
    auto data = locateBundledData(RAPPORT_CLI_PATH);
    REQUIRE(data.has_value());
    CHECK(fs::equivalent(data->frameworks, fs::path(RAPPORT_SOURCE_DIR) / "assets/competencies"));
    CHECK(fs::equivalent(data->scenarios, fs::path(RAPPORT_SOURCE_DIR) / "scenarios"));
    CHECK(fs::is_regular_file(data->frameworks / "account-manager.json"));
}
