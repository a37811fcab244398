// Diagnostics: the compiler-style line every front end prints, and the list's counts and order.
#include <doctest/doctest.h>

#include "core/diagnostics/diagnostic.hpp"

using namespace rapport;

namespace {

Diagnostic at(int line, int column, Severity severity, std::string code) {
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.file = "s.json";
    d.position = {line, column};
    d.message = "m" + std::to_string(line) + "." + std::to_string(column);
    return d;
}

}  // namespace

TEST_CASE("a diagnostic prints as FILE:LINE:COL: severity: MESSAGE [CODE] at POINTER") {
    Diagnostic d = at(3, 14, Severity::Error, "RAP0023");
    d.message = "unknown node \"clsoe\"; did you mean \"close\"?";
    d.pointer = "/nodes/3/choices/1/next";
    CHECK(formatDiagnostic(d) ==
          "s.json:3:14: error: unknown node \"clsoe\"; did you mean \"close\"? [RAP0023] at "
          "/nodes/3/choices/1/next");

    // No pointer (the file as a whole): the line stops after the code.
    Diagnostic w = at(0, 0, Severity::Warning, "RAP0001");
    w.message = "cannot read";
    CHECK(formatDiagnostic(w) == "s.json:0:0: warning: cannot read [RAP0001]");
}

TEST_CASE("a diagnostic list counts errors and warnings apart") {
    DiagnosticList list;
    CHECK(list.empty());
    CHECK_FALSE(list.hasErrors());
    list.add(at(1, 1, Severity::Warning, "RAP0100"));
    CHECK_FALSE(list.empty());
    CHECK_FALSE(list.hasErrors());
    CHECK(list.warningCount() == 1);
    list.add(at(2, 1, Severity::Error, "RAP0010"));
    list.add(at(3, 1, Severity::Error, "RAP0011"));
    CHECK(list.hasErrors());
    CHECK(list.errorCount() == 2);
    CHECK(list.warningCount() == 1);
    CHECK(list.items().size() == 3);
}

TEST_CASE("sorting by position reads top to bottom and keeps the order of equal positions") {
    DiagnosticList list;
    list.add(at(9, 2, Severity::Error, "A"));
    list.add(at(2, 7, Severity::Error, "B"));
    list.add(at(2, 3, Severity::Warning, "C"));
    list.add(at(9, 2, Severity::Warning, "D"));  // same place as A, added after it
    list.sortByPosition();
    std::string order;
    for (const auto& d : list.items()) order += d.code;
    CHECK(order == "CBAD");
}
