// Golden transcripts, data-driven (Yarn Spinner's habit): every tests/golden/NAME.CASE.choices is
// played on tests/golden/NAME.json and the result must equal NAME.CASE.transcript.json exactly —
// the document `rapport play --json` prints, or {"error": message} for a script that must fail.
//
// A .choices file holds the script of `--choices` (numbers among the choices shown, `t` for a
// timeout), split over lines and/or commas; lines starting with # are comments.
// After an intended change of behaviour, regenerate with RAPPORT_UPDATE_GOLDEN=1 and review the
// diff of the .transcript.json files before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/checks/scenario_validator.hpp"
#include "core/play/scripted_play.hpp"
#include "core/scenario/scenario_loader.hpp"

using namespace rapport;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kGoldenDir = fs::path(RAPPORT_SOURCE_DIR) / "tests" / "golden";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

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
    auto script = parseChoiceScript(scriptText(readFile(choicesPath)), error);
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
    const char* update = std::getenv("RAPPORT_UPDATE_GOLDEN");
    const bool updating = update && std::string(update) == "1";
    const auto cases = goldenCases();
    REQUIRE(cases.size() >= 6);
    for (const auto& c : cases) {
        CAPTURE(c.name);
        REQUIRE_MESSAGE(fs::exists(c.scenario),
                        "no scenario " << c.scenario << " for " << c.choices);
        const json actual = runCase(c.scenario, c.choices);
        if (updating) {
            std::ofstream(c.expected, std::ios::binary) << actual.dump(2) << "\n";
            MESSAGE("rewrote " << c.expected.filename().string());
            continue;
        }
        REQUIRE_MESSAGE(fs::exists(c.expected),
                        "missing " << c.expected << " (create it with RAPPORT_UPDATE_GOLDEN=1)");
        const json expected = json::parse(readFile(c.expected));
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
        const json j = json::parse(readFile(c.expected));
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
