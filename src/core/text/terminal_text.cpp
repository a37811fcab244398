#include "core/text/terminal_text.hpp"

#include <cstdio>

#include "core/source/utf8.hpp"

namespace rapport {

namespace {

void hexEscape(std::string& out, const char* prefix, unsigned value, int digits) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, value);
    out += buf;
}

// Length of the valid UTF-8 sequence starting at `i`, 0 if there is none.
std::size_t sequenceLength(std::string_view t, std::size_t i) {
    const auto c = static_cast<unsigned char>(t[i]);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > t.size()) return 0;
    return findInvalidUtf8(t.substr(i, n)) ? 0 : n;
}

}  // namespace

std::string terminalSafe(std::string_view text, TerminalLines lines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == '\t' || (c == '\n' && lines == TerminalLines::Keep) ||
                (c >= 0x20 && c != 0x7F))
                out += char(c);
            else if (c == '\n')
                out += "\\n";
            else if (c == '\r')
                out += "\\r";
            else
                hexEscape(out, "\\x", c, 2);
            ++i;
            continue;
        }
        const std::size_t n = sequenceLength(text, i);
        if (n == 0) {
            hexEscape(out, "\\x", c, 2);
            ++i;
        } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            // U+0080..U+009F: C1 controls, CSI (U+009B) among them.
            hexEscape(out, "\\u", static_cast<unsigned char>(text[i + 1]), 4);
            i += 2;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

namespace {

bool wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool combining(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x3099 && c <= 0x309A) || c == 0x200B ||
           (c >= 0xFE00 && c <= 0xFE0F);
}

}  // namespace

std::size_t terminalColumns(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t len = b < 0x80         ? 1
                                : (b >> 5) == 6  ? 2
                                : (b >> 4) == 14 ? 3
                                : (b >> 3) == 30 ? 4
                                                 : 0;
        if (len == 0 || i + len > text.size()) {
            ++columns;
            ++i;
            continue;
        }
        char32_t c = len == 1 ? b : b & (0x7F >> len);
        for (std::size_t k = 1; k < len; ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        columns += combining(c) ? 0 : wide(c) ? 2 : 1;
        i += len;
    }
    return columns;
}

}  // namespace rapport
