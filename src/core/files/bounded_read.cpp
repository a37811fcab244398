#include "core/files/bounded_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/text/number_format.hpp"

namespace rapport {

namespace {

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

BoundedRead failure(BoundedRead::Problem problem, const std::string& path, std::string reason) {
    BoundedRead r;
    r.problem = problem;
    r.message = problem == BoundedRead::Problem::TooLarge ? path + " is " + reason
                                                          : "cannot read " + path + ": " + reason;
    r.reason = std::move(reason);
    return r;
}

}  // namespace

std::string fileKindName(unsigned mode) {
    switch (mode & S_IFMT) {
        case S_IFDIR:
            return "a directory";
        case S_IFIFO:
            return "a FIFO (named pipe)";
        case S_IFCHR:
            return "a character device";
        case S_IFBLK:
            return "a block device";
        case S_IFSOCK:
            return "a socket";
        case S_IFLNK:
            return "a symbolic link";
        case S_IFREG:
            return "a regular file";
    }
    return "not a regular file";
}

BoundedRead readBoundedFile(const std::string& path, std::size_t limit) {
    using P = BoundedRead::Problem;
    const auto cannotRead = [&](const std::string& reason) {
        return failure(P::Unreadable, path, reason);
    };
    const auto systemFailure = [&](int err) {
        BoundedRead r = failure(P::Unreadable, path, std::strerror(err));
        r.systemError = err;
        return r;
    };
    const auto tooLarge = [&](const std::string& size) {
        return failure(P::TooLarge, path,
                       "too large: " + size + "; the limit is " + byteSize(limit));
    };
    Fd file;
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    file.fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (file.fd < 0) return systemFailure(errno);
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) return systemFailure(errno);
    if (!S_ISREG(st.st_mode))
        return cannotRead("it is " + fileKindName(st.st_mode) + ", not a regular file");
    if (st.st_size < 0 || std::uintmax_t(st.st_size) > limit)
        return tooLarge(byteSize(std::uintmax_t(st.st_size)));
    // Back to blocking reads: on a regular file O_NONBLOCK means nothing, but keep it honest.
    ::fcntl(file.fd, F_SETFL, ::fcntl(file.fd, F_GETFL) & ~O_NONBLOCK);

    BoundedRead r;
    r.text.reserve(std::size_t(st.st_size));
    char buffer[1 << 16];
    while (r.text.size() <= limit) {
        const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            return systemFailure(errno);
        }
        if (n == 0) break;
        r.text.append(buffer, std::size_t(n));
    }
    if (r.text.size() > limit) return tooLarge("more than " + byteSize(limit) + " (it grew)");
    return r;
}

}  // namespace rapport
