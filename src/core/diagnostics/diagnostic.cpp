#include "core/diagnostics/diagnostic.hpp"

#include <algorithm>

#include "core/text/terminal_text.hpp"

namespace rapport {

// Ids, keys and excerpts in messages and pointers come from the file: shown escaped, so a control
// character can neither act on the terminal nor (a NUL, a newline) cut the line before its code.
std::string formatDiagnostic(const Diagnostic& d) {
    constexpr auto oneLine = TerminalLines::Escape;
    std::string out = terminalSafe(d.file, oneLine);
    out += ':' + std::to_string(d.position.line) + ':' + std::to_string(d.position.column) + ": ";
    // The severity word, the code and " at " stay English in every interface language: editors
    // and CI match "FILE:LINE:COL: error:" as they do a compiler's; only the message is the
    // reader's (docs/diagnostics.md).
    out += d.severity == Severity::Error ? "error: " : "warning: ";
    out += terminalSafe(d.message, oneLine);
    out += " [" + d.code + "]";
    if (!d.pointer.empty()) out += " at " + terminalSafe(d.pointer, oneLine);
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
