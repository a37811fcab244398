#include "core/source/line_index.hpp"

#include <algorithm>

#include "core/source/utf8.hpp"

namespace rapport {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
        starts_.push_back(i + 1);
}

SourcePosition LineIndex::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
    // The byte order mark is no character of the first line, nor is any byte of it.
    const std::size_t from = line == 1 ? std::min(utf8BomLength(text_), offset) : starts_[line - 1];
    return {static_cast<int>(line),
            static_cast<int>(codePointCount(text_.substr(from, offset - from))) + 1};
}

SourcePosition positionAt(std::string_view text, std::size_t byteOffset) {
    return PositionCursor(text).at(byteOffset);
}

}  // namespace rapport
