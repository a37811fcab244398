// Running a program as a test would from a shell: stdout, stderr and the exit code, apart.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <string>

#include "support/build_paths.hpp"
#include "support/files.hpp"

namespace rapport::test {

struct CommandResult {
    int exitCode = -1;  // -1 when the command did not exit normally
    std::string out;
    std::string err;
};

// `s` in single quotes for /bin/sh, so paths with spaces or quotes reach the program intact.
inline std::string shellQuoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs `command` with /bin/sh, `input` on stdin (a file, so never a terminal). stderr is
// kept apart from stdout unless the command itself redirects it.
inline CommandResult runCommand(const std::string& command, const std::string& input = "") {
    static std::atomic<int> counter{0};
    const std::filesystem::path base =
        std::filesystem::temp_directory_path() /
        ("rapport-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    const std::string inFile = base.string() + ".in", errFile = base.string() + ".err";
    writeText(inFile, input);
    const std::string cmd =
        "(" + command + ") <" + shellQuoted(inFile) + " 2>" + shellQuoted(errFile);
    CommandResult r;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
        const int status = ::pclose(p);
        r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    r.err = readText(errFile);
    std::remove(inFile.c_str());
    std::remove(errFile.c_str());
    return r;
}

// Runs the built `rapport` with `args` (already quoted where needed) and `input` on stdin.
inline CommandResult runCli(const std::string& args, const std::string& input = "") {
    return runCommand(shellQuoted(RAPPORT_CLI_PATH) + " " + args, input);
}

}  // namespace rapport::test
