#include "app/author/author_file.hpp"

#include <sys/stat.h>

#include "core/files/bounded_read.hpp"
#include "core/files/safe_output.hpp"
#include "core/source/json_source.hpp"

namespace rapport::app {

FileStamp fileStamp(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return {std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
            std::uintmax_t(st.st_size), true};
}

std::optional<std::string> readTextFile(const std::string& path, std::string& error) {
    // The limit is the loader's: a larger file could not be checked anyway.
    BoundedRead read = readBoundedFile(path, kMaxSourceBytes);
    if (!read) {
        error = read.message;
        return std::nullopt;
    }
    return std::move(read.text);
}

bool writeTextFileAtomically(const std::string& path, const std::string& text, std::string& error) {
    if (const OutputWrite w = writeOutputFile(path, text); !w) {
        error = "cannot save " + path + ": " + w.reason;
        return false;
    }
    return true;
}

}  // namespace rapport::app
