// Files in and out of every verb, end to end (issue #14): -o never destroys an input nor replaces
// a FIFO, device or link; inputs that are FIFOs, devices or too large are refused at once with a
// located message; control characters from files reach the terminal escaped; the exit code of a
// kind of failure is the same in every verb (docs/cli.md).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>

#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rapport::test::readText;
using rapport::test::shellQuoted;
using rapport::test::TempDir;
using rapport::test::writeText;

namespace {

using Run = rapport::test::CommandResult;

// Every run is bounded by timeout(1): a verb that blocked on a FIFO would fail the test (exit
// 124) instead of hanging the suite. No speed is asserted.
Run cli(const std::string& args, const std::string& input = "") {
    return rapport::test::runCommand("timeout 60 " + shellQuoted(RAPPORT_CLI_PATH) + " " + args,
                                     input);
}

const std::string kFixtures = RAPPORT_FIXTURES_DIR;
const std::string kHub = kFixtures + "/session/hub.json";
const std::string kTwee = kFixtures + "/twine/card-fee.twee";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A results database with one finished attempt, recorded by `rapport play`.
std::string recordedDatabase(const TempDir& dir) {
    const std::string db = dir.file("results.db");
    const Run r =
        cli("play " + kHub + " --choices 1,2,1,3,2 --trainee Anna --db " + shellQuoted(db));
    REQUIRE(r.exitCode == 0);
    return db;
}

// Reads a FIFO on a thread, as a consumer of `rapport … -o FIFO` would.
class FifoReader {
public:
    explicit FifoReader(std::string path)
        : path_(std::move(path)), thread_([this] { text_ = readText(path_); }) {}
    // Unblocks the reader if the writer never came, then waits for it.
    std::string finish() {
        if (const int fd = ::open(path_.c_str(), O_WRONLY | O_NONBLOCK); fd >= 0) ::close(fd);
        thread_.join();
        return text_;
    }

private:
    std::string path_;
    std::string text_;
    std::thread thread_;
};

}  // namespace

TEST_CASE("report -o onto its own database is refused and the database stays intact") {
    TempDir dir;
    const std::string db = recordedDatabase(dir);
    const std::string before = readText(db);
    for (const std::string& target : {db, db + "-wal", db + "-shm"}) {
        if (!fs::exists(target)) continue;
        const Run r = cli("report --db " + db + " --format csv -o " + target);
        CHECK(r.exitCode == 2);
        CHECK(r.err == "rapport report: cannot write " + target +
                           ": it is an input of this command; choose another file\n");
    }
    // Another name for the same file: a hard link and a symbolic link.
    fs::create_hard_link(db, dir.file("hard.db"));
    fs::create_symlink(db, dir.file("soft.db"));
    for (const std::string& other : {dir.file("hard.db"), dir.file("soft.db")}) {
        const Run r = cli("report --db " + db + " --format csv -o " + other);
        CHECK(r.exitCode == 2);
        CHECK(r.err == "rapport report: cannot write " + other + ": it is the same file as " + db +
                           ", an input of this command; choose another file\n");
    }
    CHECK(readText(db) == before);
    CHECK(fs::is_symlink(dir.file("soft.db")));
    const Run again = cli("report --db " + db + " --format csv");
    CHECK(again.exitCode == 0);
    CHECK(contains(again.out, "Anna"));
}

TEST_CASE("import -o onto its own Twine source is refused and the story stays") {
    TempDir dir;
    const std::string story = dir.file("story.twee");
    REQUIRE(writeText(story, readText(kTwee)));
    const Run r = cli("import " + story + " -o " + story);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "rapport import: cannot write " + story +
                              ": it is an input of this command; choose another file\n"));
    CHECK(readText(story) == readText(kTwee));
}

TEST_CASE("import -o onto the framework the draft is checked against is refused") {
    // The framework beside the output is the one the check reads, so -o can name it.
    TempDir dir;
    const std::string framework = dir.file("account-manager.json");
    const std::string original =
        readText(std::string(RAPPORT_SOURCE_DIR) + "/assets/competencies/account-manager.json");
    REQUIRE(writeText(framework, original));
    const Run r = cli("import " + kTwee + " -o " + framework);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "rapport import: cannot write " + framework +
                              ": it is an input of this command; choose another file\n"));
    CHECK(readText(framework) == original);
    // Beside it, the draft is written and checked against that framework.
    const Run ok = cli("import " + kTwee + " -o " + dir.file("draft.json"));
    CHECK(ok.exitCode != 2);
    CHECK(fs::exists(dir.file("draft.json")));
}

// A read-only mount, unlike chmod, stops root too, and leaves a WAL database no room for its
// -shm file. Run in a private mount namespace (unshare -m) so nothing outside the test sees it.
Run reportOnReadOnlyMount(const TempDir& dir) {
    const std::string ro = dir.file("ro");
    fs::create_directory(ro);
    const std::string script = "mount --bind " + shellQuoted(dir.path().string()) + " " +
                               shellQuoted(ro) + " && mount -o remount,bind,ro " + shellQuoted(ro) +
                               " || exit 97; exec " + shellQuoted(RAPPORT_CLI_PATH) +
                               " report --db " + shellQuoted(ro + "/results.db") + " --format csv";
    return rapport::test::runCommand("timeout 60 unshare -m sh -c " + shellQuoted(script) +
                                     " 2>&1");
}

TEST_CASE("report reads a database on a read-only mount, unless its -wal holds changes") {
    TempDir dir;
    const std::string db = recordedDatabase(dir);
    REQUIRE_FALSE(fs::exists(db + "-shm"));
    const std::string before = readText(db);
    Run r = reportOnReadOnlyMount(dir);
    if (r.exitCode == 97 || r.exitCode == 127) {
        MESSAGE("cannot mount read-only here (needs root and unshare); skipped: " << r.out);
        return;
    }
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "Anna"));
    CHECK(readText(db) == before);
    CHECK_FALSE(fs::exists(db + "-shm"));

    // Changes still in the -wal cannot be read without writing the -shm beside it: reading the
    // main file alone would show an older state, so the report refuses and says what to do.
    REQUIRE(writeText(db + "-wal", std::string(4096, 'x')));
    r = reportOnReadOnlyMount(dir);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "copy the database with its -wal file to a writable folder"));
    CHECK(readText(db) == before);
}

TEST_CASE("-o to a regular file replaces it atomically, keeping its permissions") {
    TempDir dir;
    const std::string db = recordedDatabase(dir);
    const std::string out = dir.file("out.csv");
    REQUIRE(writeText(out, "old"));
    fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    const Run r = cli("report --db " + db + " --format csv -o " + out);
    CHECK(r.exitCode == 0);
    CHECK(r.err == "rapport report: 1 attempts written to " + out + "\n");
    CHECK(contains(readText(out), "Anna"));
    CHECK(fs::status(out).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    // No temporary file is left beside it.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path()))
        files += e.path().filename().string().find("out.csv") != std::string::npos;
    CHECK(files == 1);
}

TEST_CASE("-o through a symbolic link writes the file it points to; the link stays") {
    TempDir dir;
    const std::string db = recordedDatabase(dir);
    fs::create_directory(dir.file("real"));
    const std::string real = dir.file("real/report.csv");
    REQUIRE(writeText(real, "old"));
    fs::create_symlink(real, dir.file("link.csv"));
    Run r = cli("report --db " + db + " --format csv -o " + dir.file("link.csv"));
    CHECK(r.exitCode == 0);
    CHECK(fs::is_symlink(dir.file("link.csv")));
    CHECK(contains(readText(real), "Anna"));

    // A link to nothing is refused: the user meant some file, but which is not clear.
    fs::create_symlink(dir.file("nowhere.csv"), dir.file("dangling.csv"));
    r = cli("report --db " + db + " --format csv -o " + dir.file("dangling.csv"));
    CHECK(r.exitCode == 2);
    CHECK(r.err == "rapport report: cannot write " + dir.file("dangling.csv") +
                       ": it is a symbolic link to a file that does not exist; give the target's "
                       "own path\n");
    CHECK(fs::is_symlink(dir.file("dangling.csv")));
    CHECK_FALSE(fs::exists(dir.file("nowhere.csv")));
}

TEST_CASE("-o to a FIFO writes into it and leaves it a FIFO") {
    TempDir dir;
    const std::string db = recordedDatabase(dir);
    const std::string fifo = dir.file("pipe");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    FifoReader reader(fifo);
    const Run r = cli("report --db " + db + " --format csv -o " + fifo);
    const std::string got = reader.finish();
    CHECK(r.exitCode == 0);
    CHECK(contains(got, "Anna"));
    CHECK(fs::is_fifo(fifo));

    // The same for import.
    FifoReader scenario(fifo);
    const Run i = cli("import " + kTwee + " -o " + fifo);
    CHECK(scenario.finish().rfind("{\n  \"format\": \"rapport-scenario/1\"", 0) == 0);
    CHECK(i.exitCode == 0);
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("-o to a device is written in place, its error reported with the OS reason") {
    TempDir dir;
    const std::string db = recordedDatabase(dir);
    Run r = cli("report --db " + db + " --format csv -o /dev/null");
    CHECK(r.exitCode == 0);
    if (fs::exists("/dev/full")) {
        r = cli("report --db " + db + " --format csv -o /dev/full");
        CHECK(r.exitCode == 2);
        CHECK(r.err == "rapport report: cannot write /dev/full: No space left on device\n");
        CHECK(fs::is_character_file("/dev/full"));
    }
    // A folder is never written, nor replaced.
    r = cli("report --db " + db + " --format csv -o " + dir.path().string());
    CHECK(r.exitCode == 2);
    CHECK(r.err == "rapport report: cannot write " + dir.path().string() +
                       ": it is a directory; give the path of a regular file\n");
    // A missing folder: the OS reason, the same exit code.
    r = cli("import " + kTwee + " -o " + dir.file("no/such/folder.json"));
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "rapport import: cannot write " + dir.file("no/such/folder.json") +
                              ": No such file or directory\n"));
}

TEST_CASE("a FIFO as input is refused at once by every verb that reads a file") {
    TempDir dir;
    const std::string fifo = dir.file("story.json");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string why =
        "cannot read " + fifo + ": it is a FIFO (named pipe), not a regular file";
    // No writer ever opens the FIFO: a verb that opened it blocking would hang (and time out).
    for (const std::string verb : {"validate", "analyze", "play", "import", "score"}) {
        CAPTURE(verb);
        const Run r = cli(verb + " " + fifo + (verb == "import" ? " -o -" : ""));
        CHECK(r.exitCode == 2);
        CHECK(contains(r.out + r.err, fifo + ":0:0: error: " + why + " [RAP0001]"));
    }
    const Run r = cli("validate /dev/zero");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "cannot read /dev/zero: it is a character device, not a regular file"));
}

TEST_CASE("score: a transcript over the limit is refused before it is read") {
    TempDir dir;
    const std::string big = dir.file("big.json");
    REQUIRE(writeText(big, "{"));
    fs::resize_file(big, 1024u * 1024u * 1024u);  // sparse: no 1 GiB is written
    const Run r = cli("score " + big);
    CHECK(r.exitCode == 1);
    CHECK(r.err == big +
                       ":0:0: error: file is too large: 1 GiB (1,073,741,824 bytes); the limit "
                       "is 16 MiB (16,777,216 bytes) [RAP0002]\n"
                       "rapport score: " +
                       big + " cannot be scored (see above)\n");
}

TEST_CASE("score: a broken transcript gets a located diagnostic, not a parser exception") {
    TempDir dir;
    const std::string t = dir.file("t.json");
    REQUIRE(writeText(t, "{\"scenario\": {\"id\": \"x\"},\n  \"transcript\": [1, 2,]\n}\n"));
    Run r = cli("score " + t);
    CHECK(r.exitCode == 1);
    CHECK(r.err.rfind(t + ":2:22: error: syntax error", 0) == 0);
    CHECK(contains(r.err, "[RAP0004]\nrapport score: " + t + " cannot be scored (see above)\n"));
    CHECK_FALSE(contains(r.err, "parse_error"));

    REQUIRE(writeText(t, "{\"scenario\": \"\xff\"}"));
    r = cli("score " + t);
    CHECK(r.exitCode == 1);
    CHECK(r.err.rfind(t + ":1:15: error: invalid UTF-8 byte 0xFF", 0) == 0);
}

TEST_CASE("too large means exit 1 in validate, import and score alike") {
    TempDir dir;
    for (const std::string name : {"big.json", "big.twee"}) {
        const std::string big = dir.file(name);
        REQUIRE(writeText(big, "x"));
        fs::resize_file(big, 17u * 1024u * 1024u);
    }
    const std::string message =
        ":0:0: error: file is too large: 17 MiB (17,825,792 bytes); the "
        "limit is 16 MiB (16,777,216 bytes) [RAP0002]";
    Run r = cli("validate " + dir.file("big.json"));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, dir.file("big.json") + message));
    r = cli("import " + dir.file("big.twee") + " -o " + dir.file("out.json"));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, dir.file("big.twee") + message));
    CHECK_FALSE(fs::exists(dir.file("out.json")));
}

TEST_CASE("control characters from a file reach the terminal escaped, one diagnostic per line") {
    const std::string file = kFixtures + "/terminal/control-chars.json";
    const Run r = cli("validate " + file);
    CHECK(r.exitCode == 1);
    CHECK_FALSE(contains(r.out, "\x1b"));
    CHECK_FALSE(contains(r.out, "\x07"));
    CHECK(r.out.find('\0') == std::string::npos);
    CHECK(contains(r.out, "unknown key \"\\x1b[2J\\x07clear\""));
    // The NUL no longer cuts the line: its code and pointer follow.
    CHECK(contains(r.out, "\"wi\\x00n\""));
    for (std::size_t start = 0, end; (end = r.out.find('\n', start)) != std::string::npos;
         start = end + 1) {
        const std::string line = r.out.substr(start, end - start);
        CAPTURE(line);
        CHECK(line.rfind(file + ":", 0) == 0);
        CHECK(contains(line, "[RAP"));
    }
}

TEST_CASE("play shows a scenario's control characters escaped and keeps its line breaks") {
    const std::string file = kFixtures + "/terminal/control-text.json";
    Run r = cli("play " + file + " --choices 1");
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("Control \\x1b]0;owned\\x07 text (fixture-control-text 1.0.0)\n", 0) == 0);
    CHECK(contains(r.out, "1. [open] Hello\\x1b[2J there\nsecond line \\x00 after NUL\n"));
    CHECK(contains(r.out, "   > 1. Good \\x07morning."));
    CHECK_FALSE(contains(r.out, "\x1b"));
    CHECK_FALSE(contains(r.out, "\x07"));

    r = cli("play " + file + " --seed 0", "1\n");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "Anna: Hello\\x1b[2J there\nsecond line \\x00 after NUL\n"));
    CHECK(contains(r.out, "  1. Good \\x07morning.\n"));
    CHECK_FALSE(contains(r.out, "\x1b"));
}

TEST_CASE("validate checks a competence framework file as a framework") {
    const std::string bundled =
        std::string(RAPPORT_SOURCE_DIR) + "/assets/competencies/account-manager.json";
    Run r = cli("validate " + bundled);
    CHECK(r.exitCode == 0);
    CHECK(r.out == "");
    CHECK(r.err == bundled + ": valid competence framework (0 errors, 0 warnings)\n");

    TempDir dir;
    const std::string broken = dir.file("framework.json");
    std::string text = readText(bundled);
    const auto id = text.find("\"id\"");
    REQUIRE(id != std::string::npos);
    text.replace(id, 4, "\"idd\"");
    REQUIRE(writeText(broken, text));
    r = cli("validate " + broken);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "unknown key \"idd\""));
    CHECK(contains(r.err, "invalid competence framework"));

    // A verb that needs a scenario says which verbs take a framework.
    r = cli("play " + bundled + " --choices 1");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err,
                   "this is a competence framework (\"rapport-framework/1\"), not a "
                   "scenario: 'rapport validate FILE' checks it and 'rapport score "
                   "--framework FILE' uses it"));
}
