// The real window under Xvfb: the test starts its own X server on a free display, drives the
// `rapport` binary with GUI scripts and checks the screenshots it writes. When Xvfb cannot start
// at all, the tests fail under CI (CI=true) and say so loudly and skip elsewhere; every other
// failure fails.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/admin_passphrase.hpp"
#include "store/results_store.hpp"
#include "support/build_paths.hpp"
#include "support/ci.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace {

std::string findProgram(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const auto end = dirs.find(':', start);
        const std::string dir = dirs.substr(start, end == std::string::npos ? end : end - start);
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return {};
}

// Spawns argv with `env` (NAME=value strings), stdout/stderr to `logPath`.
pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env,
            const std::string& logPath) {
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    // In the log's folder (the test's own), so nothing the app writes to its working folder
    // (an HR export's default) lands in the tree the tests run from.
    const std::string dir = std::filesystem::path(logPath).parent_path().string();
    if (!dir.empty()) posix_spawn_file_actions_addchdir_np(&fa, dir.c_str());
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0].c_str(), &fa, nullptr, args.data(), envp.data()) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

// Waits up to `timeout` for `pid`; kills it and returns -1 if it does not end (no hung tests).
int waitFor(pid_t pid, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return -1;
}

// Environment of this process without display variables, plus `extra`.
std::vector<std::string> baseEnv(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string s = *e;
        if (s.rfind("DISPLAY=", 0) == 0 || s.rfind("WAYLAND_DISPLAY=", 0) == 0) continue;
        env.push_back(s);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

class Xvfb {
public:
    Xvfb() {
        const std::string xvfb = findProgram("Xvfb");
        if (xvfb.empty()) {
            why_ = "Xvfb is not installed (apt-get install xvfb)";
            return;
        }
        for (int n = 99; n < 140 && display_ < 0; ++n) {
            const std::string sock = "/tmp/.X11-unix/X" + std::to_string(n);
            const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
            if (fs::exists(sock) || fs::exists(lock)) continue;
            log_ = fs::temp_directory_path() / ("rapport-xvfb-" + std::to_string(n) + ".log");
            pid_ = spawn(
                {xvfb, ":" + std::to_string(n), "-screen", "0", "1280x800x24", "-nolisten", "tcp"},
                baseEnv({}), log_.string());
            if (pid_ < 0) continue;
            // Ready when its socket appears; gone when another server won the number.
            for (int i = 0; i < 200; ++i) {
                if (fs::exists(sock)) {
                    display_ = n;
                    break;
                }
                int status = 0;
                if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                    pid_ = -1;
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            if (display_ < 0 && pid_ > 0) {
                ::kill(pid_, SIGTERM);
                ::waitpid(pid_, nullptr, 0);
                pid_ = -1;
            }
        }
        if (display_ < 0) why_ = "Xvfb did not start on any display :99-:139; see " + log_.string();
    }
    ~Xvfb() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    bool running() const { return display_ >= 0; }
    std::string display() const { return ":" + std::to_string(display_); }
    const std::string& why() const { return why_; }

private:
    pid_t pid_ = -1;
    int display_ = -1;
    fs::path log_;
    std::string why_;
};

using rapport::test::TempDir;

struct RunResult {
    int exitCode = -1;
    std::string output;
};

RunResult runApp(const std::vector<std::string>& env, const std::vector<std::string>& args,
                 const fs::path& logDir) {
    std::vector<std::string> argv{RAPPORT_CLI_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    const fs::path log = logDir / "rapport.log";
    const pid_t pid = spawn(argv, env, log.string());
    REQUIRE(pid > 0);
    RunResult r;
    r.exitCode = waitFor(pid, std::chrono::seconds(180));
    r.output = rapport::test::readText(log);
    return r;
}

// A screenshot exists, has the window's size and shows a real picture (many distinct colours,
// not one flat fill).
void checkPng(const fs::path& png, int width, int height) {
    INFO(png.string());
    REQUIRE(fs::exists(png));
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
    REQUIRE(px != nullptr);
    CHECK(w == width);
    CHECK(h == height);
    std::set<unsigned> colours;
    for (int i = 0; i < w * h; i += 7)
        colours.insert(unsigned(px[i * 3]) << 16 | unsigned(px[i * 3 + 1]) << 8 | px[i * 3 + 2]);
    stbi_image_free(px);
    CHECK(colours.size() > 40);
}

const std::string kFixtures = std::string(RAPPORT_FIXTURES_DIR) + "/gui";

// A GUI test that cannot get a display proves nothing: under CI that is a failure, so a machine
// without Xvfb can never pass the suite; on a developer's machine it skips, loudly.
void skipOrFailWithoutXvfb(const Xvfb& x) {
    if (rapport::test::underCi()) FAIL("GUI test needs Xvfb and CI is set: " << x.why());
    MESSAGE("SKIPPED — GUI test needs Xvfb: " << x.why());
}

}  // namespace

TEST_CASE("app: without a display it exits 2 and points to rapport play") {
    TempDir tmp;
    const auto r = runApp(
        baseEnv({}), {"--scenarios", kFixtures, "--data-dir", tmp.path().string()}, tmp.path());
    CHECK(r.exitCode == 2);
    CHECK(r.output.find("rapport play") != std::string::npos);
}

TEST_CASE(
    "app: scripted run under Xvfb signs in, plays in practice mode and screenshots every screen") {
    Xvfb x;
    if (!x.running()) return skipOrFailWithoutXvfb(x);
    TempDir tmp;
    const fs::path shots = tmp.path() / "shots";
    const fs::path data = tmp.path() / "data";
    const fs::path db = tmp.path() / "results.db";
    std::ofstream(tmp.path() / "play.script") << R"(expect-screen sign-in
screenshot sign-in
click Your name
type Хироси 田中 Smith
click Start training
expect-screen library
screenshot library
click Practice##gui-unicode-trio
expect-screen conversation
key 1
key 1
screenshot conversation
advance-clock 25000
expect See debrief
click See debrief
expect-screen debrief
wait-idle
screenshot debrief
theme dark
screenshot debrief-dark
)";
    const auto r = runApp(
        baseEnv({"DISPLAY=" + x.display()}),
        {"--scenarios", kFixtures, "--data-dir", data.string(), "--db", db.string(), "--script",
         (tmp.path() / "play.script").string(), "--screenshot-dir", shots.string()},
        tmp.path());
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    for (const char* name : {"sign-in", "library", "conversation", "debrief", "debrief-dark"})
        checkPng(shots / (std::string(name) + ".png"), 1280, 800);
    // The sign-in was remembered, exactly as typed.
    CHECK(rapport::test::readText(data / "trainee.json").find("Хироси 田中 Smith") !=
          std::string::npos);
    // The attempt was recorded, finished, with its score, in practice mode.
    {
        rapport::store::ResultsStore store(db.string());
        rapport::store::AttemptFilter filter;
        filter.trainee = "Хироси 田中 Smith";
        const auto attempts = store.attempts(filter, false);
        REQUIRE(attempts.size() == 1);
        CHECK(attempts[0].status == rapport::AttemptStatus::Finished);
        CHECK(attempts[0].mode == rapport::AttemptMode::Practice);
        CHECK(attempts[0].steps == 3);
        CHECK(attempts[0].score.has_value());
    }

    // A second run starts with the remembered name: Start training is enabled at once.
    std::ofstream(tmp.path() / "again.script") << "click Start training\nexpect-screen library\n";
    const auto again = runApp(
        baseEnv({"DISPLAY=" + x.display()}),
        {"--scenarios", kFixtures, "--data-dir", data.string(), "--db", db.string(), "--script",
         (tmp.path() / "again.script").string(), "--screenshot-dir", shots.string()},
        tmp.path());
    INFO(again.output);
    CHECK(again.exitCode == 0);
}

TEST_CASE("app: keyboard alone: sign in, play, read the debrief, open HR and export from it") {
    // WCAG 2.1.1 (keyboard): every step below is a key or typed text, never a click. Arrow keys
    // move the focus ring, Enter presses what it is on (Space too), Escape leaves a text field.
    Xvfb x;
    if (!x.running()) return skipOrFailWithoutXvfb(x);
    TempDir tmp;
    const fs::path shots = tmp.path() / "shots";
    const fs::path data = tmp.path() / "data";
    const fs::path db = tmp.path() / "results.db";
    const fs::path exports = tmp.path() / "exports";
    fs::create_directories(exports);
    REQUIRE(rapport::store::saveAdminPassphraseHash(
        data,
        rapport::store::hashPassphrase("keyboard admin", rapport::store::PassphraseCost::Minimal)));
    const std::string script = R"(expect-screen sign-in
type Kira Keys
key Enter
expect-screen library
key Down
key Down
key Down
key Enter
type Tanaka
key Enter
key Down
key Enter
expect-screen conversation
key 1
key 1
advance-clock 25000
expect See debrief
key Enter
expect-screen debrief
wait-idle
screenshot debrief-by-keyboard
key Up
key Up
key Enter
expect-screen sign-in
key Escape
key Up
key Left
key Enter
type keyboard admin
key Enter
expect-screen hr-table
wait-idle
key Down
key Down
key Down
key Down
key Down
key Right
key Enter
key ctrl+A
type )" + exports.string() + R"(
key Enter
key Left
key Left
key Left
key Enter
wait-idle
screenshot hr-by-keyboard
)";
    // A keyboard test with a click in it would prove nothing.
    CHECK(script.find("click") == std::string::npos);
    std::ofstream(tmp.path() / "keys.script") << script;
    const auto r =
        runApp(baseEnv({"DISPLAY=" + x.display()}),
               {"--scenarios", kFixtures, "--data-dir", data.string(), "--db", db.string(),
                "--size", "1024x700", "--script", (tmp.path() / "keys.script").string(),
                "--screenshot-dir", shots.string()},
               tmp.path());
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    checkPng(shots / "debrief-by-keyboard.png", 1024, 700);
    checkPng(shots / "hr-by-keyboard.png", 1024, 700);
    {
        rapport::store::ResultsStore store(db.string());
        rapport::store::AttemptFilter filter;
        filter.trainee = "Kira Keys";
        const auto attempts = store.attempts(filter, false);
        REQUIRE(attempts.size() == 1);
        CHECK(attempts[0].status == rapport::AttemptStatus::Finished);
        CHECK(attempts[0].scenarioId == "gui-unicode-trio");
    }
    // The CSV button, pressed with Enter, wrote the export into the folder typed by keyboard.
    std::vector<fs::path> csv;
    for (const auto& e : fs::directory_iterator(exports))
        if (e.path().extension() == ".csv") csv.push_back(e.path());
    REQUIRE(csv.size() == 1);
    CHECK(rapport::test::readText(csv[0]).find("Kira Keys") != std::string::npos);
}

TEST_CASE("app: a script naming a widget that is not there fails with exit 1 and says which line") {
    Xvfb x;
    if (!x.running()) return skipOrFailWithoutXvfb(x);
    TempDir tmp;
    std::ofstream(tmp.path() / "bad.script") << "expect-screen sign-in\nclick No such button\n";
    const auto r =
        runApp(baseEnv({"DISPLAY=" + x.display()}),
               {"--scenarios", kFixtures, "--data-dir", (tmp.path() / "d").string(), "--db",
                (tmp.path() / "results.db").string(), "--script",
                (tmp.path() / "bad.script").string(), "--screenshot-dir", tmp.path().string()},
               tmp.path());
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("script line 2: no widget labelled 'No such button'") != std::string::npos);
}

TEST_CASE("app: 10 ms key presses all count while every frame takes 120 ms (real X input)") {
    // Dear ImGui 1.86 samples keys once per frame: a tap shorter than a frame was lost about 4
    // times in 10. The shell's input queue hands each press and release to ImGui in its own
    // frame. Real key events come from xdotool (XTEST) while the app renders slow frames.
    Xvfb x;
    if (!x.running()) return skipOrFailWithoutXvfb(x);
    const std::string xdotool = findProgram("xdotool");
    if (xdotool.empty()) {
        if (rapport::test::underCi()) FAIL("this test needs xdotool (apt-get install xdotool)");
        MESSAGE("SKIPPED — needs xdotool");
        return;
    }
    TempDir tmp;
    const fs::path shots = tmp.path() / "shots";
    const fs::path db = tmp.path() / "results.db";
    std::ofstream(tmp.path() / "keys.script") << R"(expect-screen sign-in
click Your name
type Quick Keys
click Start training
expect-screen library
click Practice##session-hub
expect-screen conversation
screenshot ready
wait-frames 60
)";
    const std::vector<std::string> env = baseEnv({"DISPLAY=" + x.display()});
    const pid_t app = spawn(
        {RAPPORT_CLI_PATH, "--scenarios", std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json",
         "--data-dir", (tmp.path() / "data").string(), "--db", db.string(), "--script",
         (tmp.path() / "keys.script").string(), "--screenshot-dir", shots.string(),
         "--frame-delay-ms", "120"},
        env, (tmp.path() / "rapport.log").string());
    REQUIRE(app > 0);
    // The conversation is on screen once the script has taken its screenshot.
    for (int i = 0; i < 600 && !fs::exists(shots / "ready.png"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(fs::exists(shots / "ready.png"));
    const pid_t keys =
        spawn({"/bin/sh", "-c",
               xdotool + " search --sync --name Rapport windowfocus --sync " +
                   "keydown 1 sleep 0.01 keyup 1 sleep 0.4 " +
                   "keydown 1 sleep 0.01 keyup 1 sleep 0.4 keydown 1 sleep 0.01 keyup 1"},
              env, (tmp.path() / "xdotool.log").string());
    REQUIRE(keys > 0);
    CHECK(waitFor(keys, std::chrono::seconds(60)) == 0);
    INFO(rapport::test::readText(tmp.path() / "rapport.log"));
    INFO(rapport::test::readText(tmp.path() / "xdotool.log"));
    REQUIRE(waitFor(app, std::chrono::seconds(120)) == 0);
    rapport::store::ResultsStore store(db.string());
    rapport::store::AttemptFilter filter;
    filter.trainee = "Quick Keys";
    const auto attempts = store.attempts(filter, false);
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].steps == 3);  // three taps, three replies
}
