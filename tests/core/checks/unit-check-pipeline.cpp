// One check pipeline: every front end judges a scenario file the same way. The whole
// invalid-fixture corpus goes through each front end's entry point — the app's library loading,
// the author workspace's check of the text it edits, and the built CLI's validate, play and
// analyze — and each must give the verdict checkScenarioFile gives: playable or not, with the
// same error codes. (The app once played a scenario citing an unknown indicator that
// `rapport play` refused.)
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/checks/scenario_check.hpp"
#include "core/library/scenario_library.hpp"
#include "support/build_paths.hpp"
#include "support/fixture_corpus.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

struct Verdict {
    bool playable = false;
    std::set<std::string> errors;  // error codes (RAPnnnn), warnings left out
    bool operator==(const Verdict&) const = default;
};

std::string describe(const Verdict& v) {
    std::string out = v.playable ? "playable" : "refused";
    for (const auto& c : v.errors) out += " " + c;
    return out;
}

Verdict fromDiagnostics(bool playable, const DiagnosticList& diags) {
    Verdict v;
    v.playable = playable;
    for (const auto& d : diags.items())
        if (d.severity == Severity::Error && !d.code.empty()) v.errors.insert(d.code);
    return v;
}

struct Run {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

Run cli(const std::string& args) {
    const std::string cmd = std::string("'") + RAPPORT_CLI_PATH + "' " + args + " 2>&1 </dev/null";
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
    const int status = ::pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// The error codes of the diagnostics a CLI verb printed ("FILE:L:C: error: ... [RAPnnnn] ...").
std::set<std::string> printedErrors(const std::string& output) {
    static const std::regex line(R"(: error: .*\[(RAP[0-9]{4})\])");
    std::set<std::string> out;
    std::istringstream in(output);
    std::string l;
    std::smatch m;
    while (std::getline(in, l))
        if (std::regex_search(l, m, line)) out.insert(m[1]);
    return out;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("check pipeline: every front end gives the invalid-fixture corpus the same verdict") {
    const fs::path fixtures = RAPPORT_FIXTURES_DIR;
    int files = 0, refused = 0;
    for (const char* folder : {"invalid", "scoring-invalid"}) {
        for (const fs::path& file : test::filesIn(fixtures / folder, ".json")) {
            CAPTURE(file.string());
            ++files;
            const ScenarioCheck reference = checkScenarioFile(file.string());
            const Verdict expected = fromDiagnostics(reference.playable(), reference.diagnostics);
            if (!expected.playable) ++refused;

            // The app's library.
            const ScenarioLibrary lib = loadScenarioLibrary({file.string()});
            REQUIRE(lib.entries.size() == 1);
            const LibraryEntry& entry = lib.entries[0];
            CHECK(describe(fromDiagnostics(entry.playable(), entry.diagnostics)) ==
                  describe(expected));
            CHECK(bool(entry.framework) == bool(reference.framework));

            // The author workspace checks the text it holds, under the file's path.
            const ScenarioCheck authored = checkScenarioText(test::readText(file), file.string());
            CHECK(describe(fromDiagnostics(authored.playable(), authored.diagnostics)) ==
                  describe(expected));

            // The CLI: validate, play and analyze refuse exactly what the check refuses.
            const Run validate = cli("validate " + quoted(file));
            Verdict v{validate.exitCode == 0, printedErrors(validate.output)};
            CHECK(describe(v) == describe(expected));

            const Run play = cli("play " + quoted(file) + " --choices 1 --json");
            const bool playRefused =
                play.output.find("cannot be played until its errors are fixed") !=
                    std::string::npos ||
                play.exitCode == 2;
            CHECK(describe({!playRefused, printedErrors(play.output)}) == describe(expected));

            const Run analyze = cli("analyze --json " + quoted(file));
            const bool analyzeRefused =
                analyze.output.find("rapport analyze: " + file.string() + " ") != std::string::npos;
            CHECK(describe({!analyzeRefused, printedErrors(analyze.output)}) == describe(expected));
        }
    }
    CHECK(files >= 40);
    // Mostly files that must not be played; a few only warn (an unreachable node) and play.
    CHECK(refused >= files - 8);
    CHECK(refused < files);
}
