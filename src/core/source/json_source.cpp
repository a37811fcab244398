#include "core/source/json_source.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/files/bounded_read.hpp"
#include "core/source/json_scan.hpp"
#include "core/source/json_syntax_error.hpp"
#include "core/source/line_index.hpp"
#include "core/source/utf8.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

namespace {

std::string hexByte(unsigned char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string s = "0x";
    s += digits[c >> 4];
    s += digits[c & 0xF];
    return s;
}

struct Utf8Problem {
    std::size_t offset;
    std::string message;
};

std::optional<Utf8Problem> findBadUtf8(std::string_view t, std::size_t from) {
    const auto bad = findInvalidUtf8(t, from);
    if (!bad) return std::nullopt;
    return Utf8Problem{bad->offset, "invalid UTF-8 byte " +
                                        hexByte(static_cast<unsigned char>(t[bad->offset])) + " (" +
                                        bad->reason + "); save the file as UTF-8"};
}

// Finds the first bracket that opens level kMaxJsonDepth + 1, skipping strings and comments, so
// that nothing recursive ever sees deeper input.
std::optional<std::size_t> findTooDeep(std::string_view t, std::size_t i) {
    int depth = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"') {
            i = skipJsonString(t, i);
        } else if (c == '/' && i + 1 < t.size() && (t[i + 1] == '/' || t[i + 1] == '*')) {
            i = skipJsonSpace(t, i);
        } else {
            if (c == '[' || c == '{') {
                if (++depth > kMaxJsonDepth) return i;
            } else if ((c == ']' || c == '}') && depth > 0) {
                --depth;
            }
            ++i;
        }
    }
    return std::nullopt;
}

void report(DiagnosticList& diags, const char* code, const std::string& file, SourcePosition at,
            std::string message) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = code;
    d.file = file;
    d.position = at;
    d.message = std::move(message);
    diags.add(std::move(d));
}

// The same words as readBoundedFile's, for text that arrives without a file.
std::string tooLargeMessage(std::uintmax_t bytes) {
    return uiFormat(tr("file is too large: {size}; the limit is {limit}"),
                    {{"size", byteSize(bytes)}, {"limit", byteSize(kMaxSourceBytes)}});
}

}  // namespace

// ---- public ----------------------------------------------------------------------------------

// Problems with the file as a whole (RAP0001, RAP0002) carry position 0:0, "no place in the
// file": an unreadable file has no line 1, and pointing at line 1 of a huge file would mislead.
std::optional<std::string> readSourceFile(const std::string& path, DiagnosticList& diags) {
    BoundedRead read = readBoundedFile(path, kMaxSourceBytes);
    if (read) return std::move(read.text);
    if (read.problem == BoundedRead::Problem::TooLarge)
        report(diags, codes::TooLarge, path, {}, "file is " + read.reason);
    else
        report(diags, codes::Unreadable, path, {}, read.message);
    return std::nullopt;
}

std::optional<JsonDocument> readJsonFile(const std::string& path, DiagnosticList& diags) {
    std::optional<std::string> text = readSourceFile(path, diags);
    if (!text) return std::nullopt;
    return parseJsonText(std::move(*text), path, diags);
}

std::optional<JsonDocument> parseJsonText(std::string text, const std::string& name,
                                          DiagnosticList& diags) {
    const std::string_view t = text;
    const std::size_t bom = utf8BomLength(t);
    if (t.size() > kMaxSourceBytes) {
        report(diags, codes::TooLarge, name, {}, tooLargeMessage(t.size()));
        return std::nullopt;
    }
    if (const auto bad = findBadUtf8(t, bom)) {
        report(diags, codes::BadUtf8, name, positionAt(t, bad->offset), bad->message);
        return std::nullopt;
    }
    // nlohmann takes a NUL byte for the end of input and would silently drop what follows; JSON
    // allows no raw NUL anywhere, so refuse it here.
    if (const auto nul = t.find('\0', bom); nul != std::string_view::npos) {
        report(diags, codes::Syntax, name, positionAt(t, nul),
               tr("syntax error: unexpected NUL byte (0x00); JSON text cannot contain one (is "
                  "this a binary file?)"));
        return std::nullopt;
    }
    JsonTreeResult parsed = parseJsonTree(t, kMaxJsonDepth);
    if (!parsed.tree) {
        // Too deep wins over a syntax error further on, as if depth were checked first.
        if (const auto deep = findTooDeep(t, bom)) {
            report(diags, codes::TooDeep, name, positionAt(t, *deep),
                   uiFormat(tr("nesting too deep: more than {depth} levels of '[' and '{'"),
                            {{"depth", std::to_string(kMaxJsonDepth)}}));
            return std::nullopt;
        }
        const JsonTreeFailure& f = parsed.failure;
        if (f.reason == JsonTreeFailure::Reason::NumberOverflow) {
            // "number overflow parsing '1e999'" carries no offset: find the literal.
            std::string_view what = f.what;
            std::string_view literal;
            if (const auto q = what.find('\''); q != std::string_view::npos && what.back() == '\'')
                literal = what.substr(q + 1, what.size() - q - 2);
            report(
                diags, codes::Syntax, name, positionAt(t, findWord(t, bom, literal)),
                uiFormat(tr("syntax error: number {number} is too large"), {{"number", literal}}));
            return std::nullopt;
        }
        const SyntaxError err = describeSyntaxError(t, bom, f.byte, f.what);
        report(diags, codes::Syntax, name, positionAt(t, err.offset), err.message);
        return std::nullopt;
    }

    JsonDocument doc;
    doc.tree = std::move(*parsed.tree);
    auto shared = std::make_shared<const std::string>(std::move(text));
    if (doc.tree.hasDuplicateKeys()) {
        buildSourceMap(*shared, bom, doc.map, &doc.duplicateKeys, &doc.duplicateKeyPositions);
    } else {
        doc.map = SourceMap(shared);
    }
    doc.text = std::move(shared);
    return doc;
}

}  // namespace rapport
