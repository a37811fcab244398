// `rapport` entry point: picks the verb and hands over its arguments.
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_verbs.hpp"
#include "core/platform/bundled_data.hpp"
#include "core/platform/version.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_text.hpp"
#ifdef RAPPORT_WITH_APP
#include "app/shell/run.hpp"
#endif

namespace {

// Marks a summary for xgettext; printHelp translates it when it is shown.
constexpr const char* trNoop(const char* msgid) { return msgid; }

struct Verb {
    std::string_view name;
    const char* summary;
    int (*run)(rapport::cli::Args);
};

constexpr Verb kVerbs[] = {
    {"validate", trNoop("check scenario files and report every problem"),
     rapport::cli::runValidate},
    {"play", trNoop("play a scenario in the terminal, interactively or from a choice list"),
     rapport::cli::runPlay},
    {"score", trNoop("re-score a saved play-through (play --json) and say what changed"),
     rapport::cli::runScore},
    {"analyze", trNoop("check that a scenario scores fairly: paths, extremes, random play"),
     rapport::cli::runAnalyze},
    {"campaign", trNoop("check or play an account campaign: meetings that carry state"),
     rapport::cli::runCampaign},
    {"report", trNoop("export HR reports (html, csv, json, xAPI) from the results database"),
     rapport::cli::runReport},
    {"recommend", trNoop("say which scenarios a trainee should play next, and why"),
     rapport::cli::runRecommend},
    {"assign", trNoop("give a trainee or a group a scenario to play next (trainers)"),
     rapport::cli::runAssign},
    {"import", trNoop("turn a Twine story (.twee or published .html) into a scenario draft"),
     rapport::cli::runImport},
    {"strings", trNoop("export a scenario's texts for translation (PO) and import a translation"),
     rapport::cli::runStrings},
    {"sync", trNoop("upload attempts to the central store (PostgreSQL), or say what is waiting"),
     rapport::cli::runSync},
    {"admin", trNoop("set up the central store's schema"), rapport::cli::runAdmin},
};

void printHelp() {
    std::fputs(rapport::tr("Rapport — training simulator for account managers\n\n"
                           "usage: rapport [VERB] [ARGS...]\n\n"
                           "With no verb, opens the simulator window.\n\nVerbs:\n"),
               stdout);
    for (const auto& v : kVerbs)
        std::printf("  %-10.*s %s\n", int(v.name.size()), v.name.data(), rapport::tr(v.summary));
    std::fputs(rapport::tr("\nrapport VERB --help describes a verb. Exit codes: 0 ok, 1 problems "
                           "found, 2 usage or I/O error.\n"),
               stdout);
}

// The bundled frameworks and scenarios, found from where this executable is: an installed prefix's
// share/rapport, or the source tree when run from the build folder.
void findBundledData() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (auto data = rapport::locateBundledData(ec ? std::filesystem::path() : exe))
        rapport::setBundledData(std::move(*data));
}

// The interface speaks the language of the user's environment until the app applies its saved
// choice; without catalogues (an odd install) every message stays English.
void startInterfaceText() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::string language = rapport::environmentLanguage();
    if (auto dir = rapport::locateLocaleDir(ec ? std::filesystem::path() : exe))
        rapport::initInterfaceText(*dir, language);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    findBundledData();
    startInterfaceText();
#ifdef RAPPORT_WITH_APP
    if (args.empty() || rapport::app::isAppOption(args[0])) return rapport::app::run(args);
#else
    if (args.empty()) {
        std::fprintf(
            stderr,
            rapport::tr("rapport: this build has no simulator window; try 'rapport play FILE'.\n"));
        return rapport::cli::kExitUsage;
    }
#endif
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printHelp();
        return rapport::cli::kExitOk;
    }
    if (args[0] == "--version") {
        std::printf("rapport %s\n", rapport::version());
        return rapport::cli::kExitOk;
    }
    for (const auto& v : kVerbs)
        if (v.name == args[0]) return v.run(rapport::cli::Args(args).subspan(1));
    std::fprintf(stderr, rapport::tr("rapport: unknown verb '%.*s'; see 'rapport --help'\n"),
                 int(args[0].size()), args[0].data());
    return rapport::cli::kExitUsage;
}
