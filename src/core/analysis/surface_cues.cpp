#include "core/analysis/surface_cues.hpp"

#include <cstdint>

namespace rapport {

namespace {

// The data table. Openers are what a reply says first when it acknowledges or apologises before
// it does anything else; risky words are what a cautious guesser avoids. Lists are matched
// without case, so each entry is written once.
const std::vector<SurfaceCueTable>& tables() {
    static const std::vector<SurfaceCueTable> t = {
        {"en",
         {"I understand",
          "I totally understand",
          "I completely understand",
          "I see",
          "I hear you",
          "I hear",
          "I'm sorry",
          "I am sorry",
          "I'm so sorry",
          "I'm really sorry",
          "Sorry",
          "I apologise",
          "I apologize",
          "My apologies",
          "Apologies",
          "Thank you",
          "Thanks",
          "You're right",
          "You are right",
          "You're absolutely right",
          "That's a fair point",
          "That is a fair point",
          "Fair point",
          "Good point",
          "Great question",
          "Good question",
          "Of course",
          "Absolutely",
          "Certainly",
          "I appreciate",
          "That makes sense",
          "Understood",
          "Fair enough",
          "I get it",
          "I know"},
         {"discount", "guarantee", "promise", "free", "%", "percent", "my word"}},
        {"ja",
         {"おっしゃる通り",
          "おっしゃるとおり",
          "仰る通り",
          "ご不便",
          "大変ご不便",
          "申し訳",
          "大変申し訳",
          "誠に申し訳",
          "大変失礼",
          "失礼いたしました",
          "ごもっとも",
          "承知",
          "かしこまりました",
          "ありがとうございます",
          "ありがとうございました",
          "お気持ち",
          "ご心配",
          "ご迷惑",
          "大変ご迷惑",
          "恐れ入ります",
          "確かに",
          "なるほど"},
         {"値引き", "割引", "値下げ", "保証", "お約束", "約束", "無料", "無償", "%", "％",
          "パーセント"}},
        {"ru",
         {"Понимаю",       "Я понимаю", "Я вас понимаю",     "Понятно",        "Да, понимаю",
          "Извините",      "Простите",  "Приношу извинения", "Прошу прощения", "Примите извинения",
          "Сожалею",       "Мне жаль",  "Спасибо",           "Благодарю",      "Вы правы",
          "Согласен",      "Согласна",  "Конечно",           "Разумеется",     "Безусловно",
          "Хороший вопрос"},
         {"скидк", "гарант", "обеща", "бесплатн", "%", "процент", "даю слово"}},
    };
    return t;
}

// Decodes one code point at `i` (advancing it); an invalid byte reads as itself.
char32_t next(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    char32_t cp = extra == 3 ? b & 0x07 : extra == 2 ? b & 0x0F : extra == 1 ? b & 0x1F : b;
    ++i;
    for (; extra > 0 && i < s.size(); --extra, ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) break;
        cp = (cp << 6) | (c & 0x3F);
    }
    return cp;
}

char32_t fold(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 32;
    if (c >= 0x0410 && c <= 0x042F) return c + 32;  // А..Я
    if (c == 0x0401) return 0x0451;                 // Ё
    if (c == 0x2019) return U'\'';                  // ’
    return c;
}

std::u32string folded(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out += fold(next(s, i));
    return out;
}

bool isLetter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0x0400 && c <= 0x04FF);
}

bool isOpeningMark(char32_t c) {
    switch (c) {
        case U' ':
        case U'\t':
        case U'\n':
        case U'"':
        case U'\'':
        case U'(':
        case U'[':
        case U'\u00AB': /* « */
        case U'\u201C': /* “ */
        case U'\u2018': /* ‘ */
        case U'\u300C': /* 「 */
        case U'\u300E': /* 『 */
        case U'\u3000': /* ideographic space */
            return true;
        default:
            return false;
    }
}

}  // namespace

const std::vector<SurfaceCueTable>& surfaceCueTables() { return tables(); }

const SurfaceCueTable& surfaceCuesFor(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    for (const auto& t : tables())
        if (folded(primary) == folded(t.language)) return t;
    return tables().front();
}

int replyLength(std::string_view text) {
    int n = 0;
    for (char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

bool hasQuestionMark(std::string_view text) {
    return text.find('?') != std::string_view::npos ||
           text.find("\xEF\xBC\x9F") != std::string_view::npos;  // ？
}

bool hasFigures(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next(text, i);
        if ((c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19)) return true;
    }
    return false;
}

bool opensWithAcknowledgement(std::string_view text, const SurfaceCueTable& cues) {
    const std::u32string t = folded(text);
    std::size_t start = 0;
    while (start < t.size() && isOpeningMark(t[start])) ++start;
    for (const auto& opener : cues.openers) {
        const std::u32string o = folded(opener);
        if (t.compare(start, o.size(), o) != 0) continue;
        const std::size_t end = start + o.size();
        if (isLetter(o.back()) && end < t.size() && isLetter(t[end])) continue;
        return true;
    }
    return false;
}

bool hasRiskyWord(std::string_view text, const SurfaceCueTable& cues) {
    const std::u32string t = folded(text);
    for (const auto& w : cues.riskyWords)
        if (t.find(folded(w)) != std::u32string::npos) return true;
    return false;
}

}  // namespace rapport
