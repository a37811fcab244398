// `rapport validate FILE...`: every problem in every file, one per line, compiler style.
#include <cstdio>
#include <string>

#include "cli/cli_verbs.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::cli {

namespace {

void printUsage(std::FILE* out) {
    std::fputs(
        tr("usage: rapport validate [--werror] [--quiet] FILE...\n"
           "       rapport validate --list-codes\n\n"
           "Checks scenario files: JSON syntax, the rapport-scenario/1 format, references,\n"
           "expressions, reachability, dead ends, and evidence against the competence framework.\n"
           "A competence framework file (rapport-framework/1) is checked as a framework.\n"
           "Problems are printed as FILE:LINE:COL: error|warning: MESSAGE [CODE] at POINTER.\n\n"
           "  --werror      treat warnings as errors (for CI)\n"
           "  --quiet       print only problems, no per-file summary\n"
           "  --list-codes  list every diagnostic code with a one-line summary\n\n"
           "exit: 0 all files valid, 1 a file has errors, 2 usage error or a file cannot be "
           "read\n"),
        out);
}

// "scenario.json: valid (0 errors, 2 warnings)": each state one whole sentence, each count in the
// plural form of the reader's language.
std::string summaryLine(const std::string& file, bool framework, std::size_t errors,
                        std::size_t warnings) {
    const std::string e =
        uiFormat(trn("{n} error", "{n} errors", errors), {{"n", std::to_string(errors)}});
    const std::string w =
        uiFormat(trn("{n} warning", "{n} warnings", warnings), {{"n", std::to_string(warnings)}});
    const char* pattern = nullptr;
    if (framework)
        pattern = errors == 0 ? tr("{file}: valid competence framework ({errors}, {warnings})")
                              : tr("{file}: invalid competence framework ({errors}, {warnings})");
    else
        pattern = errors == 0 ? tr("{file}: valid ({errors}, {warnings})")
                              : tr("{file}: invalid ({errors}, {warnings})");
    return uiFormat(pattern, {{"file", file}, {"errors", e}, {"warnings", w}});
}

}  // namespace

int runValidate(Args args) {
    bool werror = false, quiet = false;
    std::vector<std::string> files;
    for (std::string_view a : args) {
        if (a == "--help" || a == "-h") {
            printUsage(stdout);
            return kExitOk;
        }
        if (a == "--list-codes") {
            for (const auto& c : codes::allCodes())
                std::printf("%.*s  %.*s\n", int(c.code.size()), c.code.data(),
                            int(c.summary.size()), c.summary.data());
            return kExitOk;
        }
        if (a == "--werror")
            werror = true;
        else if (a == "--quiet" || a == "-q")
            quiet = true;
        else if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, tr("rapport validate: unknown option '%.*s'\n"), int(a.size()),
                         a.data());
            printUsage(stderr);
            return kExitUsage;
        } else
            files.emplace_back(a);
    }
    if (files.empty()) {
        std::fprintf(stderr, tr("rapport validate: no file given\n"));
        printUsage(stderr);
        return kExitUsage;
    }
    int exit = kExitOk;
    for (const auto& file : files) {
        ScenarioCheck check = checkAuthorFile(file);
        for (const auto& d : check.diagnostics.items())
            std::printf("%s\n", formatDiagnostic(d).c_str());
        const auto errors = check.diagnostics.errorCount();
        const auto warnings = check.diagnostics.warningCount();
        if (check.unreadable)
            exit = kExitUsage;
        else if ((errors > 0 || (werror && warnings > 0)) && exit == kExitOk)
            exit = kExitProblems;
        if (!quiet)
            std::fprintf(stderr, "%s\n",
                         summaryLine(file, check.isFramework, errors, warnings).c_str());
    }
    return exit;
}

}  // namespace rapport::cli
