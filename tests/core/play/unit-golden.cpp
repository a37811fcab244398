// Golden transcripts, data-driven (Yarn Spinner's habit): every tests/golden/NAME.CASE.choices is
// played on tests/golden/NAME.json and the result must equal NAME.CASE.transcript.json exactly —
// the document `rapport play --json` prints, or {"error": message} for a script that must fail.
//
// A .choices file holds the script of `--choices` (numbers among the choices shown, `t` for a
// timeout), split over lines and/or commas; lines starting with # are comments.
//
// Every bundled scenario (scenarios/*.json) also has a folder tests/golden/<scenario-id>/ of
// CASE.choices beside CASE.expected: the exact stdout of `rapport play FILE --choices LIST
// --json`, transcript and score report. Each folder holds at least the best path and the worst
// one that `rapport analyze --json` finds (best.choices, worst.choices).
//
// After an intended change of behaviour, regenerate with RAPPORT_UPDATE_GOLDEN=1
// (support/golden.hpp) and review the diff before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "core/checks/scenario_validator.hpp"
#include "core/play/scripted_play.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/golden.hpp"
#include "support/run_command.hpp"

using namespace rapport;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kGoldenDir = fs::path(RAPPORT_SOURCE_DIR) / "tests" / "golden";

std::string scriptText(const std::string& file) {
    std::istringstream in(file);
    std::string line, joined;
    while (std::getline(in, line)) {
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        auto last = line.find_last_not_of(" \t\r,");
        if (!joined.empty()) joined += ',';
        joined += line.substr(first, last - first + 1);
    }
    return joined;
}

// What the case produces: the play result, or {"error": …} when the script does not fit.
json runCase(const fs::path& scenarioPath, const fs::path& choicesPath) {
    LoadResult r = loadScenarioFile(scenarioPath.string());
    REQUIRE_MESSAGE(r.scenario, "cannot load " << scenarioPath);
    validateScenario(*r.scenario, r.diagnostics);
    for (const auto& d : r.diagnostics.items())
        if (d.severity == Severity::Error) FAIL_CHECK(formatDiagnostic(d));
    REQUIRE_FALSE(r.diagnostics.hasErrors());

    std::string error;
    auto script = parseChoiceScript(scriptText(test::readText(choicesPath)), error);
    REQUIRE_MESSAGE(script, choicesPath.string() << ": " << error);
    ManualClock clock;
    Session session(*r.scenario, clock);
    error = playScript(session, clock, *script);
    if (!error.empty()) return json{{"error", error}};
    return playResultToJson(session);
}

struct GoldenCase {
    fs::path scenario, choices, expected;
    std::string name;
};

std::vector<GoldenCase> goldenCases() {
    std::vector<GoldenCase> cases;
    for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
        const fs::path p = entry.path();
        if (p.extension() != ".choices") continue;
        const std::string file = p.filename().string();
        const std::string stem = file.substr(0, file.size() - std::string(".choices").size());
        GoldenCase c;
        c.name = stem;
        c.choices = p;
        c.scenario = kGoldenDir / (stem.substr(0, stem.find('.')) + ".json");
        c.expected = kGoldenDir / (stem + ".transcript.json");
        cases.push_back(c);
    }
    std::sort(cases.begin(), cases.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return cases;
}

}  // namespace

TEST_CASE("golden transcripts replay exactly") {
    const auto cases = goldenCases();
    REQUIRE(cases.size() >= 6);
    for (const auto& c : cases) {
        CAPTURE(c.name);
        REQUIRE_MESSAGE(fs::exists(c.scenario),
                        "no scenario " << c.scenario << " for " << c.choices);
        const json actual = runCase(c.scenario, c.choices);
        if (test::updatingGoldens()) {
            test::updateGolden(c.expected, actual.dump(2) + "\n");
            continue;
        }
        REQUIRE_MESSAGE(fs::exists(c.expected),
                        "missing " << c.expected << " (create it with RAPPORT_UPDATE_GOLDEN=1)");
        const json expected = json::parse(test::readText(c.expected));
        // A JSON patch names exactly which fields differ, which reads better than two dumps.
        const bool same = actual == expected;
        CHECK_MESSAGE(same,
                      c.name << " differs from its golden transcript; patch from golden to actual: "
                             << json::diff(expected, actual).dump());
    }
}

TEST_CASE("the golden corpus covers endings, timeouts and both script errors") {
    bool won = false, partial = false, lost = false, timedOut = false, tooShort = false,
         notShown = false;
    for (const auto& c : goldenCases()) {
        if (!fs::exists(c.expected)) continue;
        const json j = json::parse(test::readText(c.expected));
        if (j.contains("error")) {
            const std::string e = j["error"];
            tooShort = tooShort ||
                       e.find("the script ended but the conversation did not") != std::string::npos;
            notShown = notShown || e.find("is not shown at node") != std::string::npos;
            continue;
        }
        const std::string outcome = j["ending"]["outcome"];
        won = won || outcome == "won";
        partial = partial || outcome == "partial";
        lost = lost || outcome == "lost";
        for (const auto& step : j["transcript"]) timedOut = timedOut || step["timedOut"] == true;
    }
    CHECK(won);
    CHECK(partial);
    CHECK(lost);
    CHECK(timedOut);
    CHECK(tooShort);
    CHECK(notShown);
}

namespace {

const fs::path kScenariosDir = fs::path(RAPPORT_SOURCE_DIR) / "scenarios";

// What `rapport play --json` prints for the case, as a front end's user would run it.
std::string playJson(const fs::path& scenario, const fs::path& choices) {
    const auto r = test::runCli("play " + test::shellQuoted(scenario.string()) + " --choices " +
                                test::shellQuoted(scriptText(test::readText(choices))) + " --json");
    INFO(r.err);
    CHECK(r.exitCode == 0);
    return r.out;
}

std::string scenarioId(const fs::path& scenario) {
    // Bundled scenarios carry // comments, which the loader accepts.
    return json::parse(test::readText(scenario), nullptr, true, true).at("id").get<std::string>();
}

}  // namespace

TEST_CASE("every bundled scenario has golden play --json transcripts with score reports") {
    const auto scenarios = test::filesIn(kScenariosDir, ".json");
    REQUIRE(scenarios.size() >= 10);
    for (const auto& scenario : scenarios) {
        const std::string id = scenarioId(scenario);
        CAPTURE(id);
        const fs::path dir = kGoldenDir / id;
        REQUIRE_MESSAGE(fs::is_directory(dir), "no golden folder " << dir.string());
        const auto cases = test::filesIn(dir, ".choices");
        CHECK(fs::exists(dir / "best.choices"));
        CHECK(fs::exists(dir / "worst.choices"));
        for (const auto& choices : cases) {
            CAPTURE(choices.filename().string());
            const fs::path expected = test::expectedFileFor(choices);
            const std::string actual = playJson(scenario, choices);
            test::checkGolden(expected, actual);
            if (test::updatingGoldens()) continue;
            // The best path is the optimum: its report says so, and scores 100.
            const json report = json::parse(actual).at("report");
            if (choices.stem() == "best") {
                CHECK(report["overall"]["earned"] == report["overall"]["best"]);
                CHECK(report["overall"]["score"] == 100.0);
            }
            if (choices.stem() == "worst") CHECK(report["overall"]["passed"] == false);
        }
    }
}
