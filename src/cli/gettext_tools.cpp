#include "cli/gettext_tools.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/files/bounded_read.hpp"
#include "core/source/json_source.hpp"

extern char** environ;

namespace rapport::cli {

namespace {

namespace fs = std::filesystem;

// A folder only this process uses, removed with everything in it when done.
class TempFolder {
public:
    TempFolder() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/rapport-po-XXXXXX";
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        if (::mkdtemp(buf.data()))
            path_ = buf.data();
        else
            error_ = std::strerror(errno);
    }
    ~TempFolder() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::string& path() const { return path_; }
    const std::string& error() const { return error_; }

private:
    std::string path_, error_;
};

bool writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.flush();
    return static_cast<bool>(out);
}

}  // namespace

ToolRun runMsgmerge(const std::string& definitions, const std::string& reference,
                    const std::string& definitionsName) {
    ToolRun run;
    TempFolder tmp;
    if (tmp.path().empty()) {
        run.error = "cannot make a temporary folder: " + tmp.error();
        return run;
    }
    const std::string def = tmp.path() + "/existing.po", ref = tmp.path() + "/template.pot",
                      out = tmp.path() + "/merged.po", log = tmp.path() + "/msgmerge.log";
    if (!writeText(def, definitions) || !writeText(ref, reference)) {
        run.error = std::string("cannot write to the temporary folder ") + tmp.path() + ": " +
                    std::strerror(errno);
        return run;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<std::string> args = {"msgmerge", "--quiet", "--previous", "--no-wrap",
                                     "-o",       out,       def,          ref};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "msgmerge", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        run.error = spawned == ENOENT
                        ? "msgmerge is not installed (it comes with Debian's gettext package: "
                          "apt-get install gettext)"
                        : std::string("cannot start msgmerge: ") + std::strerror(spawned);
        return run;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const BoundedRead said = readBoundedFile(log, 64 * 1024);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string msg = said ? said.text : std::string();
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        for (std::size_t at = msg.find(def); at != std::string::npos; at = msg.find(def, at))
            msg.replace(at, def.size(), definitionsName);
        run.error = WIFSIGNALED(status)
                        ? "msgmerge was stopped by signal " + std::to_string(WTERMSIG(status))
                        : "msgmerge failed: " + (msg.empty() ? std::string("no message") : msg);
        return run;
    }
    const BoundedRead merged = readBoundedFile(out, kMaxSourceBytes);
    if (!merged) {
        run.error = merged.message;
        return run;
    }
    run.ok = true;
    run.output = merged.text;
    return run;
}

}  // namespace rapport::cli
