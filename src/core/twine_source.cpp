#include "twine_source.hpp"

#include <algorithm>
#include <cstdint>

namespace rapport {

void addTwineDiagnostic(DiagnosticList& diags, Severity severity, const char* code, const std::string& file,
                        SourcePosition at, std::string message) {
    // A hostile file could hold millions of problems; past the cap one line says so.
    if (diags.items().size() >= kMaxTwineDiagnostics) return;
    if (diags.items().size() + 1 == kMaxTwineDiagnostics)
        message = "more than " + std::to_string(kMaxTwineDiagnostics - 1) + " problems; the rest are not shown";
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = file;
    d.position = at;
    d.message = std::move(message);
    diags.add(std::move(d));
}

std::optional<std::size_t> firstBadUtf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1Fu;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0Fu;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07u;
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0u) != 0x80u) return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::nullopt;
}

std::size_t codePointCount(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; }));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
        starts_.push_back(i + 1);
}

SourcePosition LineIndex::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
    const std::size_t start = starts_[line - 1];
    // A leading byte order mark is no character of the first line.
    const std::size_t from = (line == 1 && text_.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) ? 3 : start;
    return {static_cast<int>(line), static_cast<int>(codePointCount(text_.substr(from, offset - from))) + 1};
}

}  // namespace rapport
