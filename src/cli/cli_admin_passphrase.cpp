// `rapport admin passphrase --set | --check`: IT sets or checks a machine's local administrator
// passphrase (the one that opens HR and author on a single machine, docs/app.md) from a script.
// The passphrase is read from stdin, never from argv, where `ps` and shell history would show it.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/admin_gate.hpp"
#include "cli/cli_verbs.hpp"
#include "core/access/area_access.hpp"
#include "core/platform/xdg_dirs.hpp"
#include "core/translation/ui_text.hpp"
#include "store/admin_passphrase.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::cli {

namespace {

// Exit codes of this sub-verb, as docs/cli.md lists them.
constexpr int kExitWrong = 1;  // --check: no passphrase set, or it does not match

void printUsage(std::FILE* to) {
    std::fputs(tr("usage: rapport admin passphrase (--set | --check) [--data-dir DIR]\n\n"
                  "  --set           read a new passphrase from stdin (first line; twice, one per\n"
                  "                  line, when stdin is a terminal) and store its argon2id hash\n"
                  "  --check         read a passphrase from stdin and say whether it matches\n"
                  "  --data-dir DIR  the app's data folder (default $XDG_CONFIG_HOME/rapport)\n\n"
                  "Exit codes: 0 set / matches, 1 does not match or none is set, 2 usage or the\n"
                  "file cannot be written or read\n"),
               to);
}

int usage(const std::string& msg) {
    std::fprintf(stderr, tr("rapport admin passphrase: %s\n"), msg.c_str());
    printUsage(stderr);
    return kExitUsage;
}

}  // namespace

int runAdminPassphrase(Args args) {
    enum class Mode { None, Set, Check } mode = Mode::None;
    std::filesystem::path dataDir;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") {
            printUsage(stdout);
            return kExitOk;
        } else if (args[i] == "--set" || args[i] == "--check") {
            if (mode != Mode::None) return usage(tr("give one of --set and --check"));
            mode = args[i] == "--set" ? Mode::Set : Mode::Check;
        } else if (args[i] == "--data-dir") {
            if (i + 1 >= args.size()) return usage(tr("option --data-dir needs a value"));
            dataDir = std::string(args[++i]);
        } else {
            std::string msg(256 + args[i].size(), '\0');
            msg.resize(
                std::size_t(std::snprintf(msg.data(), msg.size(), tr("unknown argument '%s'"),
                                          std::string(args[i]).c_str())));
            return usage(msg);
        }
    }
    if (mode == Mode::None) return usage(tr("give one of --set and --check"));
    if (dataDir.empty()) {
        const auto dir = rapportDir(XdgBase::Config);
        if (!dir) return usage(tr("no data folder: set HOME or give --data-dir"));
        dataDir = *dir;
    }
    const bool terminal = ::isatty(STDIN_FILENO) != 0;
    std::string first;
    if (terminal) std::fputs(tr("Passphrase: "), stderr);
    if (!readSecretLine(first, terminal)) return usage(tr("no passphrase on stdin"));
    try {
        if (mode == Mode::Check) {
            std::string error;
            const auto hash = store::loadAdminPassphraseHash(dataDir, &error);
            if (!hash) {
                if (!error.empty()) return usage(error);
                std::fputs(tr("no administrator passphrase is set\n"), stderr);
                return kExitWrong;
            }
            if (!store::verifyPassphrase(*hash, first)) {
                // Slows a script that guesses; the app's own delay grows (core/access).
                ::sleep(1);
                std::fputs(tr("the passphrase does not match\n"), stderr);
                return kExitWrong;
            }
            std::puts(tr("the passphrase matches"));
            return kExitOk;
        }
        std::string again = first;
        if (terminal) {
            std::fputs(tr("Again: "), stderr);
            if (!readSecretLine(again, terminal)) return usage(tr("no passphrase on stdin"));
        }
        switch (checkNewPassphrase(first, again)) {
            case NewPassphraseProblem::TooShort:
                std::fprintf(stderr, tr("rapport admin passphrase: at least %zu characters\n"),
                             kMinPassphraseLength);
                return kExitUsage;
            case NewPassphraseProblem::Mismatch:
                return usage(tr("the two entries differ"));
            case NewPassphraseProblem::None:
                break;
        }
        std::string error;
        if (!store::saveAdminPassphraseHash(dataDir, store::hashPassphrase(first), &error))
            return usage(error);
        std::printf(tr("administrator passphrase set in %s\n"),
                    store::adminPassphrasePath(dataDir).c_str());
        return kExitOk;
    } catch (const store::StoreError& e) {
        return usage(e.what());
    }
}

}  // namespace rapport::cli
