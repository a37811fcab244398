// readBoundedFile: regular files only, never blocking, the limit checked before reading.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/files/bounded_read.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using rapport::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("bounded read: a regular file up to the limit is read whole") {
    TempDir dir;
    const std::string f = dir.file("a.txt");
    REQUIRE(test::writeText(f, std::string("ab\0c", 4)));
    BoundedRead r = readBoundedFile(f, 4);
    REQUIRE(r);
    CHECK(r.text == std::string("ab\0c", 4));
    CHECK(r.message.empty());

    r = readBoundedFile(f, 3);
    CHECK(r.problem == BoundedRead::Problem::TooLarge);
    CHECK(r.text.empty());
    CHECK(r.message == f + " is too large: 4 bytes; the limit is 3 bytes");
    CHECK(r.reason == "too large: 4 bytes; the limit is 3 bytes");
}

TEST_CASE("bounded read: a huge sparse file is refused from its size, without reading it") {
    TempDir dir;
    const std::string f = dir.file("huge");
    REQUIRE(test::writeText(f, "x"));
    fs::resize_file(f, 64ull * 1024 * 1024 * 1024);  // 64 GiB, sparse
    const BoundedRead r = readBoundedFile(f, 16u * 1024u * 1024u);
    CHECK(r.problem == BoundedRead::Problem::TooLarge);
    CHECK(r.reason ==
          "too large: 64 GiB (68,719,476,736 bytes); the limit is 16 MiB (16,777,216 bytes)");
}

TEST_CASE("bounded read: FIFOs, devices, sockets and folders are refused at once") {
    TempDir dir;
    const std::string fifo = dir.file("fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // No writer: a blocking open would never return.
    BoundedRead r = readBoundedFile(fifo, 100);
    CHECK(r.problem == BoundedRead::Problem::Unreadable);
    CHECK(r.message == "cannot read " + fifo + ": it is a FIFO (named pipe), not a regular file");

    r = readBoundedFile("/dev/zero", 100);
    CHECK(r.message == "cannot read /dev/zero: it is a character device, not a regular file");

    r = readBoundedFile(dir.path().string(), 100);
    CHECK(r.reason == "it is a directory, not a regular file");

    const std::string sock = dir.file("s");
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, sock.c_str(), sizeof addr.sun_path - 1);
    if (sock.size() < sizeof addr.sun_path &&
        ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        r = readBoundedFile(sock, 100);
        CHECK(r.problem == BoundedRead::Problem::Unreadable);
        // A socket cannot be open()ed: the OS says so.
        CHECK(r.systemError == ENXIO);
    }
    ::close(fd);

    r = readBoundedFile(dir.file("missing"), 100);
    CHECK(r.systemError == ENOENT);
    CHECK(r.message == "cannot read " + dir.file("missing") + ": No such file or directory");
}
