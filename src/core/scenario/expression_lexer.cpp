#include "core/scenario/expression_lexer.hpp"

#include "core/scenario/expression.hpp"

namespace rapport {

using namespace expression_detail;

std::string expression_detail::describeChar(std::string_view s, std::size_t at,
                                            std::size_t& length) {
    const auto c = static_cast<unsigned char>(s[at]);
    length = 1;
    if (c >= 0x21 && c < 0x7F) return "'" + std::string(1, static_cast<char>(c)) + "'";
    std::size_t n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (c >= 0xF5) n = 0;
    if (n > 0 && at + n <= s.size()) {
        bool ok = true;
        for (std::size_t i = 1; i < n; ++i)
            ok = ok && (static_cast<unsigned char>(s[at + i]) & 0xC0) == 0x80;
        if (ok) {
            length = n;
            return "'" + std::string(s.substr(at, n)) + "'";
        }
    }
    static const char* hex = "0123456789ABCDEF";
    return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
}

std::vector<NodeMention> visitedNodeMentions(std::string_view source) {
    std::vector<NodeMention> out;
    if (source.size() > kMaxExpressionLength) return out;
    Lexer lexer(source);
    // The last two tokens: an id in quotes counts only right after `visited (`.
    Tok before = Tok::End, last = Tok::End;
    bool lastIsVisited = false, beforeIsVisited = false;
    for (;;) {
        const Token t = lexer.next();
        if (t.kind == Tok::End || t.kind == Tok::Bad) break;
        if (t.kind == Tok::String && last == Tok::LParen && before == Tok::Identifier &&
            beforeIsVisited && t.length >= 2)
            out.push_back({t.offset + 1, t.length - 2});
        beforeIsVisited = lastIsVisited;
        before = last;
        last = t.kind;
        lastIsVisited = t.kind == Tok::Identifier && source.substr(t.offset, t.length) == "visited";
    }
    return out;
}

}  // namespace rapport
