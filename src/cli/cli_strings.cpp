// `rapport strings export|import`: the translator workflow for scenarios (docs/translation.md).
// The catalogue and the localised scenario are core's (core/translation); merging a changed
// source into an existing catalogue is msgmerge's (gettext_tools). This file reads arguments,
// reads and writes files and prints what happened.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_verbs.hpp"
#include "cli/gettext_tools.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/files/bounded_read.hpp"
#include "core/files/safe_output.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/source/json_source.hpp"
#include "core/translation/po_file.hpp"
#include "core/translation/scenario_catalogue.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "core/twine/twine_import.hpp"

namespace rapport::cli {

namespace {

// Usage is for people and translated; the option names in it stay as typed.
const char* usageText() {
    return tr(
        "usage: rapport strings export SCENARIO.json --lang TAG -o CATALOGUE.po\n"
        "       rapport strings import SCENARIO.json CATALOGUE.po -o LOCALISED.json [--id ID] "
        "[--complete]\n"
        "\n"
        "The translator workflow for scenarios (docs/translation.md).\n"
        "\n"
        "export  writes the scenario's texts as a GNU gettext catalogue for translating into TAG\n"
        "        (ru, ja, en, …): one entry per line, reply, feedback and ending, with a stable "
        "id\n"
        "        (msgctxt) and notes for the translator (who speaks, the line before, what the "
        "reply\n"
        "        evidences, the source length). When CATALOGUE.po exists it is merged with "
        "msgmerge:\n"
        "        translations stay, entries whose source text changed become fuzzy with the "
        "previous\n"
        "        text shown, new texts are added untranslated, removed ones become obsolete (#~).\n"
        "        '-o -' writes a fresh catalogue to standard output.\n"
        "import  writes the localised scenario: the source file with its texts replaced by the\n"
        "        catalogue's translations (layout and comments kept), its language set from the\n"
        "        catalogue and its id set to ID (default SOURCE-ID-LANG). Untranslated, fuzzy and\n"
        "        stale entries keep the source text and are warned about. The result is checked "
        "like\n"
        "        'rapport validate' does and written only when it is valid.\n"
        "\n"
        "  --lang TAG    (export) the language to translate into, a BCP 47 tag\n"
        "  -o FILE       where to write\n"
        "  --id ID       (import) the localised scenario's id\n"
        "  --complete    (import) fail (exit 1) unless every text is translated\n"
        "\n"
        "Exit codes: 0 written; 1 the scenario or the catalogue has problems (nothing written), "
        "or\n"
        "--complete and texts are missing; 2 usage error, unreadable input, unwritable output or\n"
        "msgmerge missing.\n");
}

int usageError(const std::string& message) {
    std::fprintf(stderr, tr("rapport strings: %s\n(see 'rapport strings --help')\n"),
                 message.c_str());
    return kExitUsage;
}

void printDiagnostics(const DiagnosticList& d) {
    for (const auto& item : d.items()) std::fprintf(stderr, "%s\n", formatDiagnostic(item).c_str());
}

struct Options {
    std::string verb;
    std::vector<std::string> files;
    std::optional<std::string> output, lang, id;
    bool complete = false;
};

std::optional<int> parse(Args args, Options& o) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usageText(), stdout);
            return kExitOk;
        }
        if (a == "-o" || a == "--output" || a == "--lang" || a == "--id") {
            if (i + 1 >= args.size() || args[i + 1].empty())
                return usageError(std::string(a) + " needs a value");
            const std::string v(args[++i]);
            if (a == "--lang")
                o.lang = v;
            else if (a == "--id")
                o.id = v;
            else
                o.output = v;
        } else if (a == "--complete") {
            o.complete = true;
        } else if (a.size() > 1 && a[0] == '-') {
            return usageError(
                uiFormat(tr("unknown option '{option}'"), {{"option", std::string(a)}}));
        } else if (o.verb.empty()) {
            o.verb = std::string(a);
        } else {
            o.files.emplace_back(a);
        }
    }
    if (o.verb != "export" && o.verb != "import")
        return usageError(o.verb.empty() ? "say what to do: export or import"
                                         : "unknown action '" + o.verb + "': export or import");
    if (!o.output) return usageError(tr("no output given: add -o FILE"));
    return std::nullopt;
}

// The scenario, prepared as `rapport validate` would; nothing is done with an invalid one.
std::optional<ScenarioCheck> readScenario(const std::string& path, std::string& text, int& exit) {
    const BoundedRead read = readBoundedFile(path, kMaxSourceBytes);
    if (!read) {
        std::fprintf(stderr, tr("rapport strings: %s\n"), read.message.c_str());
        exit = kExitUsage;
        return std::nullopt;
    }
    text = read.text;
    ScenarioCheck check = checkScenarioText(read.text, path);
    if (!check.playable()) {
        printDiagnostics(check.diagnostics);
        std::fprintf(stderr,
                     tr("rapport strings: %s has errors; fix them first ('rapport validate %s')\n"),
                     path.c_str(), path.c_str());
        exit = kExitProblems;
        return std::nullopt;
    }
    return check;
}

std::optional<PoFile> readCatalogue(const std::string& path, int& exit) {
    const BoundedRead read = readBoundedFile(path, kMaxSourceBytes);
    if (!read) {
        std::fprintf(stderr, tr("rapport strings: %s\n"), read.message.c_str());
        exit = kExitUsage;
        return std::nullopt;
    }
    PoParse parsed = parsePo(read.text, path);
    if (parsed.diagnostics.hasErrors()) {
        printDiagnostics(parsed.diagnostics);
        std::fprintf(stderr,
                     tr("rapport strings: %s cannot be read as a catalogue; nothing written\n"),
                     path.c_str());
        exit = kExitProblems;
        return std::nullopt;
    }
    return std::move(parsed.file);
}

std::vector<std::string> inputsOf(const ScenarioCheck& check, const std::string& scenario,
                                  const std::string& output) {
    std::vector<std::string> inputs = {scenario};
    if (auto fw = lookupScenarioFramework(check.scenario->framework, output); !fw.path.empty())
        inputs.push_back(fw.path);
    return inputs;
}

int runExport(const Options& o) {
    if (o.files.size() != 1) return usageError(tr("export takes one scenario file"));
    if (!o.lang || o.lang->empty())
        return usageError(tr("export needs --lang TAG (ru, ja, en, …)"));
    const std::string& path = o.files[0];
    std::string text;
    int exit = kExitOk;
    auto check = readScenario(path, text, exit);
    if (!check) return exit;
    const Scenario& s = *check->scenario;
    if (*o.lang == s.language)
        return usageError(path + " is written in " + s.language +
                          "; --lang names the language to "
                          "translate into");
    const std::string reference = std::filesystem::path(path).filename().string();
    PoFile fresh = scenarioCatalogue(s, *o.lang, reference);

    PoFile result = fresh;
    Reconciled reconciled;
    struct stat st {};
    const bool merge = *o.output != "-" && ::stat(o.output->c_str(), &st) == 0;
    if (merge) {
        auto existing = readCatalogue(*o.output, exit);
        if (!existing) return exit;
        if (const std::string l = catalogueLanguage(*existing); !l.empty() && l != *o.lang) {
            std::fprintf(stderr,
                         tr("rapport strings: %s is a catalogue for %s, not %s; nothing written\n"),
                         o.output->c_str(), l.c_str(), o.lang->c_str());
            return kExitProblems;
        }
        PoFile pot = fresh;
        pot.setHeaderField("Language", "");
        const ToolRun run = runMsgmerge(writePo(*existing), writePo(pot), *o.output);
        if (!run.ok) {
            std::fprintf(stderr, tr("rapport strings: merging into %s: %s; nothing written\n"),
                         o.output->c_str(), run.error.c_str());
            return kExitUsage;
        }
        PoParse merged = parsePo(run.output, *o.output);
        if (merged.diagnostics.hasErrors()) {
            printDiagnostics(merged.diagnostics);
            std::fprintf(stderr,
                         tr("rapport strings: msgmerge wrote a catalogue Rapport cannot read; "
                            "nothing written\n"));
            return kExitProblems;
        }
        result = std::move(merged.file);
        reconciled = reconcileByContext(result, *existing);
        result.setHeaderField("Project-Id-Version", s.id + " " + s.version);
    }
    const std::string po = writePo(result);
    if (*o.output == "-") {
        std::fwrite(po.data(), 1, po.size(), stdout);
        if (std::fflush(stdout) != 0) return kExitUsage;
    } else if (const OutputWrite w =
                   writeOutputFile(*o.output, po, inputsOf(*check, path, *o.output));
               !w) {
        std::fprintf(stderr, tr("rapport strings: %s\n"), w.message.c_str());
        return kExitUsage;
    }
    const CatalogueCounts c = countCatalogue(result);
    std::string extra;
    if (!result.obsoleteText.empty())
        extra += ", " + std::to_string(result.obsoleteText.size()) + " obsolete (kept as #~)";
    if (reconciled.droppedGuesses)
        extra += ", " + std::to_string(reconciled.droppedGuesses) +
                 " guesses msgmerge took from other texts dropped";
    std::fprintf(stderr,
                 tr("rapport strings: %zu texts of %s for %s: %zu translated, %zu fuzzy (source "
                    "changed), %zu untranslated%s; %s %s\n"),
                 c.entries, s.id.c_str(), o.lang->c_str(), c.translated, c.fuzzy, c.untranslated,
                 extra.c_str(), merge ? "merged into" : "wrote",
                 *o.output == "-" ? "<stdout>" : o.output->c_str());
    return kExitOk;
}

int runImportStrings(const Options& o) {
    if (o.files.size() != 2) return usageError(tr("import takes the scenario and its catalogue"));
    if (o.id && !isValidScenarioId(*o.id))
        return usageError(
            uiFormat(tr("--id '{id}' is not a scenario id: lowercase letters, digits, "
                        "'-', '_' and '.', starting with a letter or digit"),
                     {{"id", *o.id}}));
    const std::string& path = o.files[0];
    const std::string& poPath = o.files[1];
    std::string text;
    int exit = kExitOk;
    auto check = readScenario(path, text, exit);
    if (!check) return exit;
    auto po = readCatalogue(poPath, exit);
    if (!po) return exit;
    LocaliseOptions options;
    options.id = o.id.value_or("");
    options.poName = std::filesystem::path(poPath).filename().string();
    Localisation loc = localiseScenario(*check->scenario, text, *po, options);
    // Diagnostics name the catalogue as given on the command line.
    DiagnosticList shown;
    for (auto d : loc.diagnostics.items()) {
        d.file = poPath;
        shown.add(std::move(d));
    }
    printDiagnostics(shown);
    if (loc.text.empty() || loc.diagnostics.hasErrors()) {
        std::fprintf(stderr, tr("rapport strings: nothing written\n"));
        return kExitProblems;
    }
    const std::string shownName = *o.output == "-" ? "<stdout>" : *o.output;
    const ScenarioCheck result = checkScenarioText(loc.text, *o.output == "-" ? path : *o.output);
    printDiagnostics(result.diagnostics);
    if (!result.playable()) {
        std::fprintf(stderr,
                     tr("rapport strings: the localised scenario has errors; nothing written\n"));
        return kExitProblems;
    }
    const bool incomplete = loc.counts.translated < loc.counts.entries;
    if (o.complete && incomplete) {
        std::fprintf(stderr,
                     tr("rapport strings: %zu of %zu texts translated and --complete was given; "
                        "nothing written\n"),
                     loc.counts.translated, loc.counts.entries);
        return kExitProblems;
    }
    std::vector<std::string> inputs = inputsOf(*check, path, *o.output);
    inputs.push_back(poPath);
    if (*o.output == "-") {
        std::fwrite(loc.text.data(), 1, loc.text.size(), stdout);
        if (std::fflush(stdout) != 0) return kExitUsage;
    } else if (const OutputWrite w = writeOutputFile(*o.output, loc.text, inputs); !w) {
        std::fprintf(stderr, tr("rapport strings: %s\n"), w.message.c_str());
        return kExitUsage;
    }
    std::fprintf(stderr, tr("rapport strings: %zu of %zu texts translated into %s; %s is valid\n"),
                 loc.counts.translated, loc.counts.entries, loc.language.c_str(),
                 shownName.c_str());
    return kExitOk;
}

}  // namespace

int runStrings(Args args) {
    Options o;
    if (auto done = parse(args, o)) return *done;
    return o.verb == "export" ? runExport(o) : runImportStrings(o);
}

}  // namespace rapport::cli
