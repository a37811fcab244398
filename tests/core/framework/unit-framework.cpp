// Competence frameworks: the bundled default, loading with located diagnostics, lookup by id.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/checks/evidence_check.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/framework/framework_loader.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"
#include "support/golden.hpp"

using namespace rapport;

namespace {

const std::string kFrameworks = std::string(RAPPORT_FIXTURES_DIR) + "/scoring/frameworks/";
const std::string kInvalid = std::string(RAPPORT_FIXTURES_DIR) + "/framework-invalid/";
const std::string kScoring = std::string(RAPPORT_FIXTURES_DIR) + "/scoring/";

std::vector<std::string> formatted(const DiagnosticList& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(formatDiagnostic(d));
    return out;
}

FrameworkLoadResult loadBroken(const std::string& name) {
    return loadFrameworkFile(kInvalid + name + ".json");
}

}  // namespace

TEST_CASE("the bundled account-manager framework loads and follows the issue's shape") {
    const auto r = loadFrameworkFile(std::string(RAPPORT_SOURCE_DIR) +
                                     "/assets/competencies/account-manager.json");
    INFO(formatted(r.diagnostics).size());
    for (const auto& line : formatted(r.diagnostics)) INFO(line);
    REQUIRE(r.framework);
    CHECK(r.diagnostics.empty());
    const Framework& f = *r.framework;
    CHECK(f.id == "account-manager");
    CHECK(f.format == "rapport-framework/1");
    const std::vector<std::string> expected = {
        "prospect_intelligence", "counterparty_risk",   "needs_discovery", "value_proposition",
        "objection_handling",    "negotiation",         "closing",         "complaint_resolution",
        "account_development",   "professional_conduct"};
    CHECK(f.competencyIds() == expected);
    REQUIRE(f.levels.size() == 4);
    CHECK(f.levels[0].name == "Insufficient");
    CHECK(f.levels[3].name == "Advanced");
    CHECK(f.levels[1].min == 50);
    CHECK(f.levels[2].min == 70);
    CHECK(f.levels[3].min == 85);
    for (const auto& c : f.competencies) {
        CAPTURE(c.id);
        int pos = 0, neg = 0;
        for (int i : c.indicators) {
            const Indicator& ind = f.indicators[std::size_t(i)];
            CHECK(ind.id.rfind(c.id + ".", 0) == 0);
            CHECK(!ind.description.empty());
            if (ind.polarity == Polarity::Positive) {
                ++pos;
                CHECK(ind.points > 0);
            } else {
                ++neg;
                CHECK(ind.points < 0);
            }
        }
        // Three to five behaviours each way, plus at most one pair for a recovery (an
        // over-promise that is corrected is not the critical one left standing, docs/keying.md).
        CHECK(pos >= 3);
        CHECK(pos <= 6);
        CHECK(neg >= 2);
        CHECK(neg <= 4);
        CHECK(c.anchors.size() == 4);
        for (const auto& a : c.anchors) CHECK(!a.empty());
    }
    for (const char* critical :
         {"negotiation.exceeds_authority", "counterparty_risk.credit_without_checks",
          "value_proposition.misrepresents", "professional_conduct.discloses_confidential"}) {
        CAPTURE(critical);
        auto i = f.findIndicator(critical);
        REQUIRE(i);
        CHECK(f.indicators[std::size_t(*i)].critical);
    }
    REQUIRE(f.timeoutIndicator >= 0);
    CHECK(f.indicators[std::size_t(f.timeoutIndicator)].id ==
          "professional_conduct.freezes_under_pressure");
    std::set<RuleKind> kinds;
    for (const auto& r : f.rules) kinds.insert(r.kind);
    // order, response, and the two deal-state rules (authority, concession).
    CHECK(kinds.size() == 4);
}

TEST_CASE("levelFor maps scores to the shared scale, the top level including 100") {
    const auto r = loadFrameworkFile(kFrameworks + "valid-minimal.json");
    REQUIRE(r.framework);
    CHECK(r.framework->levelFor(0) == 0);
    CHECK(r.framework->levelFor(49.9) == 0);
    CHECK(r.framework->levelFor(50) == 1);
    CHECK(r.framework->levelFor(100) == 1);
}

TEST_CASE("tag patterns: '*' matches any run of characters") {
    CHECK(tagMatches("objection:*", "objection:price"));
    CHECK(tagMatches("objection:*", "objection:"));
    CHECK_FALSE(tagMatches("objection:*", "objection"));
    CHECK(tagMatches("complaint*", "complaint"));
    CHECK(tagMatches("*:price", "objection:price"));
    CHECK(tagMatches("a*b*c", "axxbyyc"));
    CHECK_FALSE(tagMatches("a*b*c", "axxbyy"));
    CHECK(tagMatches("phase:opening", "phase:opening"));
    CHECK_FALSE(tagMatches("phase:opening", "phase:closing"));
}

TEST_CASE("a framework with an unknown indicator is rejected with a did-you-mean") {
    const auto r = loadBroken("unknown-indicator");
    CHECK_FALSE(r.framework);
    CHECK(formatted(r.diagnostics) ==
          std::vector<std::string>{
              kInvalid + "unknown-indicator.json:24:13: error: group \"ask\" names unknown "
                         "indicator \"discovery.ask\" (did you mean \"discovery.asks\"?) "
                         "[RAP0056] at /groups/ask/0"});
}

TEST_CASE("a framework with a duplicate indicator id is rejected") {
    const auto r = loadBroken("duplicate-id");
    CHECK_FALSE(r.framework);
    // The duplicate is dropped, so what referred to the indicator it replaced is reported too.
    CHECK(formatted(r.diagnostics) ==
          std::vector<std::string>{
              kInvalid + "duplicate-id.json:18:16: error: duplicate indicator id "
                         "\"discovery.asks\" (first defined "
                         "at line 17) [RAP0054] at /competencies/0/indicators/1/id",
              kInvalid + "duplicate-id.json:25:15: error: group \"pitch\" names unknown indicator "
                         "\"discovery.pitches_early\" [RAP0056] at /groups/pitch/0",
              kInvalid +
                  "duplicate-id.json:28:88: error: rule \"ask_first\" names unknown indicator "
                  "\"discovery.pitches_early\" [RAP0056] at /rules/0/violation"});
}

TEST_CASE("a framework whose level ranges overlap or leave a gap is rejected") {
    const auto overlap = loadBroken("overlapping-levels");
    CHECK_FALSE(overlap.framework);
    CHECK(formatted(overlap.diagnostics) ==
          std::vector<std::string>{
              kInvalid +
              "overlapping-levels.json:8:41: error: level \"mid\" starts at 45 but "
              "level \"low\" runs to 50: the ranges overlap [RAP0055] at /levels/1/min"});
    const auto gap = loadBroken("gap-levels");
    CHECK_FALSE(gap.framework);
    CHECK(formatted(gap.diagnostics) ==
          std::vector<std::string>{
              kInvalid + "gap-levels.json:8:41: error: level \"mid\" starts at 55 but level "
                         "\"low\" ends at 50: scores from 50 to 55 would have no level "
                         "[RAP0055] at /levels/1/min"});
}

TEST_CASE("points contradicting polarity, unknown groups and unknown keys are errors") {
    const auto sign = loadBroken("points-sign");
    CHECK_FALSE(sign.framework);
    CHECK(formatted(sign.diagnostics) ==
          std::vector<std::string>{kInvalid +
                                   "points-sign.json:18:77: error: negative indicator "
                                   "\"discovery.pitches_early\" must have points below 0, not 2 "
                                   "[RAP0058] at /competencies/0/indicators/1/points"});
    const auto group = loadBroken("unknown-group");
    CHECK(formatted(group.diagnostics) ==
          std::vector<std::string>{
              kInvalid + "unknown-group.json:28:51: error: rule \"ask_first\" names unknown "
                         "group \"asks\" (did you mean \"ask\"?) [RAP0057] at /rules/0/first"});
    const auto key = loadBroken("unknown-key");
    CHECK(formatted(key.diagnostics) ==
          std::vector<std::string>{
              kInvalid + "unknown-key.json:11:5: error: missing required key \"weight\" [RAP0013] "
                         "at /competencies/0",
              kInvalid + "unknown-key.json:15:7: error: unknown key \"wieght\" (did you mean "
                         "\"weight\"?); keys "
                         "for tools must start with \"x-\" [RAP0012] at /competencies/0/wieght"});
}

TEST_CASE(
    "frameworks are found by id beside the scenario, then on RAPPORT_FRAMEWORK_PATH, then "
    "bundled") {
    const auto path = frameworkSearchPath(kScoring + "hub.json");
    REQUIRE(path.size() >= 2);
    CHECK(path.front() == kScoring.substr(0, kScoring.size() - 1));
    CHECK(path.back() == bundledFrameworkDir());
    CHECK(findFrameworkFile("scoring-test", path) == kScoring + "scoring-test.json");
    CHECK(findFrameworkFile("account-manager", path) ==
          bundledFrameworkDir() + "/account-manager.json");
    CHECK_FALSE(findFrameworkFile("../scoring/scoring-test", path));
    CHECK_FALSE(findFrameworkFile("no-such-framework", path));

    ::setenv("RAPPORT_FRAMEWORK_PATH", kFrameworks.c_str(), 1);
    const auto withEnv = frameworkSearchPath("");
    ::unsetenv("RAPPORT_FRAMEWORK_PATH");
    REQUIRE(withEnv.size() == 2);
    CHECK(withEnv[0] == kFrameworks);
    const auto found = lookupFramework("valid-minimal", withEnv);
    CHECK(found.framework);
    CHECK(found.diagnostics.empty());
    const auto broken = lookupFramework("gap-levels", {kInvalid});
    CHECK_FALSE(broken.framework);
    CHECK(broken.path == kInvalid + "gap-levels.json");
    CHECK(broken.diagnostics.hasErrors());
}

TEST_CASE("scenario evidence is checked against the framework, located in the scenario") {
    auto loaded = loadScenarioText(R"({
  "format": "rapport-scenario/1", "id": "evidence-check", "version": "1", "title": "t", "language": "en",
  "summary": "s", "sector": "test", "difficulty": 1, "passScore": 70, "framework": "scoring-test",
  "assesses": ["discovery", "objection"],
  "client": {"name": "n", "role": "r", "company": "c", "description": "d"},
  "start": "a",
  "nodes": [
    {"id": "a", "speaker": "client", "text": "Hi", "choices": [
      {"id": "x", "text": "Hello", "next": "b",
       "evidence": [{"indicator": "discovery.ask"}, {"indicator": "discovery.asks", "points": -1}]}]},
    {"id": "b", "speaker": "client", "text": "Bye", "ending": {"outcome": "won", "title": "t", "summary": "s"}}
  ]
})",
                                   kScoring + "evidence-check.json");
    REQUIRE(loaded.scenario);
    CHECK_FALSE(loaded.diagnostics.hasErrors());
    DiagnosticList diags;
    auto f = checkScenarioScoring(*loaded.scenario, diags);
    CHECK(f);
    CHECK(formatted(diags) ==
          std::vector<std::string>{
              kScoring + "evidence-check.json:10:35: error: unknown indicator \"discovery.ask\" in "
                         "framework "
                         "\"scoring-test\" (did you mean \"discovery.asks\"?) [RAP0051] at "
                         "/nodes/0/choices/0/evidence/0/indicator",
              kScoring +
                  "evidence-check.json:10:95: error: \"discovery.asks\" is a positive indicator: "
                  "its points "
                  "cannot be below 0, not -1 [RAP0058] at /nodes/0/choices/0/evidence/1/points",
              kScoring +
                  "evidence-check.json:4:29: error: unknown competency \"objection\" in framework "
                  "\"scoring-test\" (did you mean \"objections\"?) [RAP0052] at /assesses/1"});

    loaded.scenario->framework = "no-such-framework";
    DiagnosticList missing;
    CHECK_FALSE(checkScenarioScoring(*loaded.scenario, missing, {kScoring}));
    CHECK(formatted(missing) ==
          std::vector<std::string>{
              kScoring + "evidence-check.json:3:84: error: competence framework "
                         "\"no-such-framework\" not found (looked for no-such-framework.json "
                         "beside the scenario, on RAPPORT_FRAMEWORK_PATH and in the bundled "
                         "assets/competencies) [RAP0050] at /framework"});
}

// Data-driven, like the scenario corpus: each broken framework beside the exact diagnostics it
// must produce (NAME.json + NAME.expected, paths relative to tests/fixtures).
// RAPPORT_UPDATE_GOLDEN=1 rewrites the .expected files (support/golden.hpp).
TEST_CASE(
    "every broken framework in tests/fixtures/framework-invalid gives its expected diagnostics") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(RAPPORT_FIXTURES_DIR) / "framework-invalid";
    const std::string prefix = std::string(RAPPORT_FIXTURES_DIR) + "/";
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".json") continue;
        ++files;
        CAPTURE(e.path().filename().string());
        const auto r = loadFrameworkFile(e.path().string());
        CHECK_FALSE(r.framework);
        std::string out;
        for (auto d : r.diagnostics.items()) {
            if (d.file.rfind(prefix, 0) == 0) d.file = d.file.substr(prefix.size());
            out += formatDiagnostic(d) + "\n";
        }
        test::checkGolden(test::expectedFileFor(e.path()), out);
    }
    CHECK(files >= 5);
}
