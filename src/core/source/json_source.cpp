#include "core/source/json_source.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/source/json_scan.hpp"
#include "core/source/utf8.hpp"

namespace rapport {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::size_t bomLength(std::string_view text) { return text.starts_with(kBom) ? kBom.size() : 0; }

bool isContinuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

// Walks forward through the text keeping line and column, so that mapping the positions of a
// whole document costs one pass instead of one pass per value.
class PositionCursor {
public:
    explicit PositionCursor(std::string_view text) : text_(text), offset_(bomLength(text)) {}

    // Offsets must not decrease between calls.
    SourcePosition at(std::size_t offset) {
        if (offset > text_.size()) offset = text_.size();
        for (; offset_ < offset; ++offset_) {
            const auto c = static_cast<unsigned char>(text_[offset_]);
            if (c == '\n') {
                ++line_;
                column_ = 1;
            } else if (!isContinuation(c)) {
                ++column_;  // one column per code point; a tab counts as one, as gcc does
            }
        }
        return {line_, column_};
    }

private:
    std::string_view text_;
    std::size_t offset_;
    int line_ = 1;
    int column_ = 1;
};

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

// ---- syntax errors ---------------------------------------------------------------------------

struct Token {
    std::size_t start = 0;
    std::size_t end = 0;
};

bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '+' || c == '-' || c == '.';
}

// A forgiving lexer used only to locate the token a syntax error is about. Everything before the
// error was accepted by nlohmann, so up to there it agrees with nlohmann's own tokens.
Token lexToken(std::string_view t, std::size_t i) {
    if (t[i] == '"') return {i, skipJsonString(t, i)};
    if (isWordChar(t[i])) {
        std::size_t end = i;
        while (end < t.size() && isWordChar(t[end])) ++end;
        return {i, end};
    }
    return {i, i + 1};
}

struct Located {
    std::size_t current;   // start of the token containing the offset (or the last one before it)
    std::size_t previous;  // start of the token before it; npos if none
    bool found = false;
};

Located tokenAround(std::string_view t, std::size_t start, std::size_t offset) {
    Located r{start, std::string_view::npos};
    std::size_t i = skipJsonSpace(t, start);
    while (i < t.size()) {
        if (i > offset) break;
        const Token tok = lexToken(t, i);
        r.previous = r.found ? r.current : std::string_view::npos;
        r.current = tok.start;
        r.found = true;
        if (offset < tok.end) break;
        i = skipJsonSpace(t, tok.end);
    }
    return r;
}

// Where a comment that never ends begins (nlohmann reports those at the end of input).
std::optional<std::size_t> unterminatedCommentStart(std::string_view t, std::size_t i) {
    while (i < t.size()) {
        if (t[i] == '"') {
            i = skipJsonString(t, i);
        } else if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '*') {
            const std::size_t end = t.find("*/", i + 2);
            if (end == std::string_view::npos) return i;
            i = end + 2;
        } else if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '/') {
            i = skipJsonSpace(t, i);
        } else {
            ++i;
        }
    }
    return std::nullopt;
}

// Offset of the first token equal to `word` outside strings and comments (bom if none).
std::size_t findWord(std::string_view t, std::size_t bom, std::string_view word) {
    for (std::size_t i = skipJsonSpace(t, bom); i < t.size();) {
        const Token tok = lexToken(t, i);
        if (t.substr(tok.start, tok.end - tok.start) == word) return tok.start;
        i = skipJsonSpace(t, tok.end);
    }
    return bom;
}

std::string friendlyToken(std::string_view name) {
    if (name == "string literal") return "string";
    if (name == "number literal") return "number";
    if (name == "true literal") return "'true'";
    if (name == "false literal") return "'false'";
    if (name == "null literal") return "'null'";
    if (name == "'[', '{', or a literal") return "a value";
    return std::string(name);
}

std::string friendlyExpected(std::string_view name, std::string_view context) {
    if (name == "'}'" && context == "object") return "',' or '}'";
    if (name == "']'" && context == "array") return "',' or ']'";
    if (name == "string literal") return "a key in double quotes";
    return friendlyToken(name);
}

bool startsValue(std::string_view unexpected) {
    return unexpected == "string literal" || unexpected == "number literal" ||
           unexpected == "true literal" || unexpected == "false literal" ||
           unexpected == "null literal" || unexpected == "'['" || unexpected == "'{'";
}

// The word (or single code point) starting at `i`, for quoting in a message.
std::string wordAt(std::string_view t, std::size_t i) {
    std::size_t end = i;
    while (end < t.size() && end - i < 24 && isWordChar(t[end])) ++end;
    if (end == i) {
        end = i + 1;
        while (end < t.size() && isContinuation(static_cast<unsigned char>(t[end]))) ++end;
    }
    return std::string(t.substr(i, end - i));
}

struct SyntaxError {
    std::size_t offset;
    std::string message;
};

// Turns nlohmann's parse_error (its byte and message) into a message in plain words at the
// offending character. nlohmann's byte counts the characters it has read, the offending one
// included, so byte - 1 is the 0-based offset of the character that broke the parse: the last
// byte of an unexpected token, the bad character inside a token, or text.size() when input
// ended too early.
SyntaxError describeSyntaxError(std::string_view t, std::size_t bom, std::size_t byte,
                                std::string_view what) {
    const std::size_t off = std::min<std::size_t>(byte == 0 ? 0 : byte - 1, t.size());

    // "[json.exception.parse_error.101] parse error at line L, column C: syntax error while
    //  parsing CONTEXT - DETAIL[; last read: '...'][; expected EXPECTED]"
    std::string_view context, detail = what;
    if (const auto p = what.find("syntax error "); p != std::string_view::npos)
        detail = what.substr(p);
    if (detail.starts_with("syntax error while parsing ")) {
        detail.remove_prefix(std::string_view("syntax error while parsing ").size());
        const auto dash = detail.find(" - ");
        context = detail.substr(0, dash == std::string_view::npos ? 0 : dash);
        detail.remove_prefix(dash == std::string_view::npos ? 0 : dash + 3);
    } else if (detail.starts_with("syntax error - ")) {
        detail.remove_prefix(std::string_view("syntax error - ").size());
    }
    std::string_view expected;
    if (const auto p = detail.rfind("; expected ");
        p != std::string_view::npos && !detail.starts_with("invalid number")) {
        expected = detail.substr(p + std::string_view("; expected ").size());
        detail = detail.substr(0, p);
    } else if (const auto q = detail.rfind("'; expected "); q != std::string_view::npos) {
        // lexer messages about numbers carry their own "; expected", so take the parser's last one
        expected = detail.substr(q + std::string_view("'; expected ").size());
        detail = detail.substr(0, q + 1);
    }
    if (const auto p = detail.find("; last read: "); p != std::string_view::npos)
        detail = detail.substr(0, p);

    const auto endOfContent = [&] {
        std::size_t end = t.size();
        while (end > bom && isJsonSpace(t[end - 1])) --end;
        return end;
    };

    if (detail.starts_with("unexpected ")) {
        const std::string_view unexpected = detail.substr(std::string_view("unexpected ").size());
        if (unexpected == "end of input") {
            if (skipJsonSpace(t, bom) >= t.size())
                return {bom, "syntax error: empty file; expected a JSON value"};
            return {endOfContent(), "syntax error: unexpected end of input; expected " +
                                        friendlyExpected(expected, context)};
        }
        const Located at = tokenAround(t, bom, off);
        if ((unexpected == "'}'" || unexpected == "']'") && at.previous != std::string_view::npos &&
            t[at.previous] == ',') {
            return {at.previous, "syntax error: trailing comma before " + std::string(unexpected) +
                                     " is not allowed"};
        }
        std::string msg = "syntax error: unexpected " + friendlyToken(unexpected);
        if (!expected.empty()) msg += "; expected " + friendlyExpected(expected, context);
        if ((context == "object" || context == "array") && startsValue(unexpected))
            msg += " (missing comma?)";
        return {at.current, msg};
    }
    if (detail == "invalid literal") {
        std::size_t start = off;
        while (start > bom && std::isalpha(static_cast<unsigned char>(t[start - 1]))) --start;
        if (start < t.size() && t[start] == '\'')
            return {start,
                    "syntax error: strings and keys must be in double quotes, not single quotes"};
        if (start >= t.size()) return {endOfContent(), "syntax error: unexpected end of input"};
        const std::string word = wordAt(t, start);
        if (context == "object key")
            return {start, "syntax error: unexpected '" + word +
                               "'; object keys must be in double quotes"};
        std::string msg = "syntax error: unexpected '" + word + "'";
        msg += "; expected " +
               (expected.empty() ? std::string("a value") : friendlyExpected(expected, context));
        return {start, msg};
    }
    if (detail == "invalid string: missing closing quote") {
        return {tokenAround(t, bom, t.size()).current,
                "syntax error: string is missing its closing quote"};
    }
    if (detail.starts_with("invalid string: control character U+000A") ||
        detail.starts_with("invalid string: control character U+000D")) {
        return {off,
                "syntax error: line break inside a string; close the string before the end of the "
                "line (write \\n for a line break in the text)"};
    }
    if (detail.starts_with("invalid comment; missing closing")) {
        return {unterminatedCommentStart(t, bom).value_or(off),
                "syntax error: comment is missing its closing '*/'"};
    }
    if (detail.starts_with("invalid comment; expecting")) {
        return {off > bom ? off - 1 : off, "syntax error: '/' must start a comment (// or /* */)"};
    }
    if (detail == "invalid string: forbidden character after backslash") {
        const std::size_t backslash = off > bom ? off - 1 : off;
        std::string escaped = wordAt(t, off);
        if (isWordChar(escaped[0])) escaped.resize(1);
        return {backslash,
                "syntax error: invalid escape '\\" + escaped +
                    "' in a string; allowed are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"};
    }
    return {off, "syntax error: " + std::string(detail)};
}

// ---- source map ------------------------------------------------------------------------------

// Decodes a JSON string's escapes into UTF-8, the same key nlohmann stores. `raw` excludes quotes.
std::string decodeString(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    const auto hex4 = [&](std::size_t i) -> unsigned {
        unsigned v = 0;
        for (std::size_t k = i; k < i + 4 && k < raw.size(); ++k) {
            const char c = raw[k];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
        }
        return v;
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        const char e = raw[++i];
        switch (e) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = hex4(i + 1);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < raw.size() + 0 && raw[i + 1] == '\\' &&
                    raw[i + 2] == 'u') {
                    const unsigned low = hex4(i + 3);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                out += e;
                break;  // \" \\ \/
        }
    }
    return out;
}

struct Frame {
    bool object;
    bool shadowed;  // inside the value of a duplicate key: earlier positions win
    std::size_t index;
    std::size_t pointerLength;
};

// One pass over text nlohmann has already accepted (so it is well-formed and at most
// kMaxJsonDepth deep), recording where every value and key starts. Iterative, linear.
void buildSourceMap(std::string_view t, std::size_t bom, SourceMap& map,
                    std::vector<std::string>* duplicateKeys,
                    std::vector<SourcePosition>* duplicateKeyPositions) {
    // Every value but the root follows a ',', '[' or ':', and every key a ':'; counting them
    // sizes the tables once instead of rehashing as they grow.
    std::size_t separators = 0, colons = 0;
    for (std::size_t k = bom; k < t.size(); ++k) {
        const char c = t[k];
        if (c == '"') {
            k = skipJsonString(t, k) - 1;
        } else if (c == ':') {
            ++colons;
        } else if (c == ',' || c == '[') {
            ++separators;
        }
    }
    map.reserve(separators + colons + 1, colons);

    PositionCursor cursor(t);
    std::vector<Frame> stack;
    stack.reserve(kMaxJsonDepth);
    std::string pointer;
    std::size_t i = skipJsonSpace(t, bom);

    const auto shadowed = [&] { return !stack.empty() && stack.back().shadowed; };
    const auto recordValue = [&] {
        if (shadowed() && map.hasValue(pointer)) return;
        map.setValue(pointer, cursor.at(i));
    };

    enum class Next { Value, AfterValue, FirstMember, Member, FirstElement };
    Next next = Next::Value;
    while (i < t.size()) {
        switch (next) {
            case Next::Value: {
                recordValue();
                const char c = t[i];
                if (c == '{' || c == '[') {
                    stack.push_back({c == '{', shadowed(), 0, pointer.size()});
                    i = skipJsonSpace(t, i + 1);
                    next = c == '{' ? Next::FirstMember : Next::FirstElement;
                    continue;
                }
                i = skipJsonSpace(t, skipJsonScalar(t, i));
                next = Next::AfterValue;
                continue;
            }
            case Next::AfterValue: {
                if (stack.empty()) return;
                Frame& top = stack.back();
                pointer.resize(top.pointerLength);
                if (t[i] == ',') {
                    i = skipJsonSpace(t, i + 1);
                    if (top.object) {
                        next = Next::Member;
                    } else {
                        pointer += '/';
                        pointer += std::to_string(++top.index);
                        next = Next::Value;
                    }
                } else {  // '}' or ']'
                    stack.pop_back();
                    i = skipJsonSpace(t, i + 1);
                }
                continue;
            }
            case Next::FirstElement:
                if (t[i] == ']') {
                    next = Next::AfterValue;
                    stack.pop_back();
                    i = skipJsonSpace(t, i + 1);
                    continue;
                }
                pointer += "/0";
                next = Next::Value;
                continue;
            case Next::FirstMember:
                if (t[i] == '}') {
                    next = Next::AfterValue;
                    stack.pop_back();
                    i = skipJsonSpace(t, i + 1);
                    continue;
                }
                [[fallthrough]];
            case Next::Member: {
                Frame& top = stack.back();
                const std::size_t keyStart = i;
                const std::size_t keyEnd = skipJsonString(t, i);
                const std::size_t rawEnd = keyEnd > keyStart + 1 ? keyEnd - 1 : keyEnd;
                pointer.resize(top.pointerLength);
                pointer += '/';
                pointer +=
                    pointerToken(decodeString(t.substr(keyStart + 1, rawEnd - keyStart - 1)));
                const SourcePosition keyPos = cursor.at(keyStart);
                const bool duplicate = !map.addKey(pointer, keyPos);
                if (duplicate && !top.shadowed && duplicateKeys) {
                    duplicateKeys->push_back(pointer);
                    duplicateKeyPositions->push_back(keyPos);
                }
                i = skipJsonSpace(t, keyEnd);
                if (i < t.size() && t[i] == ':') i = skipJsonSpace(t, i + 1);
                // Everything under a repeated key is recorded only where the first copy left a gap.
                const bool wasShadowed = top.shadowed;
                top.shadowed = wasShadowed || duplicate;
                if (i < t.size()) recordValue();
                top.shadowed = wasShadowed;
                if (i < t.size() && (t[i] == '{' || t[i] == '[')) {
                    const char c = t[i];
                    stack.push_back({c == '{', wasShadowed || duplicate, 0, pointer.size()});
                    i = skipJsonSpace(t, i + 1);
                    next = c == '{' ? Next::FirstMember : Next::FirstElement;
                } else {
                    i = skipJsonSpace(t, skipJsonScalar(t, i));
                    next = Next::AfterValue;
                }
                continue;
            }
        }
    }
}

// ---- locating one pointer without the map ----------------------------------------------------

// Offset just past the value starting at `i`: a scalar, or a container up to its matching
// bracket (strings and comments inside skipped). The text was accepted by the parser.
std::size_t skipJsonValue(std::string_view t, std::size_t i) {
    if (i >= t.size()) return i;
    if (t[i] != '{' && t[i] != '[') return skipJsonScalar(t, i);
    int depth = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"') {
            i = skipJsonString(t, i);
        } else if (c == '/' && i + 1 < t.size() && (t[i + 1] == '/' || t[i + 1] == '*')) {
            i = skipJsonSpace(t, i);
        } else {
            ++i;
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i;
        }
    }
    return i;
}

// True when the raw (escaped, unquoted) key decodes to `token` (a pointer token, unescaped).
bool keyEquals(std::string_view raw, std::string_view token) {
    if (raw.find('\\') == std::string_view::npos) return raw == token;
    return decodeString(raw) == token;
}

// "~1" -> "/", "~0" -> "~".
std::string unescapeToken(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() &&
            (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

// Array indices as the map writes them: decimal without leading zeros.
std::optional<std::size_t> arrayIndex(std::string_view token) {
    if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0'))
        return std::nullopt;
    std::size_t n = 0;
    for (const char c : token) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + std::size_t(c - '0');
    }
    return n;
}

struct PointerLocation {
    std::size_t value;               // where the deepest value found on the pointer's path starts
    std::optional<std::size_t> key;  // the member's key, when the whole pointer names a member
};

// Descends the text along `pointer`, skipping every value off the path: one pass over at most
// the text before the target, and no allocation but the current token. Only valid for text
// without repeated keys (the map is built eagerly for those, keeping first occurrences).
PointerLocation locatePointer(std::string_view t, std::size_t bom, std::string_view pointer) {
    std::size_t i = skipJsonSpace(t, bom);
    PointerLocation at{i, std::nullopt};
    std::size_t from = 0;
    while (from < pointer.size() && pointer[from] == '/') {
        const std::size_t end = std::min(pointer.find('/', from + 1), pointer.size());
        const std::string token = unescapeToken(pointer.substr(from + 1, end - from - 1));
        from = end;
        if (i >= t.size()) break;
        std::size_t j = skipJsonSpace(t, i + 1);
        bool found = false;
        std::optional<std::size_t> key;
        if (t[i] == '{') {
            while (j < t.size() && t[j] == '"') {
                const std::size_t keyStart = j, keyEnd = skipJsonString(t, j);
                const bool match = keyEquals(t.substr(keyStart + 1, keyEnd - keyStart - 2), token);
                j = skipJsonSpace(t, keyEnd);
                if (j < t.size() && t[j] == ':') j = skipJsonSpace(t, j + 1);
                if (match) {
                    found = true;
                    key = keyStart;
                    break;
                }
                j = skipJsonSpace(t, skipJsonValue(t, j));
                if (j >= t.size() || t[j] != ',') break;
                j = skipJsonSpace(t, j + 1);
            }
        } else if (t[i] == '[') {
            if (const auto index = arrayIndex(token); index && j < t.size() && t[j] != ']') {
                found = true;
                for (std::size_t k = 0; k < *index && found; ++k) {
                    j = skipJsonSpace(t, skipJsonValue(t, j));
                    found = j < t.size() && t[j] == ',';
                    if (found) j = skipJsonSpace(t, j + 1);
                }
            }
        }
        if (!found) return {at.value, std::nullopt};
        i = j;
        at = {i, key};
    }
    return at;
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

std::string megabytes(std::uintmax_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

std::string limitMegabytes() { return std::to_string(kMaxSourceBytes / (1024u * 1024u)); }

}  // namespace

// ---- public ----------------------------------------------------------------------------------

const SourceMap::Tables& SourceMap::tables() const {
    if (!tables_) {
        SourceMap eager;
        eager.tables_ = std::make_shared<Tables>();
        if (text_) buildSourceMap(*text_, bomLength(*text_), eager, nullptr, nullptr);
        tables_ = std::move(eager.tables_);
    }
    return *tables_;
}

SourceMap::Tables& SourceMap::mutableTables() {
    if (!tables_) tables_ = std::make_shared<Tables>();
    return *tables_;
}

bool SourceMap::hasValue(std::string_view pointer) const {
    return tables().values.count(std::string(pointer)) != 0;
}
bool SourceMap::hasKey(std::string_view pointer) const {
    return tables().keys.count(std::string(pointer)) != 0;
}

SourcePosition SourceMap::valuePosition(std::string_view pointer) const {
    if (!tables_ && text_ && ++directLookups_ <= kDirectLookups)
        return positionAt(*text_, locatePointer(*text_, bomLength(*text_), pointer).value);
    const auto& values = tables().values;
    std::string p(pointer);
    for (;;) {
        if (const auto it = values.find(p); it != values.end()) return it->second;
        if (p.empty()) return {};
        const auto slash = p.rfind('/');
        p.resize(slash == std::string::npos ? 0 : slash);
    }
}

SourcePosition SourceMap::keyPosition(std::string_view pointer) const {
    if (!tables_ && text_ && ++directLookups_ <= kDirectLookups) {
        const PointerLocation at = locatePointer(*text_, bomLength(*text_), pointer);
        return positionAt(*text_, at.key.value_or(at.value));
    }
    const auto& keys = tables().keys;
    if (const auto it = keys.find(std::string(pointer)); it != keys.end()) return it->second;
    return valuePosition(pointer);
}

SourcePosition positionAt(std::string_view text, std::size_t byteOffset) {
    return PositionCursor(text).at(byteOffset);
}

std::string pointerToken(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

// Problems with the file as a whole (RAP0001, RAP0002) carry position 0:0, "no place in the
// file": an unreadable file has no line 1, and pointing at line 1 of a huge file would mislead.
std::optional<std::string> readSourceFile(const std::string& path, DiagnosticList& diags) {
    namespace fs = std::filesystem;
    const auto cannotRead = [&](const std::string& reason) -> std::optional<std::string> {
        report(diags, codes::Unreadable, path, {}, "cannot read " + path + ": " + reason);
        return std::nullopt;
    };
    const auto tooLarge = [&](const std::string& size) -> std::optional<std::string> {
        report(diags, codes::TooLarge, path, {},
               "file is too large (" + size + " MB); the limit is " + limitMegabytes() + " MB");
        return std::nullopt;
    };

    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec) return cannotRead(ec.message());
    if (fs::is_directory(status)) return cannotRead("is a directory");
    if (fs::is_regular_file(status)) {
        const std::uintmax_t size = fs::file_size(path, ec);
        if (ec) return cannotRead(ec.message());
        if (size > kMaxSourceBytes) return tooLarge(megabytes(size));
    }

    errno = 0;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                               &std::fclose);
    if (!file) return cannotRead(errno != 0 ? std::strerror(errno) : "cannot open");
    // Read at most one byte over the limit: pipes and devices have no size to check up front.
    std::string text;
    char buffer[1 << 16];
    while (text.size() <= kMaxSourceBytes) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
        text.append(buffer, n);
        if (n < sizeof buffer) break;
    }
    if (std::ferror(file.get()))
        return cannotRead(errno != 0 ? std::strerror(errno) : "read error");
    if (text.size() > kMaxSourceBytes) return tooLarge("over " + limitMegabytes());
    return text;
}

std::optional<JsonDocument> readJsonFile(const std::string& path, DiagnosticList& diags) {
    std::optional<std::string> text = readSourceFile(path, diags);
    if (!text) return std::nullopt;
    return parseJsonText(std::move(*text), path, diags);
}

std::optional<JsonDocument> parseJsonText(std::string text, const std::string& name,
                                          DiagnosticList& diags) {
    const std::string_view t = text;
    const std::size_t bom = bomLength(t);
    if (t.size() > kMaxSourceBytes) {
        report(diags, codes::TooLarge, name, {},
               "file is too large (" + megabytes(t.size()) + " MB); the limit is " +
                   limitMegabytes() + " MB");
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
               "syntax error: unexpected NUL byte (0x00); JSON text cannot contain one (is this a "
               "binary file?)");
        return std::nullopt;
    }
    JsonTreeResult parsed = parseJsonTree(t, kMaxJsonDepth);
    if (!parsed.tree) {
        // Too deep wins over a syntax error further on, as if depth were checked first.
        if (const auto deep = findTooDeep(t, bom)) {
            report(diags, codes::TooDeep, name, positionAt(t, *deep),
                   "nesting too deep: more than " + std::to_string(kMaxJsonDepth) +
                       " levels of '[' and '{'");
            return std::nullopt;
        }
        const JsonTreeFailure& f = parsed.failure;
        if (f.reason == JsonTreeFailure::Reason::NumberOverflow) {
            // "number overflow parsing '1e999'" carries no offset: find the literal.
            std::string_view what = f.what;
            std::string_view literal;
            if (const auto q = what.find('\''); q != std::string_view::npos && what.back() == '\'')
                literal = what.substr(q + 1, what.size() - q - 2);
            report(diags, codes::Syntax, name, positionAt(t, findWord(t, bom, literal)),
                   "syntax error: number " + std::string(literal) + " is too large");
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
