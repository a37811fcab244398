// Stepping over the tokens of JSON-with-comments text, for the tools that work on an author's
// own text rather than on parsed values: mapping pointers to line:column (json_source) and
// splicing edits into a file so its layout and comments survive (json_text_edit). Both must
// skip exactly what nlohmann's lexer skips with ignore_comments.
#pragma once

#include <cstddef>
#include <string_view>

namespace rapport {

bool isJsonSpace(char c);

// Offset of the next token at or after `i`, past whitespace and // and /* */ comments; an
// unterminated block comment runs to the end.
std::size_t skipJsonSpace(std::string_view t, std::size_t i);

// Offset just past the closing quote of the string opening at `i` (the end if unterminated).
std::size_t skipJsonString(std::string_view t, std::size_t i);

// Offset just past the string, number or literal starting at `i`.
std::size_t skipJsonScalar(std::string_view t, std::size_t i);

}  // namespace rapport
