// UTF-8 as every reader of author files (scenarios, frameworks, Twine stories) checks and writes
// it, so all of them accept and refuse the same bytes and count columns the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

struct InvalidUtf8 {
    std::size_t offset;  // the byte that starts the bad sequence
    const char* reason;  // e.g. "overlong encoding", for the diagnostic
};

// The first byte at or after `from` that breaks well-formed UTF-8 (Unicode Table 3-7: no
// overlong forms, surrogates or code points above U+10FFFF), or nothing when the text is valid.
std::optional<InvalidUtf8> findInvalidUtf8(std::string_view text, std::size_t from = 0);

// Appends the UTF-8 encoding of `codePoint` (at most U+10FFFF; callers replace what they refuse).
void appendUtf8(std::string& out, std::uint32_t codePoint);

// The longest prefix of `text` of at most `maxBytes` bytes that does not cut a UTF-8 sequence:
// for a shortened quote that must stay valid UTF-8 (JSON output refuses anything else).
std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes);

// Number of code points in `text` (which is valid UTF-8): the column width diagnostics count.
std::size_t codePointCount(std::string_view text);

}  // namespace rapport
