// Where each value and key of a JSON document starts, by JSON pointer. nlohmann/json 3.11 gives
// byte offsets for syntax errors but no positions for values, so this scans the text once more
// (lazily: most files load without a single diagnostic).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"

namespace rapport {

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

// Escapes a key for use as a JSON pointer token (~ -> ~0, / -> ~1).
std::string pointerToken(std::string_view key);

// One pass over text the parser has already accepted (so it is well-formed and at most
// kMaxJsonDepth deep), recording in `map` where every value and key starts; `bom` is the length
// of a leading byte order mark. When given, the pointers and positions of keys that repeat an
// earlier key of their object are appended to the two lists (earlier positions win in the map).
// Iterative, linear.
void buildSourceMap(std::string_view text, std::size_t bom, SourceMap& map,
                    std::vector<std::string>* duplicateKeys,
                    std::vector<SourcePosition>* duplicateKeyPositions);

}  // namespace rapport
