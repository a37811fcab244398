#include "core/twine/twine_story.hpp"

#include <algorithm>
#include <string_view>

#include "core/twine/twine_source.hpp"

namespace rapport {

SourcePosition TwinePassage::positionOf(std::size_t offset) const {
    if (lineOffsets.empty()) return header;
    const auto it = std::upper_bound(lineOffsets.begin(), lineOffsets.end(), offset);
    const std::size_t i =
        it == lineOffsets.begin() ? 0 : static_cast<std::size_t>(it - lineOffsets.begin()) - 1;
    const std::size_t from = lineOffsets[i];
    const std::size_t to = std::min(offset, text.size());
    SourcePosition p = lineStarts[i];
    p.column += static_cast<int>(
        codePointCount(std::string_view(text).substr(from, to > from ? to - from : 0)));
    return p;
}

}  // namespace rapport
