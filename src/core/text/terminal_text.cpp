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

}  // namespace rapport
