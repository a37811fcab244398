// `rapport analyze FILE... [--json | --table] [--samples N] [--seed N]`: what a trainer needs to
// know before trainees see a scenario (scenario_analysis.hpp). All analysis is core's; this file
// parses arguments and prints.
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_verbs.hpp"
#include "core/alternates/alternate_comparison.hpp"
#include "core/analysis/analysis_report.hpp"
#include "core/analysis/scenario_analysis.hpp"
#include "core/files/bounded_read.hpp"
#include "core/source/json_source.hpp"
#include "core/source/sha256.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::cli {

namespace {

// Usage is for people and translated; the option names in it stay as typed.
const char* usageText() {
    return tr(
        "usage: rapport analyze FILE... [--json | --table] [--samples N] [--seed N]\n"
        "\n"
        "Analyses scenario files for trainers: counts of nodes, replies and endings; what can be "
        "reached\n"
        "and a shortest way to each ending; the best, worst and consistently poor complete paths "
        "with\n"
        "their scenario scores; per competency the most and fewest points a complete path can "
        "earn;\n"
        "replies never better than a sibling; and seeded random play (median, quartiles, pass "
        "rate).\n"
        "Paths are --choices lists for 'rapport play FILE --choices LIST'. docs/analysis.md "
        "explains\n"
        "every figure and what to do about each warning.\n"
        "\n"
        "  --json        print the analysis as JSON (an array when several files are given)\n"
        "  --table       print the Markdown table of docs/scenarios.md for all the files\n"
        "  --samples N   random plays (default 10000; 0 skips random play)\n"
        "  --seed N      seed of the random plays (default 1)\n"
        "\n"
        "Exit codes: 0 analysed, no warnings; 1 a file has errors or the analysis warns (for "
        "example "
        "the\n"
        "scenario does not discriminate: random play passes in one play out of ten or more; with "
        "--table "
        "only\n"
        "errors count); 2 usage error or unreadable file.\n");
}

int usageError(const std::string& message) {
    std::fprintf(stderr, tr("rapport analyze: %s\n(see 'rapport analyze --help')\n"),
                 message.c_str());
    return kExitUsage;
}

template <typename T>
std::optional<T> parseNumber(std::string_view s) {
    T v{};
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

int runAnalyze(Args args) {
    AnalysisOptions options;
    bool asJson = false, asTable = false;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        auto value = [&](std::string_view name) -> std::optional<std::string_view> {
            if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=')
                return a.substr(name.size() + 1);
            if (a != name || i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (a == "--help" || a == "-h") {
            std::printf("%s", usageText());
            return kExitOk;
        } else if (a == "--json") {
            asJson = true;
        } else if (a == "--table") {
            asTable = true;
        } else if (a == "--samples" || a.rfind("--samples=", 0) == 0) {
            const auto v = value("--samples");
            const auto n = v ? parseNumber<int>(*v) : std::nullopt;
            if (!n || *n < 0 || *n > 10'000'000)
                return usageError(tr("--samples needs a number from 0 to 10000000"));
            options.samples = *n;
        } else if (a == "--seed" || a.rfind("--seed=", 0) == 0) {
            const auto v = value("--seed");
            const auto n = v ? parseNumber<std::uint64_t>(*v) : std::nullopt;
            if (!n) return usageError(tr("--seed needs a non-negative number"));
            options.seed = *n;
        } else if (a.size() > 1 && a[0] == '-') {
            return usageError(
                uiFormat(tr("unknown option '{option}'"), {{"option", std::string(a)}}));
        } else {
            files.emplace_back(a);
        }
    }
    if (files.empty()) return usageError(tr("no scenario file given"));
    if (asJson && asTable) return usageError(tr("--json and --table cannot be combined"));

    int exit = kExitOk;
    std::vector<ScenarioAnalysis> analyses;
    std::vector<std::optional<FormComparison>> forms;
    for (const auto& file : files) {
        FileAnalysis fa = analyzeScenarioFile(file, options);
        // Validation problems go to stderr so --json and --table output stays clean.
        for (const auto& d : fa.check.diagnostics.items())
            std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
        if (!fa.analysis) {
            std::fprintf(stderr, tr("rapport analyze: %s %s\n"), file.c_str(), fa.error.c_str());
            exit = std::max(exit, fa.check.unreadable ? kExitUsage : kExitProblems);
            continue;
        }
        // The table is documentation: only a file that could not be analysed fails it.
        if (!asTable && !fa.analysis->warnings.empty()) exit = std::max(exit, kExitProblems);
        std::optional<FormComparison> compared;
        if (!asTable && fa.check.scenario && !fa.check.scenario->alternates.empty()) {
            const BoundedRead read = readBoundedFile(file, kMaxSourceBytes);
            if (read && sha256Hex(read.text) == fa.check.scenario->contentHash) {
                compared = compareForms(*fa.check.scenario, read.text, *fa.analysis, options);
                if (!compared->warnings.empty()) exit = std::max(exit, kExitProblems);
            }
        }
        forms.push_back(std::move(compared));
        analyses.push_back(std::move(*fa.analysis));
    }
    if (asTable) {
        std::printf("%s", analysisTable(analyses).c_str());
    } else if (asJson) {
        nlohmann::json out = nlohmann::json::array();
        for (std::size_t i = 0; i < analyses.size(); ++i) {
            nlohmann::json a = analysisToJson(analyses[i]);
            if (forms[i]) a["alternates"] = formComparisonToJson(*forms[i]);
            out.push_back(std::move(a));
        }
        if (files.size() == 1) out = out.empty() ? nlohmann::json(nullptr) : out[0];
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        for (std::size_t i = 0; i < analyses.size(); ++i)
            std::printf("%s%s%s", i ? "\n" : "", analysisText(analyses[i]).c_str(),
                        forms[i] ? ("\n" + formComparisonText(*forms[i])).c_str() : "");
    }
    return exit;
}

}  // namespace rapport::cli
