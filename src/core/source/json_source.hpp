// Reading human-written JSON with positions: the bounded file read every author-file reader
// shares, and parsing into a JsonTree with its SourceMap (source_map.hpp) and located
// diagnostics for files that cannot be read or parsed (json_syntax_error.hpp words them).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/source/json_tree.hpp"
#include "core/source/line_index.hpp"  // positionAt, for callers of this header
#include "core/source/source_map.hpp"

namespace rapport {

// Bounds that keep hostile files from exhausting memory or the stack.
inline constexpr std::size_t kMaxSourceBytes = 16u * 1024u * 1024u;
inline constexpr int kMaxJsonDepth = 64;

struct JsonDocument {
    JsonTree tree;
    SourceMap map;
    std::shared_ptr<const std::string> text;  // the bytes read, for hashing; shared with the map
    const JsonValue& root() const { return tree.root(); }
    // Pointers of object members whose key repeats an earlier key of the same object, one entry
    // per repetition, with the repeated key's position. The tree's lookups see the last value;
    // the map keeps the first occurrence's positions.
    std::vector<std::string> duplicateKeys;
    std::vector<SourcePosition> duplicateKeyPositions;
};

// Reads at most kMaxSourceBytes from `path` with readBoundedFile (core/files/bounded_read.hpp),
// for every reader of author files (scenarios, frameworks, Twine stories, transcripts), so all
// refuse the same files the same way, FIFOs and devices without blocking. On failure returns
// nothing and adds RAP0001 (unreadable or not a regular file, with the reason) or RAP0002 (too
// large, with the size and the limit).
std::optional<std::string> readSourceFile(const std::string& path, DiagnosticList& diags);

// Reads and parses `path`. Comments (// and /* */) are allowed. On failure returns nothing and
// adds located diagnostics: unreadable file (RAP0001), too large (RAP0002), invalid UTF-8
// (RAP0003), syntax error (RAP0004), nesting too deep (RAP0005).
std::optional<JsonDocument> readJsonFile(const std::string& path, DiagnosticList& diags);

// The same for text already in memory; `name` is used as the diagnostics' file name.
std::optional<JsonDocument> parseJsonText(std::string text, const std::string& name,
                                          DiagnosticList& diags);

}  // namespace rapport
