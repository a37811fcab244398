// writeOutputFile: never onto an input, never replacing anything but a regular file, atomic.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "core/files/safe_output.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using rapport::test::readText;
using rapport::test::TempDir;
using rapport::test::writeText;
namespace fs = std::filesystem;

TEST_CASE("safe output: a new or existing regular file is replaced whole") {
    TempDir dir;
    const std::string f = dir.file("out.txt");
    REQUIRE(writeOutputFile(f, "one"));
    CHECK(readText(f) == "one");
    CHECK((fs::status(f).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
           fs::perms::others_read));
    fs::permissions(f, fs::perms::owner_read | fs::perms::owner_write);
    REQUIRE(writeOutputFile(f, "two"));
    CHECK(readText(f) == "two");
    CHECK((fs::status(f).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("safe output: an input of the command is refused by device and inode") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    REQUIRE(writeText(db, "SQLite format 3"));
    REQUIRE(writeText(db + "-wal", "wal"));
    for (const std::string& target : {db, db + "-wal"}) {
        const OutputWrite w = writeOutputFile(target, "csv", databaseFiles(db));
        CHECK(w.problem == OutputWrite::Problem::Refused);
        CHECK(w.message ==
              "cannot write " + target + ": it is an input of this command; choose another file");
    }
    fs::create_hard_link(db, dir.file("other-name"));
    const OutputWrite w = writeOutputFile(dir.file("other-name"), "csv", databaseFiles(db));
    CHECK(w.problem == OutputWrite::Problem::Refused);
    CHECK(w.reason ==
          "it is the same file as " + db + ", an input of this command; choose another file");
    CHECK(readText(db) == "SQLite format 3");
    CHECK(readText(db + "-wal") == "wal");
    // Inputs that do not exist are no obstacle.
    CHECK(writeOutputFile(dir.file("new.csv"), "x", {dir.file("missing")}));
}

TEST_CASE("safe output: a symlink is followed, the link kept; a dangling one refused") {
    TempDir dir;
    fs::create_directory(dir.file("sub"));
    const std::string real = dir.file("sub/real.txt");
    REQUIRE(writeText(real, "old"));
    fs::create_symlink(real, dir.file("link"));
    REQUIRE(writeOutputFile(dir.file("link"), "new"));
    CHECK(fs::is_symlink(dir.file("link")));
    CHECK(readText(real) == "new");
    // The temporary file went beside the target, and is gone.
    CHECK(std::distance(fs::directory_iterator(dir.file("sub")), fs::directory_iterator()) == 1);

    // A link onto an input is the input.
    const OutputWrite in = writeOutputFile(dir.file("link"), "x", {real});
    CHECK(in.problem == OutputWrite::Problem::Refused);

    fs::create_symlink(dir.file("nothing"), dir.file("dangling"));
    const OutputWrite w = writeOutputFile(dir.file("dangling"), "x");
    CHECK(w.problem == OutputWrite::Problem::Refused);
    CHECK(fs::is_symlink(dir.file("dangling")));
    CHECK_FALSE(fs::exists(dir.file("nothing")));
}

TEST_CASE("safe output: FIFOs and character devices are written in place, folders refused") {
    TempDir dir;
    const std::string fifo = dir.file("fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string got;
    std::thread reader([&] { got = readText(fifo); });
    const OutputWrite w = writeOutputFile(fifo, "through the pipe");
    if (!w)  // unblock the reader before failing
        if (const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK); fd >= 0) ::close(fd);
    reader.join();
    CHECK(w);
    CHECK(got == "through the pipe");
    CHECK(fs::is_fifo(fifo));

    CHECK(writeOutputFile("/dev/null", "gone"));
    if (fs::exists("/dev/full")) {
        const OutputWrite full = writeOutputFile("/dev/full", "x");
        CHECK(full.problem == OutputWrite::Problem::Failed);
        CHECK(full.message == "cannot write /dev/full: No space left on device");
        CHECK(fs::is_character_file("/dev/full"));
    }
    const OutputWrite folder = writeOutputFile(dir.path().string(), "x");
    CHECK(folder.problem == OutputWrite::Problem::Refused);
    CHECK(folder.reason == "it is a directory; give the path of a regular file");
    const OutputWrite missing = writeOutputFile(dir.file("no/such.txt"), "x");
    CHECK(missing.problem == OutputWrite::Problem::Failed);
    CHECK(missing.reason == "No such file or directory");
}
