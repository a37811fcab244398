#include "core/files/safe_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/files/bounded_read.hpp"

namespace rapport {

namespace {

namespace fs = std::filesystem;
using P = OutputWrite::Problem;

OutputWrite problem(P p, const std::string& path, const std::string& reason) {
    OutputWrite w;
    w.problem = p;
    w.message = "cannot write " + path + ": " + reason;
    w.reason = reason;
    return w;
}

// Writes all of `text` to `fd`; errno is kept on failure.
bool writeAll(int fd, std::string_view text) {
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) {
            errno = ENOSPC;
            return false;
        }
        p += n;
        left -= std::size_t(n);
    }
    return true;
}

OutputWrite writeInPlace(const std::string& path, std::string_view text) {
    // No O_CREAT, no O_TRUNC: the FIFO or device is used as it is, never replaced.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return problem(P::Failed, path, std::strerror(errno));
    if (!writeAll(fd, text)) {
        const int err = errno;
        ::close(fd);
        return problem(P::Failed, path, std::strerror(err));
    }
    if (::close(fd) != 0) return problem(P::Failed, path, std::strerror(errno));
    return {};
}

OutputWrite replaceRegular(const std::string& shown, const fs::path& target, std::string_view text,
                           const struct stat* existing) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) return problem(P::Failed, shown, std::strerror(errno));
    const auto fail = [&](int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return problem(P::Failed, shown, std::strerror(err));
    };
    // mkstemp makes the file private (0600); a replaced file keeps its mode, a new one gets the
    // usual rw-r--r--.
    if (::fchmod(fd, existing ? (existing->st_mode & 07777) : 0644) != 0) return fail(errno);
    if (!writeAll(fd, text)) return fail(errno);
    // fsync reports a delayed write error (a full disk on some file systems) before the rename.
    if (::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return problem(P::Failed, shown, std::strerror(err));
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return problem(P::Failed, shown, std::strerror(err));
    }
    // The rename itself is durable once the folder is synced.
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

}  // namespace

std::vector<std::string> databaseFiles(const std::string& path) {
    return {path, path + "-wal", path + "-shm", path + "-journal"};
}

OutputWrite writeOutputFile(const std::string& path, std::string_view text,
                            const std::vector<std::string>& inputs) {
    if (path.empty()) return problem(P::Refused, "\"\"", "no file name given");
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0) {
        if (errno != ENOENT) return problem(P::Failed, path, std::strerror(errno));
        // A new file: nothing to protect, no link to follow.
        return replaceRegular(path, fs::path(path), text, nullptr);
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (S_ISLNK(link.st_mode) && errno == ENOENT)
            return problem(P::Refused, path,
                           "it is a symbolic link to a file that does not exist; give the "
                           "target's own path");
        return problem(P::Failed, path, std::strerror(errno));
    }
    for (const auto& input : inputs) {
        struct stat in {};
        if (::stat(input.c_str(), &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino)
            return problem(P::Refused, path,
                           input == path ? "it is an input of this command; choose another file"
                                         : "it is the same file as " + input +
                                               ", an input of this command; choose another file");
    }
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return writeInPlace(path, text);
    if (!S_ISREG(st.st_mode))
        return problem(P::Refused, path,
                       "it is " + fileKindName(st.st_mode) + "; give the path of a regular file");
    if (!S_ISLNK(link.st_mode)) return replaceRegular(path, fs::path(path), text, &st);
    // Follow the link: the file it points to is replaced beside itself, the link is kept.
    char resolved[PATH_MAX];
    if (!::realpath(path.c_str(), resolved)) return problem(P::Failed, path, std::strerror(errno));
    return replaceRegular(path, fs::path(resolved), text, &st);
}

}  // namespace rapport
