// Plain-text plumbing shared by the Twine readers: their diagnostics. Positions come from
// core/source/line_index.hpp, the rule every reader shares.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/source/utf8.hpp"

namespace rapport {

// A diagnostic of the importer: no JSON pointer, since the file is not JSON. The list holds at
// most kMaxTwineDiagnostics; the last one says that more were left out.
inline constexpr std::size_t kMaxTwineDiagnostics = 500;
void addTwineDiagnostic(DiagnosticList& diags, Severity severity, const char* code,
                        const std::string& file, SourcePosition at, std::string message);

}  // namespace rapport
