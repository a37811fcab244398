// The scenario loader: shape, names, references and expressions, with located diagnostics.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/fixture_corpus.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

const fs::path kFixtures = RAPPORT_FIXTURES_DIR;

}  // namespace

TEST_CASE("every broken fixture gives exactly its expected diagnostics") {
    // RAPPORT_UPDATE_GOLDEN=1 rewrites the .expected files (support/golden.hpp).
    const auto files = test::filesIn(kFixtures / "invalid", ".json");
    CHECK(files.size() >= 30);
    for (const auto& f : files) {
        CAPTURE(f.filename().string());
        const std::string actual = test::checkOutput(f, kFixtures);
        test::checkGolden(test::expectedFileFor(f), actual);
        CHECK_FALSE(actual.empty());
    }
}

TEST_CASE("every valid fixture loads without diagnostics") {
    for (const auto& f : test::filesIn(kFixtures / "valid", ".json")) {
        CAPTURE(f.filename().string());
        CHECK(test::checkOutput(f, kFixtures) == "");
    }
}

TEST_CASE("the minimal scenario loads into the model") {
    auto r = loadScenarioFile((kFixtures / "valid" / "minimal.json").string());
    REQUIRE(r.scenario);
    REQUIRE_FALSE(r.diagnostics.hasErrors());
    const Scenario& s = *r.scenario;
    CHECK(s.id == "fixture-minimal");
    CHECK(s.language == "en");
    CHECK(s.difficulty == 1);
    CHECK(s.passScore == 70);
    CHECK(s.client.company == "Bakery No. 5");
    REQUIRE(s.variables.size() == 1);
    CHECK(s.variables[0].initial == 50);
    REQUIRE(s.meters.size() == 1);
    CHECK(s.meters[0].label == "Trust");
    REQUIRE(s.nodes.size() == 3);
    CHECK(s.nodes[s.start].id == "open");
    const Node& open = s.nodes[s.start];
    REQUIRE(open.choices.size() == 2);
    // Absent ids are generated from the position.
    CHECK(open.choices[0].id == "c1");
    CHECK(open.choices[0].generatedId);
    CHECK(s.nodes[open.choices[0].next].id == "win");
    REQUIRE(open.choices[0].set.size() == 1);
    CHECK(open.choices[0].set[0].value.source() == "trust + 10");
    CHECK(s.nodes[1].ending->outcome == Outcome::Won);
    CHECK(s.contentHash.size() == 64);
}

TEST_CASE("generated choice ids never collide with explicit ones") {
    auto text = test::readText(kFixtures / "valid" / "minimal.json");
    const std::string from = R"({"text": "Bye.", "next": "lose"})";
    text.replace(text.find(from), from.size(), R"({"id": "c1", "text": "Bye.", "next": "lose"})");
    auto r = loadScenarioText(text, "ids.json");
    REQUIRE(r.scenario);
    CHECK_FALSE(r.diagnostics.hasErrors());
    const auto& choices = r.scenario->nodes[0].choices;
    CHECK(choices[0].id == "c1_");
    CHECK(choices[1].id == "c1");
}

TEST_CASE("x- keys are kept for tools and not reported") {
    auto text = test::readText(kFixtures / "valid" / "minimal.json");
    text.replace(text.find("\"sector\""), 0, "\"x-editor\": {\"zoom\": 2}, ");
    auto r = loadScenarioText(text, "x.json");
    CHECK_FALSE(r.diagnostics.hasErrors());
    CHECK(r.diagnostics.empty());
}

// Only what is counted is checked: the suite has no timed tests. 200,000 keys keep the case that
// once took minutes (a lookup per key), so a quadratic regression shows as a hung suite.
TEST_CASE("unknown keys: each distinct key reported once, also when repeated, 200,000 of them") {
    auto text = test::readText(kFixtures / "valid" / "minimal.json");
    // 200,000 distinct unknown keys in one object (a lookup per key made this quadratic: minutes),
    // and one of them repeated: one diagnostic per distinct key.
    std::string extra;
    for (int i = 0; i < 200000; ++i) extra += "\"zz" + std::to_string(i) + "\": 0, ";
    extra += "\"zz7\": 1, ";
    text.replace(text.find("\"sector\""), 0, extra);
    auto r = loadScenarioText(text, "many.json");
    std::size_t unknown = 0;
    std::size_t repeated = 0;
    for (const auto& d : r.diagnostics.items()) {
        unknown += d.code == "RAP0012";
        repeated += d.code == "RAP0012" && d.pointer == "/zz7";
    }
    CHECK(unknown == 200000);
    CHECK(repeated == 1);
}

TEST_CASE("a file that cannot be read is RAP0001") {
    auto r = loadScenarioFile((kFixtures / "does-not-exist.json").string());
    CHECK_FALSE(r.scenario);
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].code == "RAP0001");
}

TEST_CASE("a 100 MB file is refused at once with RAP0002") {
    test::TempDir dir;
    const fs::path big = dir.path() / "100mb.json";
    {
        std::ofstream out(big, std::ios::binary);
        out.seekp(100LL * 1024 * 1024 - 1);
        out.put(' ');
    }
    auto r = loadScenarioFile(big.string());
    CHECK_FALSE(r.scenario);
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].code == "RAP0002");
}

TEST_CASE("content hash tracks the bytes") {
    auto text = test::readText(kFixtures / "valid" / "minimal.json");
    auto a = loadScenarioText(text, "a.json");
    auto b = loadScenarioText(text + "\n", "b.json");
    REQUIRE(a.scenario);
    REQUIRE(b.scenario);
    CHECK(a.scenario->contentHash != b.scenario->contentHash);
    CHECK(a.scenario->contentHash == loadScenarioText(text, "c.json").scenario->contentHash);
}

TEST_CASE("an integer initial beyond 64 bits says the range, not 'not an integer'") {
    std::string text = test::readText(kFixtures / "valid" / "minimal.json");
    const auto at = text.find("\"initial\": 50");
    REQUIRE(at != std::string::npos);
    text.replace(at, 13, "\"initial\": 9223372036854775808");
    auto r = loadScenarioText(text, "big.json");
    REQUIRE(r.diagnostics.items().size() == 1);
    const Diagnostic& d = r.diagnostics.items()[0];
    CHECK(d.code == "RAP0015");
    CHECK(d.pointer == "/variables/trust/initial");
    CHECK(d.message ==
          "initial value of integer \"trust\" is 9223372036854775808, outside the range an "
          "integer holds (-9223372036854775808 to 9223372036854775807)");

    text.replace(at, 30, "\"initial\": 2.5");
    r = loadScenarioText(text, "frac.json");
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].message ==
          "initial value of integer \"trust\" must be a whole number, not a number");
}
