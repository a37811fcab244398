// Syntax errors of JSON author files in plain words: nlohmann's parse failure (a byte offset and
// a technical message) turned into a message at the character a person has to fix.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rapport {

struct SyntaxError {
    std::size_t offset;   // byte of the offending character, for the diagnostic's position
    std::string message;  // "syntax error: …" in plain words
};

// Turns nlohmann's parse_error (its byte and message) into a message in plain words at the
// offending character. `bom` is the length of a leading byte order mark in `text`.
SyntaxError describeSyntaxError(std::string_view text, std::size_t bom, std::size_t byte,
                                std::string_view what);

// Offset of the first token equal to `word` outside strings and comments (bom if none).
std::size_t findWord(std::string_view text, std::size_t bom, std::string_view word);

}  // namespace rapport
