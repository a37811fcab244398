#include "core/twine/twine_source.hpp"

#include <algorithm>
#include <cstdint>

namespace rapport {

void addTwineDiagnostic(DiagnosticList& diags, Severity severity, const char* code,
                        const std::string& file, SourcePosition at, std::string message) {
    // A hostile file could hold millions of problems; past the cap one line says so.
    if (diags.items().size() >= kMaxTwineDiagnostics) return;
    if (diags.items().size() + 1 == kMaxTwineDiagnostics)
        message = "more than " + std::to_string(kMaxTwineDiagnostics - 1) +
                  " problems; the rest are not shown";
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = file;
    d.position = at;
    d.message = std::move(message);
    diags.add(std::move(d));
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
    const std::size_t from =
        (line == 1 && text_.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) ? 3 : start;
    return {static_cast<int>(line),
            static_cast<int>(codePointCount(text_.substr(from, offset - from))) + 1};
}

}  // namespace rapport
