#include "core/source/json_syntax_error.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/source/json_scan.hpp"

namespace rapport {

namespace {

bool isContinuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

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

}  // namespace

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

std::size_t findWord(std::string_view t, std::size_t bom, std::string_view word) {
    for (std::size_t i = skipJsonSpace(t, bom); i < t.size();) {
        const Token tok = lexToken(t, i);
        if (t.substr(tok.start, tok.end - tok.start) == word) return tok.start;
        i = skipJsonSpace(t, tok.end);
    }
    return bom;
}

}  // namespace rapport
