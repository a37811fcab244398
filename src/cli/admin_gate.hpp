// The administrator passphrase for CLI verbs that change what trainees are asked to do on a
// desktop without a central store (`rapport assign add|remove`): the same argon2id file the app's
// HR and author areas check (store/admin_passphrase.hpp), read from stdin, never from argv.
#pragma once

#include <filesystem>
#include <string>

namespace rapport::cli {

// Reads a line from stdin without its line end; at a terminal without echo, so a passphrase is
// never on the screen. False at end of input.
bool readSecretLine(std::string& out, bool terminal);

struct AdminGate {
    int exitCode = 0;     // 0 allowed; else the verb's exit code (1 refused, 2 usage)
    std::string message;  // why not, translated
};

// Asks for the administrator passphrase of `dataDir` (empty: the app's data folder) on stdin
// and checks it. A wrong one is answered a second later, so a script cannot guess quickly.
AdminGate checkAdminPassphrase(std::filesystem::path dataDir);

}  // namespace rapport::cli
