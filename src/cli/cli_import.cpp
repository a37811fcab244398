// `rapport import FILE.twee|FILE.html -o scenario.json [--framework ID] [--id ID]`: turns a
// Twine story into a scenario draft. The mapping is core's (twine_import); this file reads
// arguments, prints diagnostics, checks the result like `rapport validate` and writes it.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_verbs.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/files/safe_output.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "core/twine/twine_import.hpp"

namespace rapport::cli {

namespace {

// Usage is for people and translated; the option names in it stay as typed.
const char* usageText() {
    return tr(
        "usage: rapport import FILE.twee|FILE.html -o SCENARIO.json [--framework ID] [--id ID] "
        "[--language TAG]\n"
        "\n"
        "Turns a Twine 2 story (Twee 3 source, or HTML published from Twine 2) into a "
        "rapport-scenario/1\n"
        "draft: passages become nodes, links [[...]] become the trainee's choices, passage tags "
        "become\n"
        "node tags, and passages without links become endings (tag them won, lost, partial or "
        "escalated).\n"
        "Story-format code (macros, variables, scripts), links to missing passages and other "
        "things "
        "that\n"
        "cannot be mapped are reported as warnings with their line. The result is then checked "
        "like\n"
        "'rapport validate' does. See docs/twine-import.md.\n"
        "\n"
        "  -o FILE          where to write the scenario ('-' = standard output)\n"
        "  --framework ID   competence framework of the scenario (default: account-manager)\n"
        "  --id ID          scenario id (default: made from the story title)\n"
        "  --language TAG   language of the texts, a BCP 47 tag (default: en)\n"
        "\n"
        "Exit codes: 0 written and valid (warnings allowed); 1 the file holds no usable story, "
        "part of "
        "it\n"
        "could not be read (what could is written), or the written scenario has errors; 2 usage "
        "error,\n"
        "unreadable input or unwritable output.\n");
}

int usageError(const std::string& message) {
    std::fprintf(stderr, tr("rapport import: %s\n(see 'rapport import --help')\n"),
                 message.c_str());
    return kExitUsage;
}

// The files this import reads: the story, and the competence framework the draft is checked
// against (found beside the output first, so `-o` could name it).
std::vector<std::string> importInputs(const std::string& story, const std::string& output,
                                      const ScenarioCheck& check) {
    std::vector<std::string> inputs = {story};
    if (check.scenario)
        if (auto fw = lookupScenarioFramework(check.scenario->framework, output); !fw.path.empty())
            inputs.push_back(fw.path);
    return inputs;
}

}  // namespace

int runImport(Args args) {
    std::optional<std::string> input, output;
    TwineImportOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return std::string(args[++i]);
        };
        if (a == "--help" || a == "-h") {
            std::fputs(usageText(), stdout);
            return kExitOk;
        }
        if (a == "-o" || a == "--output" || a == "--framework" || a == "--id" ||
            a == "--language") {
            const auto v = value();
            if (!v || v->empty()) return usageError(std::string(a) + " needs a value");
            if (a == "-o" || a == "--output")
                output = *v;
            else if (a == "--framework")
                options.framework = *v;
            else if (a == "--id")
                options.id = *v;
            else
                options.language = *v;
        } else if (a.size() > 1 && a[0] == '-') {
            return usageError(
                uiFormat(tr("unknown option '{option}'"), {{"option", std::string(a)}}));
        } else if (input) {
            return usageError(tr("one input file at a time"));
        } else {
            input = std::string(a);
        }
    }
    if (!input) return usageError(tr("no input file given"));
    if (!output) return usageError(tr("no output given: add -o SCENARIO.json"));
    if (!options.id.empty() && !isValidScenarioId(options.id))
        return usageError(
            uiFormat(tr("--id '{id}' is not a scenario id: lowercase letters, digits, "
                        "'-', '_' and '.', starting with a letter or digit"),
                     {{"id", options.id}}));

    TwineImport imported = importTwineFile(*input, options);
    for (const auto& d : imported.diagnostics.items())
        std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    if (imported.unreadable) return kExitUsage;
    if (!imported.scenario) {
        std::fprintf(
            stderr, tr("rapport import: %s holds no story that can be imported; nothing written\n"),
            input->c_str());
        return kExitProblems;
    }

    const std::string text = twineScenarioText(*imported.scenario);
    const std::string shownName = *output == "-" ? "<stdout>" : *output;
    // The same check `rapport validate` makes, on exactly the text written.
    ScenarioCheck check = checkScenarioText(text, shownName);
    for (const auto& d : check.diagnostics.items())
        std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());

    if (*output == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (std::fflush(stdout) != 0) return kExitUsage;
    } else if (const OutputWrite w =
                   writeOutputFile(*output, text, importInputs(*input, *output, check));
               !w) {
        // Onto the story being imported, or the framework the draft was checked against, is
        // refused: it would replace the Twine source or the competence framework.
        std::fprintf(stderr, tr("rapport import: %s\n"), w.message.c_str());
        return kExitUsage;
    }
    const std::size_t warnings = imported.diagnostics.warningCount();
    // Each count in the plural form of the reader's language, the whole line one sentence.
    auto counted = [](const char* pattern, std::size_t n) {
        return uiFormat(pattern, {{"n", std::to_string(n)}});
    };
    const std::string passages =
        counted(trn("{n} passage", "{n} passages", imported.passages), imported.passages);
    const std::string nodes = counted(trn("{n} node", "{n} nodes", imported.nodes), imported.nodes);
    const std::string choices =
        counted(trn("{n} choice", "{n} choices", imported.choices), imported.choices);
    const std::string endings =
        counted(trn("{n} ending", "{n} endings", imported.endings), imported.endings);
    const std::string warned = counted(trn("{n} warning", "{n} warnings", warnings), warnings);
    const std::string line = uiFormat(
        check.diagnostics.hasErrors()
            ? tr("rapport import: {passages} -> {nodes}, {choices}, {endings}; {warnings}; {file} "
                 "has errors (see above)")
            : tr("rapport import: {passages} -> {nodes}, {choices}, {endings}; {warnings}; {file} "
                 "is valid"),
        {{"passages", passages},
         {"nodes", nodes},
         {"choices", choices},
         {"endings", endings},
         {"warnings", warned},
         {"file", shownName}});
    std::fprintf(stderr, "%s\n", line.c_str());
    // An error in the Twine file (a passage cut off) means the draft may lack part of the story.
    if (check.diagnostics.hasErrors() || imported.diagnostics.hasErrors()) return kExitProblems;
    if (*output != "-")
        std::fprintf(
            stderr,
            tr("next: fill in summary, sector and client in %s, add evidence and feedback to "
               "the choices,\n"
               "      then run 'rapport validate %s' and 'rapport analyze %s' (see "
               "docs/twine-import.md)\n"),
            output->c_str(), output->c_str(), output->c_str());
    return kExitOk;
}

}  // namespace rapport::cli
