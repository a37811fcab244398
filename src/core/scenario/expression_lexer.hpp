// The tokens of the expression language and the lexer that produces them, for the compiler and
// for the scan of node ids an expression mentions. Internal to core/scenario/expression*.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rapport::expression_detail {

enum class Tok {
    End,
    Integer,
    Identifier,
    String,
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Lt,
    Le,
    Gt,
    Ge,
    EqEq,
    Ne,
    Not,
    AndAnd,
    OrOr,
    Bad  // a lexical error; `error` says what
};

struct Token {
    Tok kind = Tok::End;
    std::size_t offset = 0;
    std::size_t length = 0;
    std::uint64_t number = 0;  // for Integer; numbers up to 2^63 fit (2^63 only after '-')
    bool numberTooBig = false;
    std::string error;  // for Bad
};

inline bool isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isIdentChar(char c) { return isIdentStart(c) || isDigit(c); }
inline bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// How a stray character is shown: itself when printable, the whole UTF-8 sequence when it is
// one (authors paste '≤' or '−'), else its byte value.
std::string describeChar(std::string_view s, std::size_t at, std::size_t& length);

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    Token next() {
        while (pos_ < s_.size() && isSpace(s_[pos_])) ++pos_;
        Token t;
        t.offset = pos_;
        if (pos_ >= s_.size()) return t;
        const char c = s_[pos_];
        if (isDigit(c)) return number(t);
        if (isIdentStart(c)) {
            while (pos_ < s_.size() && isIdentChar(s_[pos_])) ++pos_;
            return finish(t, Tok::Identifier);
        }
        if (c == '"' || c == '\'') return string(t, c);
        const char d = pos_ + 1 < s_.size() ? s_[pos_ + 1] : '\0';
        auto two = [&](Tok k) {
            pos_ += 2;
            return finish(t, k);
        };
        auto one = [&](Tok k) {
            pos_ += 1;
            return finish(t, k);
        };
        switch (c) {
            case '(':
                return one(Tok::LParen);
            case ')':
                return one(Tok::RParen);
            case ',':
                return one(Tok::Comma);
            case '+':
                return one(Tok::Plus);
            case '-':
                return one(Tok::Minus);
            case '*':
                return one(Tok::Star);
            case '/':
                return one(Tok::Slash);
            case '%':
                return one(Tok::Percent);
            case '<':
                return d == '=' ? two(Tok::Le) : one(Tok::Lt);
            case '>':
                return d == '=' ? two(Tok::Ge) : one(Tok::Gt);
            case '!':
                return d == '=' ? two(Tok::Ne) : one(Tok::Not);
            case '=':
                if (d == '=') return two(Tok::EqEq);
                return bad(t, 1, "'=' is not an operator here (use '==' to compare)");
            case '&':
                if (d == '&') return two(Tok::AndAnd);
                return bad(t, 1, "'&' is not an operator (use '&&' for \"and\")");
            case '|':
                if (d == '|') return two(Tok::OrOr);
                return bad(t, 1, "'|' is not an operator (use '||' for \"or\")");
            default: {
                std::size_t len = 1;
                std::string what = describeChar(s_, pos_, len);
                return bad(t, len, "unexpected character " + what);
            }
        }
    }

private:
    Token finish(Token& t, Tok k) {
        t.kind = k;
        t.length = pos_ - t.offset;
        return t;
    }
    Token bad(Token& t, std::size_t len, std::string message) {
        pos_ += len;
        t.error = std::move(message);
        return finish(t, Tok::Bad);
    }
    Token number(Token& t) {
        std::uint64_t v = 0;
        bool tooBig = false;
        while (pos_ < s_.size() && isDigit(s_[pos_])) {
            const auto digit = static_cast<std::uint64_t>(s_[pos_] - '0');
            if (!tooBig && (v > (UINT64_MAX - digit) / 10 || v * 10 + digit > (1ULL << 63)))
                tooBig = true;
            if (!tooBig) v = v * 10 + digit;
            ++pos_;
        }
        if (pos_ < s_.size() && isIdentChar(s_[pos_])) {
            while (pos_ < s_.size() && isIdentChar(s_[pos_])) ++pos_;
            pos_ = std::min(pos_, s_.size());
            const std::size_t len = pos_ - t.offset;
            pos_ = t.offset;
            return bad(t, len, "invalid number '" + clip(s_.substr(t.offset, len)) + "'");
        }
        t.number = v;
        t.numberTooBig = tooBig;
        return finish(t, Tok::Integer);
    }
    Token string(Token& t, char quote) {
        ++pos_;
        while (pos_ < s_.size() && s_[pos_] != quote) ++pos_;
        if (pos_ >= s_.size()) {
            t.offset = pos_;
            return bad(t, 0,
                       std::string("expected a closing ") + (quote == '"' ? "'\"'" : "\"'\"") +
                           " but found end of expression");
        }
        ++pos_;
        return finish(t, Tok::String);
    }

public:
    static std::string clip(std::string_view s) {
        return s.size() <= 32 ? std::string(s) : std::string(s.substr(0, 32)) + "...";
    }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

}  // namespace rapport::expression_detail
