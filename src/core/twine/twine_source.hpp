// Plain-text plumbing shared by the Twine readers: bounded file reading and a
// line index that turns byte offsets into the line:column positions diagnostics carry.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/source/utf8.hpp"

namespace rapport {

class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    // 1-based line and column (in code points) of the byte at `offset`; '\n' ends a line.
    SourcePosition at(std::size_t offset) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

// A diagnostic of the importer: no JSON pointer, since the file is not JSON. The list holds at
// most kMaxTwineDiagnostics; the last one says that more were left out.
inline constexpr std::size_t kMaxTwineDiagnostics = 500;
void addTwineDiagnostic(DiagnosticList& diags, Severity severity, const char* code,
                        const std::string& file, SourcePosition at, std::string message);

}  // namespace rapport
