// `rapport score TRANSCRIPT.json [--scenario FILE] [--framework FILE] [--lang L] [--json]`:
// re-scores a saved `rapport play --json` document (e.g. after the framework changed) and says what
// changed against the report stored in it. All scoring is core's; this file finds files and prints.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/cli_verbs.hpp"
#include "core/checks/evidence_check.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/framework/framework_loader.hpp"
#include "core/platform/bundled_data.hpp"
#include "core/play/play_document.hpp"
#include "core/play/session.hpp"
#include "core/scoring/score_report_language.hpp"
#include "core/scoring/scoring.hpp"
#include "core/text/terminal_text.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* usage() {
    return tr(
        "usage: rapport score TRANSCRIPT.json [--scenario FILE] [--framework FILE] [--lang L] "
        "[--json]\n"
        "\n"
        "Re-scores a play-through saved with 'rapport play FILE --choices LIST --json > "
        "TRANSCRIPT.json'\n"
        "and says what changed against the report stored in it (for example after the competence\n"
        "framework was revised). The transcript is replayed through the scenario, so a transcript "
        "that\n"
        "no longer fits the scenario is refused with the step where it stops fitting.\n"
        "\n"
        "  --scenario FILE   the scenario played (default: <id>.json beside the transcript, then "
        "in\n"
        "                    the bundled scenarios folder)\n"
        "  --framework FILE  score against this framework file instead of the scenario's own\n"
        "  --json            print {\"report\": …, \"changes\": [...]} instead of a readable "
        "debrief\n"
        "  --lang L          the debrief in language L (en, ja, ru): competency names, remarks "
        "and\n"
        "                    reasons; the --json report stays in the framework's own words\n"
        "\n"
        "Exit codes: 0 scored; 1 the transcript does not fit the scenario, or the scenario or "
        "framework\n"
        "has errors; 2 usage error or unreadable file.\n");
}

int usageError(const std::string& message) {
    std::fprintf(stderr, tr("rapport score: %s\n(see 'rapport score --help')\n"), message.c_str());
    return kExitUsage;
}

// Messages quote ids and texts of the transcript: escaped, like every diagnostic.
int fail(int code, const std::string& message) {
    std::fprintf(stderr, tr("rapport score: %s\n"),
                 terminalSafe(message, TerminalLines::Escape).c_str());
    return code;
}

std::string findScenario(const std::string& transcriptPath, const std::string& id) {
    if (id.empty() || id.find('/') != std::string::npos || id == "." || id == "..") return {};
    const fs::path beside = fs::path(transcriptPath).parent_path() / (id + ".json");
    const fs::path& library = bundledData().scenarios;
    const fs::path bundled = library.empty() ? fs::path() : library / (id + ".json");
    std::error_code ec;
    for (const auto& p : {beside, bundled})
        if (!p.empty() && fs::is_regular_file(p, ec)) return p.string();
    return {};
}

void printDiagnostics(const DiagnosticList& diags) {
    for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
}

}  // namespace

int runScore(Args args) {
    std::string transcriptPath, scenarioPath, frameworkPath, lang;
    bool asJson = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        auto value = [&](std::string_view name) -> std::optional<std::string> {
            if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=')
                return std::string(a.substr(name.size() + 1));
            if (a != name || i + 1 >= args.size()) return std::nullopt;
            return std::string(args[++i]);
        };
        if (a == "--help" || a == "-h") {
            std::printf("%s", usage());
            return kExitOk;
        } else if (a == "--json") {
            asJson = true;
        } else if (a == "--scenario" || a.rfind("--scenario=", 0) == 0) {
            auto v = value("--scenario");
            if (!v || v->empty()) return usageError(tr("--scenario needs a file"));
            scenarioPath = *v;
        } else if (a == "--framework" || a.rfind("--framework=", 0) == 0) {
            auto v = value("--framework");
            if (!v || v->empty()) return usageError(tr("--framework needs a file"));
            frameworkPath = *v;
        } else if (a == "--lang" || a.rfind("--lang=", 0) == 0) {
            auto v = value("--lang");
            if (!v || baseLanguage(*v).size() < 2)
                return usageError(uiFormat(tr("--lang expects a language such as en, ja or ru, "
                                              "got '{lang}'"),
                                           {{"lang", v.value_or("")}}));
            lang = *v;
        } else if (a.size() > 1 && a[0] == '-') {
            return usageError(
                uiFormat(tr("unknown option '{option}'"), {{"option", std::string(a)}}));
        } else if (transcriptPath.empty()) {
            transcriptPath = std::string(a);
        } else {
            return usageError(
                uiFormat(tr("scores one transcript at a time; got '{first}' and '{second}'"),
                         {{"first", transcriptPath}, {"second", std::string(a)}}));
        }
    }
    if (transcriptPath.empty()) return usageError(tr("no transcript file given"));

    // The saved play document, read as scenarios are: bounded, never blocking, located
    // diagnostics for what is not JSON.
    PlayDocumentRead read = readPlayDocumentFile(transcriptPath);
    if (!read.document) {
        printDiagnostics(read.diagnostics);
        if (!read.error.empty()) return fail(kExitProblems, read.error);
        return fail(read.unreadable ? kExitUsage : kExitProblems,
                    transcriptPath +
                        (read.unreadable ? " cannot be read" : " cannot be scored (see above)"));
    }
    const json& doc = read.document->json;
    const Transcript& transcript = read.document->transcript;
    const std::string& scenarioId = transcript.scenarioId;

    if (scenarioPath.empty()) scenarioPath = findScenario(transcriptPath, scenarioId);
    if (scenarioPath.empty())
        return fail(kExitUsage, "scenario \"" + scenarioId +
                                    "\" not found beside the transcript or among the bundled "
                                    "scenarios; name it with --scenario FILE");
    ScenarioCheck check = checkScenarioFile(scenarioPath);
    if (check.unreadable) {
        printDiagnostics(check.diagnostics);
        return kExitUsage;
    }
    if (!check.scenario || (frameworkPath.empty() && check.diagnostics.hasErrors())) {
        printDiagnostics(check.diagnostics);
        return fail(kExitProblems, scenarioPath + " has errors; fix them before scoring");
    }
    const Scenario& scenario = *check.scenario;
    if (scenario.id != scenarioId)
        return fail(kExitProblems, scenarioPath + " holds scenario \"" + scenario.id +
                                       "\", but the transcript is of \"" + scenarioId + "\"");
    if (!transcript.contentHash.empty() && transcript.contentHash != scenario.contentHash)
        std::fprintf(stderr,
                     tr("rapport score: note: %s changed since this transcript was recorded; "
                        "replaying it anyway\n"),
                     scenarioPath.c_str());

    // The prepared scenario's framework and optimum, unless --framework names another file.
    std::shared_ptr<const Framework> framework = check.framework;
    const ScenarioOptimum* optimum = check.optimum ? &*check.optimum : nullptr;
    if (!frameworkPath.empty()) {
        FrameworkLoadResult loaded = loadFrameworkFile(frameworkPath);
        printDiagnostics(loaded.diagnostics);
        if (!loaded.framework) {
            const bool unreadable =
                !loaded.diagnostics.empty() && loaded.diagnostics.items()[0].code == "RAP0001";
            return fail(unreadable ? kExitUsage : kExitProblems,
                        frameworkPath + " cannot be used: it has errors");
        }
        DiagnosticList evidence;
        checkEvidence(scenario, *loaded.framework, evidence);
        if (evidence.hasErrors()) {
            printDiagnostics(evidence);
            return fail(kExitProblems, "scenario \"" + scenario.id +
                                           "\" cites evidence framework " + frameworkPath +
                                           " does not have");
        }
        framework = std::make_shared<const Framework>(std::move(*loaded.framework));
        optimum = nullptr;  // computed against this framework by scoreTranscript
    } else if (!framework) {
        return fail(kExitProblems,
                    "competence framework \"" + scenario.framework + "\" not usable");
    }

    ScoreReport report;
    try {
        report = scoreTranscript(scenario, *framework, transcript, optimum);
    } catch (const ScoringError& e) {
        return fail(kExitProblems, e.what());
    }
    const json fresh = reportToJson(report);
    const bool hadReport = doc.contains("report") && doc["report"].is_object();
    if (asJson) {
        const std::vector<std::string> changes =
            hadReport ? compareReports(doc["report"], fresh) : std::vector<std::string>{};
        json out = {{"report", fresh}, {"changes", changes}, {"stored", hadReport}};
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    // The reader's language changes only what is printed for people: the report the --json form
    // gives stays in the framework's own words, its list of changes in English.
    if (!lang.empty()) {
        setInterfaceLanguage(lang);
        localiseScoreReport(report, *framework, lang);
    }
    std::printf("%s", terminalSafe(debriefText(report)).c_str());
    const std::vector<std::string> changes =
        hadReport ? compareReports(doc["report"], fresh, interfaceLanguage(), framework.get())
                  : std::vector<std::string>{};
    if (!hadReport)
        std::printf(tr("\nThe transcript held no stored report to compare with.\n"));
    else if (changes.empty())
        std::printf(tr("\nNo change against the stored report.\n"));
    else {
        std::printf(tr("\nChanged against the stored report:\n"));
        for (const auto& c : changes)
            std::printf("  - %s\n", terminalSafe(c, TerminalLines::Escape).c_str());
    }
    return kExitOk;
}

}  // namespace rapport::cli
