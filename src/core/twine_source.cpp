#include "twine_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "diagnostic_codes.hpp"
#include "json_source.hpp"

namespace rapport {

namespace {

std::string megabytes(std::uintmax_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

}  // namespace

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

std::optional<std::string> readTwineFile(const std::string& path, DiagnosticList& diags) {
    namespace fs = std::filesystem;
    const std::string limit = std::to_string(kMaxSourceBytes / (1024u * 1024u));
    const auto cannotRead = [&](const std::string& reason) -> std::optional<std::string> {
        addTwineDiagnostic(diags, Severity::Error, codes::Unreadable, path, {}, "cannot read " + path + ": " + reason);
        return std::nullopt;
    };
    const auto tooLarge = [&](const std::string& size) -> std::optional<std::string> {
        addTwineDiagnostic(diags, Severity::Error, codes::TooLarge, path, {},
                           "file is too large (" + size + " MB); the limit is " + limit + " MB");
        return std::nullopt;
    };
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec) return cannotRead(ec.message());
    if (fs::is_directory(status)) return cannotRead("is a directory");
    if (fs::is_regular_file(status)) {
        const std::uintmax_t size = fs::file_size(path, ec);
        if (ec) return cannotRead(ec.message());
        if (size > kMaxSourceBytes) return tooLarge(megabytes(size));
    }
    errno = 0;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return cannotRead(errno != 0 ? std::strerror(errno) : "cannot open");
    // At most one byte over the limit: pipes and devices have no size to check up front.
    std::string text;
    char buffer[1 << 16];
    while (text.size() <= kMaxSourceBytes) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
        text.append(buffer, n);
        if (n < sizeof buffer) break;
    }
    if (std::ferror(file.get())) return cannotRead(errno != 0 ? std::strerror(errno) : "read error");
    if (text.size() > kMaxSourceBytes) return tooLarge("over " + limit);
    return text;
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
