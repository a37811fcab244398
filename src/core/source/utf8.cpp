#include "core/source/utf8.hpp"

#include <algorithm>
#include <cstring>

namespace rapport {

namespace {

bool isContinuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

}  // namespace

std::optional<InvalidUtf8> findInvalidUtf8(std::string_view t, std::size_t i) {
    while (i < t.size()) {
        // Author files are mostly ASCII: skip it eight bytes at a time.
        while (i + 8 <= t.size()) {
            std::uint64_t word;
            std::memcpy(&word, t.data() + i, sizeof word);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= t.size()) break;
        const auto c = static_cast<unsigned char>(t[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else if (isContinuation(c)) {
            return InvalidUtf8{i, "continuation byte without a lead byte"};
        } else if (c == 0xC0 || c == 0xC1) {
            return InvalidUtf8{i, "overlong encoding"};
        } else {
            return InvalidUtf8{i, "never valid in UTF-8"};
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= t.size() || !isContinuation(static_cast<unsigned char>(t[i + k])))
                return InvalidUtf8{i, "incomplete multi-byte sequence"};
        }
        const auto second = static_cast<unsigned char>(t[i + 1]);
        if (second < lo) return InvalidUtf8{i, "overlong encoding"};
        if (second > hi)
            return InvalidUtf8{
                i, c == 0xED ? "encodes a UTF-16 surrogate" : "code point above U+10FFFF"};
        i += length;
    }
    return std::nullopt;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t codePointCount(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return !isContinuation(static_cast<unsigned char>(c));
    }));
}

std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t cut = maxBytes;
    // Back off continuation bytes (10xxxxxx) so the cut lands before a sequence's first byte.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) --cut;
    return text.substr(0, cut);
}

}  // namespace rapport
