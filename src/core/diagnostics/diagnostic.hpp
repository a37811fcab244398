// Diagnostics: the one channel through which an author's mistakes in a file are reported.
// Printed in the form compilers use (FILE:LINE:COL: error: MESSAGE) so editors and CI jump to it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class Severity { Error, Warning };

struct SourcePosition {
    int line = 0;    // 1-based; 0 = unknown
    int column = 0;  // 1-based, counted in Unicode code points
};

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;  // stable code, e.g. "RAP0023"; listed in docs/diagnostics.md
    std::string file;
    SourcePosition position;
    std::string pointer;  // JSON pointer of the offending value, e.g. "/nodes/3/choices/1/next"
    std::string message;  // plain words; may end with a "did you mean" hint
};

// "FILE:LINE:COL: error: MESSAGE [CODE] at POINTER" — one line, no trailing newline, with every
// control character from the file shown escaped (terminalSafe), so it is always one line.
std::string formatDiagnostic(const Diagnostic& d);

class DiagnosticList {
public:
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    const std::vector<Diagnostic>& items() const { return items_; }
    bool hasErrors() const;
    std::size_t errorCount() const;
    std::size_t warningCount() const;
    // Sorts by line then column so output reads top to bottom, whatever order checks ran in.
    void sortByPosition();
    bool empty() const { return items_.empty(); }

private:
    std::vector<Diagnostic> items_;
};

}  // namespace rapport
