// Reading and writing GNU gettext PO files, the translator's format for scenario texts
// (docs/translation.md). Merging a catalogue with a changed source is msgmerge's job, not this
// file's: Rapport runs the gettext tools for that and only reads and writes the result.
//
// Only what scenario catalogues use is accepted: msgctxt, msgid, msgstr and the comment kinds
// (translator, extracted, reference, flags, previous). Plural forms are refused with a located
// error rather than half-read. Obsolete entries (#~) are kept verbatim so a translator's old
// work survives a round trip.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"

namespace rapport {

struct PoEntry {
    std::vector<std::string> translatorComments;  // "# …", without the "# "
    std::vector<std::string> extractedComments;  // "#. …": context Rapport writes for translators
    std::vector<std::string> references;         // "#: …"
    std::vector<std::string> flags;              // "#, fuzzy, c-format" → {"fuzzy", "c-format"}
    std::optional<std::string> previousContext;  // "#| msgctxt" (msgmerge --previous)
    std::optional<std::string> previousId;       // "#| msgid"
    std::optional<std::string> context;          // msgctxt
    std::string id;                              // msgid ("" = the header)
    std::string str;                             // msgstr
    int line = 0;                                // of the entry's first line, 1-based

    bool fuzzy() const;
    void setFuzzy(bool on);
    bool isHeader() const { return id.empty() && !context; }
};

struct PoFile {
    std::vector<PoEntry> entries;           // the header first when there is one
    std::vector<std::string> obsoleteText;  // each obsolete entry's lines, verbatim

    const PoEntry* header() const;
    // A field of the header ("Language"), trimmed; empty when absent.
    std::string headerField(std::string_view name) const;
    // Sets (or appends) a header field; adds a header when there is none.
    void setHeaderField(std::string_view name, const std::string& value);
};

struct PoParse {
    PoFile file;
    DiagnosticList diagnostics;  // located errors; the file is unusable when it has any
};

// Parses PO text (UTF-8). `name` is used in diagnostics.
PoParse parsePo(std::string_view text, const std::string& name);

// Writes `file` as PO text: entries separated by a blank line, strings split only after "\n"
// (the layout `msgmerge --no-wrap` keeps), every control character escaped.
std::string writePo(const PoFile& file);

// A C-style quoted PO string for `text` ("\"…\"" with \n, \t, \", \\ and octal escapes).
std::string poQuote(std::string_view text);

}  // namespace rapport
