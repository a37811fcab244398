#include "core/twine/twine_source.hpp"

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

}  // namespace rapport
