// The author workspace's file I/O: reading a scenario's text, saving it atomically, and a cheap
// stamp (modification time and size) to notice when a text editor saved the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rapport::app {

struct FileStamp {
    std::int64_t mtimeNs = 0;
    std::uintmax_t size = 0;
    bool exists = false;
    bool operator==(const FileStamp&) const = default;
};

FileStamp fileStamp(const std::string& path);

// The file's bytes (a regular file of at most 16 MiB, read without blocking:
// core/files/bounded_read.hpp), or nullopt with the reason in `error`.
std::optional<std::string> readTextFile(const std::string& path, std::string& error);

// Writes `text` to a temporary file beside `path`, flushes it to disk and renames it over `path`,
// so a crash or a full disk never leaves a half-written scenario (core/files/safe_output.hpp: a
// symlink is followed, a FIFO or device written in place). False with the reason in `error`.
bool writeTextFileAtomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace rapport::app
