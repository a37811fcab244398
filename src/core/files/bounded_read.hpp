// The one way Rapport reads a file it is given (scenarios, frameworks, transcripts, Twine
// stories, portraits, app settings): never blocks, never reads more than a limit, and says why
// in words a trainer understands when it refuses.
#pragma once

#include <cstddef>
#include <string>

namespace rapport {

struct BoundedRead {
    enum class Problem {
        None,
        Unreadable,  // missing, no permission, a directory, FIFO, device or socket, read error
        TooLarge,    // more than the limit (checked from the size before reading, and while)
    };
    Problem problem = Problem::None;
    std::string text;     // the whole file when problem is None
    std::string message;  // "cannot read PATH: REASON" or "PATH is too large: …"; empty if fine
    std::string reason;   // the message without the path: "No such file or directory",
                          // "too large: 17.0 MiB (17,825,792 bytes); the limit is 16 MiB (…)"
    int systemError = 0;  // errno when the system refused (ENOENT for a missing file), else 0
    explicit operator bool() const { return problem == Problem::None; }
};

// Reads all of `path` if it is a regular file of at most `limit` bytes. The file is opened with
// O_NONBLOCK, so a FIFO without a writer (or a device) cannot make the read hang; it is then
// refused as not a regular file, as are directories and sockets. The size is checked from
// fstat before anything is read, and reading stops one byte past `limit` in case the file
// grows meanwhile. Every message names the file and, for system errors, the OS reason.
BoundedRead readBoundedFile(const std::string& path, std::size_t limit);

// "a FIFO (named pipe)", "a directory", … for a st_mode that is not a regular file.
std::string fileKindName(unsigned mode);

}  // namespace rapport
