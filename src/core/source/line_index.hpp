// The one rule that turns a byte offset in an author file into the line:column a diagnostic
// shows, for every reader (JSON scenarios and frameworks, Twine HTML and Twee): lines and columns
// are 1-based; '\n' ends a line (so "\r\n" is one break and '\r' is a column like any other);
// a column is one code point (a tab is one, as gcc counts); a leading UTF-8 byte order mark
// takes no column. Two ways to ask, the same answers: PositionCursor for offsets that only grow
// (one pass over a whole document), LineIndex for offsets in any order.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"

namespace rapport {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// 3 when `text` starts with a UTF-8 byte order mark, else 0.
inline std::size_t utf8BomLength(std::string_view text) {
    return text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
}

// Walks forward through the text keeping line and column, so that mapping the positions of a
// whole document costs one pass instead of one pass per value.
class PositionCursor {
public:
    explicit PositionCursor(std::string_view text) : text_(text), offset_(utf8BomLength(text)) {}

    // Position of the byte at `offset` (clamped to the end). Offsets must not decrease between
    // calls.
    SourcePosition at(std::size_t offset) {
        if (offset > text_.size()) offset = text_.size();
        for (; offset_ < offset; ++offset_) {
            const auto c = static_cast<unsigned char>(text_[offset_]);
            if (c == '\n') {
                ++line_;
                column_ = 1;
            } else if ((c & 0xC0u) != 0x80u) {
                ++column_;  // a UTF-8 continuation byte is no new column
            }
        }
        return {line_, column_};
    }

private:
    std::string_view text_;
    std::size_t offset_;
    int line_ = 1;
    int column_ = 1;
};

// Line starts of a text, for positions asked in any order (the Twine readers report problems as
// they find them, not in file order). Keeps a view of `text`: the text must outlive the index.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    // Position of the byte at `offset` (clamped to the end).
    SourcePosition at(std::size_t offset) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

// Position of the byte at `byteOffset` in `text`: one forward pass, for a single lookup.
SourcePosition positionAt(std::string_view text, std::size_t byteOffset);

}  // namespace rapport
