#include "cli/admin_gate.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/cli_verbs.hpp"
#include "core/platform/xdg_dirs.hpp"
#include "core/translation/ui_text.hpp"
#include "store/admin_passphrase.hpp"

namespace rapport::cli {

bool readSecretLine(std::string& out, bool terminal) {
    termios saved{};
    const bool hide = terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hide) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const bool ok = static_cast<bool>(std::getline(std::cin, out));
    if (hide) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    if (!ok) return false;
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return true;
}

AdminGate checkAdminPassphrase(std::filesystem::path dataDir) {
    if (dataDir.empty()) {
        const auto dir = rapportDir(XdgBase::Config);
        if (!dir) return {kExitUsage, tr("no data folder: set HOME or give --data-dir")};
        dataDir = *dir;
    }
    std::string error;
    const auto hash = store::loadAdminPassphraseHash(dataDir, &error);
    if (!hash) {
        if (!error.empty()) return {kExitUsage, error};
        return {kExitProblems,
                tr("no administrator passphrase is set on this machine; IT sets one with "
                   "'rapport admin passphrase --set'")};
    }
    const bool terminal = ::isatty(STDIN_FILENO) != 0;
    if (terminal) std::fputs(tr("Administrator passphrase: "), stderr);
    std::string given;
    if (!readSecretLine(given, terminal))
        return {kExitUsage, tr("no administrator passphrase on stdin")};
    if (!store::verifyPassphrase(*hash, given)) {
        ::sleep(1);
        return {kExitProblems, tr("the administrator passphrase does not match")};
    }
    return {};
}

}  // namespace rapport::cli
