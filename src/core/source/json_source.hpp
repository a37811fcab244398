// Reading human-written JSON with positions. nlohmann/json 3.11 gives byte offsets for syntax
// errors but no positions for values, so this scans the text once more to map every JSON
// pointer to the line and column where its value (and its key) starts.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/source/json_tree.hpp"

namespace rapport {

// Bounds that keep hostile files from exhausting memory or the stack.
inline constexpr std::size_t kMaxSourceBytes = 16u * 1024u * 1024u;
inline constexpr int kMaxJsonDepth = 64;

class SourceMap {
public:
    SourceMap() = default;
    // A map built on first use from `text`: most files load without a single diagnostic, and
    // mapping every pointer of a large file costs several times nlohmann's parse itself.
    // Lazy building makes lookups non-const inside; a SourceMap is not shared across threads.
    explicit SourceMap(std::shared_ptr<const std::string> text) : text_(std::move(text)) {}

    // Position of the value at `pointer`; for an object member, where its value starts.
    // Falls back to the nearest enclosing value that is known; {0,0} if nothing is.
    SourcePosition valuePosition(std::string_view pointer) const;
    // Position of the member's key (for "unknown key" diagnostics); falls back to the value.
    SourcePosition keyPosition(std::string_view pointer) const;

    void setValue(std::string pointer, SourcePosition p) {
        mutableTables().values[std::move(pointer)] = p;
    }
    void setKey(std::string pointer, SourcePosition p) {
        mutableTables().keys[std::move(pointer)] = p;
    }
    std::size_t size() const { return tables().values.size(); }
    // Records a key's position unless the pointer already has one; false if it had (a duplicate).
    bool addKey(std::string pointer, SourcePosition p) {
        return mutableTables().keys.try_emplace(std::move(pointer), p).second;
    }
    void reserve(std::size_t values, std::size_t keys) {
        mutableTables().values.reserve(values);
        mutableTables().keys.reserve(keys);
    }
    // Exact lookups, no fallback.
    bool hasValue(std::string_view pointer) const;
    bool hasKey(std::string_view pointer) const;
    // True once the tables exist (built eagerly, or lazily by a lookup).
    bool built() const { return tables_ != nullptr; }

private:
    struct Tables {
        std::unordered_map<std::string, SourcePosition> values;
        std::unordered_map<std::string, SourcePosition> keys;
    };
    const Tables& tables() const;
    Tables& mutableTables();

    // The first few lookups scan the text for their one pointer (a file with a diagnostic or two
    // should not pay for mapping every value: half a second on a 15 MB scenario); after that the
    // tables are built once, so a file with many diagnostics is not scanned once per diagnostic.
    static constexpr int kDirectLookups = 16;

    std::shared_ptr<const std::string> text_;
    // Shared, so copying a Scenario (which keeps its map) does not copy the tables.
    mutable std::shared_ptr<Tables> tables_;
    mutable int directLookups_ = 0;
};

// Converts a byte offset in `text` to a 1-based line and column (column in code points; a tab is
// one column; "\r\n" is one line break; a leading UTF-8 BOM takes no column).
SourcePosition positionAt(std::string_view text, std::size_t byteOffset);

// Escapes a key for use as a JSON pointer token (~ -> ~0, / -> ~1).
std::string pointerToken(std::string_view key);

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

// Reads at most kMaxSourceBytes from `path`, for every reader of author files (scenarios,
// frameworks, Twine stories), so all refuse the same files the same way. On failure returns
// nothing and adds RAP0001 (unreadable, with the reason) or RAP0002 (too large).
std::optional<std::string> readSourceFile(const std::string& path, DiagnosticList& diags);

// Reads and parses `path`. Comments (// and /* */) are allowed. On failure returns nothing and
// adds located diagnostics: unreadable file (RAP0001), too large (RAP0002), invalid UTF-8
// (RAP0003), syntax error (RAP0004), nesting too deep (RAP0005).
std::optional<JsonDocument> readJsonFile(const std::string& path, DiagnosticList& diags);

// The same for text already in memory; `name` is used as the diagnostics' file name.
std::optional<JsonDocument> parseJsonText(std::string text, const std::string& name,
                                          DiagnosticList& diags);

}  // namespace rapport
