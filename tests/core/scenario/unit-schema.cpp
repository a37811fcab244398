// The JSON Schema in assets/schema/ must describe the format the loader reads: every bundled
// scenario validates against it, and deliberately broken files are rejected. Checked with an
// independent validator (Debian's python3-jsonschema) rather than our own loader, so the schema
// that editors use cannot drift from the scenarios we ship.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "support/build_paths.hpp"
#include "support/run_command.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = RAPPORT_SOURCE_DIR;
const fs::path kSchema = kSource / "assets/schema/scenario.schema.json";
const fs::path kTool = kSource / "tests/tools/validate_scenarios.py";
// Debian's interpreter, where python3-jsonschema lives (not whatever python3 is first on PATH).
const char* const kPython = "/usr/bin/python3";

struct RunResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

const auto& quoted = rapport::test::shellQuoted;

RunResult runValidator(const std::vector<fs::path>& files, bool expectInvalid) {
    std::string cmd = std::string(kPython) + " " + quoted(kTool.string());
    if (expectInvalid) cmd += " --expect-invalid";
    cmd += " " + quoted(kSchema.string());
    for (const auto& f : files) cmd += " " + quoted(f.string());
    const auto r = rapport::test::runCommand(cmd + " 2>&1");
    return {r.exitCode, r.out};
}

std::vector<fs::path> jsonFilesIn(const fs::path& dir, const std::string& prefix = "") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && entry.path().extension() == ".json" &&
            name.rfind(prefix, 0) == 0)
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("the scenario schema is usable by a standard validator") {
    REQUIRE_MESSAGE(fs::exists(kPython), kPython << " is missing (apt-get install python3)");
    // A valid file with comments, and "//" and "/*" inside strings, must pass.
    const auto r =
        runValidator({fs::path(RAPPORT_FIXTURES_DIR) / "schema/valid-comments.json"}, false);
    INFO(r.output);
    CHECK(r.exitCode == 0);
    CHECK(r.output.empty());
}

TEST_CASE("the complete example in docs/scenario-format.md validates against the schema") {
    const auto r = runValidator({kSource / "docs/scenario-format.md"}, false);
    INFO(r.output);
    CHECK(r.exitCode == 0);
}

TEST_CASE("every bundled scenario validates against the schema") {
    const auto files = jsonFilesIn(kSource / "scenarios");
    REQUIRE_MESSAGE(!files.empty(), "no scenarios/*.json found");
    for (const auto& file : files) {
        CAPTURE(file.filename().string());
        const auto r = runValidator({file}, false);
        INFO(r.output);
        CHECK(r.exitCode == 0);
    }
}

TEST_CASE("broken scenario files are rejected by the schema") {
    const fs::path dir = fs::path(RAPPORT_FIXTURES_DIR) / "schema";
    struct Expected {
        const char* file;
        const char* pointer;  // where the validator must place the problem
        const char* words;    // part of its message
    };
    const Expected expected[] = {
        {"reject-unknown-key.json", "/nodes/0/choices/0", "'feedbak'"},
        {"reject-timelimit-alone.json", "/nodes/0", "'onTimeout' is a dependency of 'timeLimit'"},
        {"reject-bad-values.json", "/nodes/1/ending/outcome", "'win' is not one of"},
        {"reject-bad-values.json", "/variables/heard/initial", "is not of type 'boolean'"},
        {"reject-compose-part-next.json", "/nodes/0/compose/parts/0/choices/1", "'next'"},
        {"reject-reserved-speaker.json", "/speakers", "'trainee' should not be valid"},
    };
    for (const auto& e : expected) {
        CAPTURE(e.file);
        const auto r = runValidator({dir / e.file}, true);
        INFO(r.output);
        CHECK(r.exitCode == 0);  // 0 in --expect-invalid mode means "rejected"
        CHECK(r.output.find(std::string(e.pointer) + ": ") != std::string::npos);
        CHECK(r.output.find(e.words) != std::string::npos);
    }
    // Every reject-* fixture is covered above, so a new one cannot go unchecked.
    for (const auto& file : jsonFilesIn(dir, "reject-")) {
        const auto name = file.filename().string();
        CAPTURE(name);
        CHECK(std::any_of(std::begin(expected), std::end(expected),
                          [&](const Expected& e) { return name == e.file; }));
    }
}
