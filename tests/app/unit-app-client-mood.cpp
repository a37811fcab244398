// The client card's face follows the meters (core/play/client_mood.hpp): the app asks for the
// portrait of the face the meters give, in practice only, and falls back to the portrait as
// written when a scenario has no faces.
#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/shell/app.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

namespace {

// unicode-trio (trust 40, patience 60 out of 100) with a portrait, in its own folder; with
// `faces`, the three faces beside it. The files only need to exist: the test's loader records
// the paths it is asked for instead of decoding them.
fs::path scenarioWithPortrait(const fs::path& dir, bool faces) {
    std::ifstream in(std::string(RAPPORT_FIXTURES_DIR) + "/gui/unicode-trio.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string key = "\"client\": {";
    const auto at = text.find(key);
    REQUIRE(at != std::string::npos);
    text.insert(at + key.size(), "\"portrait\": \"face.png\", ");
    fs::create_directories(dir);
    std::ofstream(dir / "trio.json") << text;
    std::vector<std::string> files = {"face.png"};
    if (faces)
        files.insert(files.end(), {"face.neutral.png", "face.pleased.png", "face.displeased.png"});
    for (const auto& f : files) std::ofstream(dir / f) << "png";
    return dir;
}

struct Recorded {
    std::vector<std::string> asked;
    std::string last() const {
        return asked.empty() ? std::string() : fs::path(asked.back()).filename().string();
    }
};

void recordPortraits(test::HeadlessApp& h, Recorded& r) {
    h.app->portraitLoader = [&r](const std::string& path) {
        r.asked.push_back(path);
        return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1));
    };
}

const char* kSignIn = "click Your name\ntype Anna\nclick Start training\n";

}  // namespace

TEST_CASE("client mood: in practice the card's face follows the meters as replies change them") {
    test::TempDir folder;
    const fs::path dir = scenarioWithPortrait(folder.path() / "lib", true);
    test::HeadlessApp h(AppConfig{{dir.string()}, {}, "", false, 0});
    Recorded r;
    recordPortraits(h, r);
    REQUIRE(h.run(std::string(kSignIn) + "click Practice##gui-unicode-trio\nexpect-screen "
                                         "conversation\nwait-frames 2\n") == "");
    CHECK(r.last() == "face.neutral.png");  // mean 0.5, as at the start
    // "argue": trust 25, patience 40 — down 0.175, not yet a fifth of the range.
    REQUIRE(h.run("key 3\nwait-frames 2\n") == "");
    CHECK(r.last() == "face.neutral.png");
    // "pitch": patience 25 — down 0.25 since the start.
    REQUIRE(h.run("key 2\nwait-frames 2\n") == "");
    CHECK(r.last() == "face.displeased.png");
}

TEST_CASE("client mood: an exam shows the neutral face; no faces, the portrait as written") {
    test::TempDir folder;
    {
        const fs::path dir = scenarioWithPortrait(folder.path() / "exam", true);
        test::HeadlessApp h(AppConfig{{dir.string()}, {}, "", false, 0});
        Recorded r;
        recordPortraits(h, r);
        REQUIRE(h.run(std::string(kSignIn) +
                      "click Exam##gui-unicode-trio\nexpect-screen conversation\nkey 3\nkey "
                      "2\nwait-frames 2\n") == "");
        CHECK(r.last() == "face.neutral.png");
    }
    {
        const fs::path dir = scenarioWithPortrait(folder.path() / "plain", false);
        test::HeadlessApp h(AppConfig{{dir.string()}, {}, "", false, 0});
        Recorded r;
        recordPortraits(h, r);
        REQUIRE(h.run(std::string(kSignIn) +
                      "click Practice##gui-unicode-trio\nexpect-screen conversation\nkey 3\nkey "
                      "2\nwait-frames 2\n") == "");
        CHECK(r.last() == "face.png");
    }
}
