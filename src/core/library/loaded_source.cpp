#include "core/library/loaded_source.hpp"

#include "core/files/bounded_read.hpp"
#include "core/source/json_source.hpp"
#include "core/source/sha256.hpp"

namespace rapport {

std::optional<std::string> loadedSourceText(const LibraryEntry& entry) {
    if (!entry.scenario) return std::nullopt;
    BoundedRead read = readBoundedFile(entry.path, kMaxSourceBytes);
    if (!read || sha256Hex(read.text) != entry.scenario->contentHash) return std::nullopt;
    return std::move(read.text);
}

}  // namespace rapport
