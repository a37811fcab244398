#include "core/diagnostics/diagnostic.hpp"

#include <algorithm>

namespace rapport {

std::string formatDiagnostic(const Diagnostic& d) {
    std::string out = d.file;
    out += ':' + std::to_string(d.position.line) + ':' + std::to_string(d.position.column) + ": ";
    out += d.severity == Severity::Error ? "error: " : "warning: ";
    out += d.message;
    out += " [" + d.code + "]";
    if (!d.pointer.empty()) out += " at " + d.pointer;
    return out;
}

bool DiagnosticList::hasErrors() const { return errorCount() > 0; }

std::size_t DiagnosticList::errorCount() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t DiagnosticList::warningCount() const { return items_.size() - errorCount(); }

void DiagnosticList::sortByPosition() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.position.line != b.position.line) return a.position.line < b.position.line;
        return a.position.column < b.position.column;
    });
}

}  // namespace rapport
