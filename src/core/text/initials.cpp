#include "core/text/initials.hpp"

#include <unicode/uchar.h>

#include <array>
#include <vector>

#include "core/source/utf8.hpp"

namespace rapport {

namespace {

// Code points of valid UTF-8 (invalid bytes are skipped).
std::vector<char32_t> codePoints(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80           ? 1
                                : (c >> 5) == 0x6  ? 2
                                : (c >> 4) == 0xE  ? 3
                                : (c >> 3) == 0x1E ? 4
                                                   : 0;
        if (len == 0 || i + len > s.size() || findInvalidUtf8(s.substr(i, len))) {
            ++i;
            continue;
        }
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string utf8Of(char32_t cp) {
    std::string s;
    appendUtf8(s, static_cast<std::uint32_t>(cp));
    return s;
}

bool isCjk(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) ||  // hiragana, katakana
           (c >= 0x3400 && c <= 0x9FFF) ||  // CJK ideographs
           (c >= 0xAC00 && c <= 0xD7AF) ||  // Hangul syllables
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool looksLikePatronymic(std::string_view word) {
    static constexpr std::array<std::string_view, 9> kCyrillic = {
        "вич", "ич", "вна", "ична", "инична", "ВИЧ", "ИЧ", "ВНА", "ИЧНА"};
    static constexpr std::array<std::string_view, 6> kLatin = {"ovich", "evich", "ich",
                                                               "ovna",  "evna",  "ichna"};
    for (const auto s : kCyrillic)
        if (endsWith(word, s)) return true;
    const std::string lower = lowerAscii(word);
    for (const auto s : kLatin)
        if (endsWith(lower, s)) return true;
    return lower == "oglu" || lower == "ogly" || word == "оглы" || word == "кызы";
}

std::vector<std::string_view> wordsOf(std::string_view name) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && (name[i] == ' ' || name[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < name.size() && name[j] != ' ' && name[j] != '\t') ++j;
        if (j > i) words.push_back(name.substr(i, j - i));
        i = j;
    }
    return words;
}

// The first letter of `word`, upper-cased; empty when it has none.
std::string firstLetter(std::string_view word) {
    for (const char32_t c : codePoints(word))
        if (u_isalpha(static_cast<UChar32>(c)) || isCjk(c))
            return utf8Of(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))));
    return {};
}

}  // namespace

std::string initialsOf(std::string_view name) {
    std::vector<std::string_view> words = wordsOf(name);
    if (words.empty()) return "?";
    const auto first = codePoints(words.front());
    if (!first.empty() && isCjk(first.front())) {
        std::string out;
        for (std::size_t i = 0; i < first.size() && i < 2; ++i)
            if (isCjk(first[i])) out += utf8Of(first[i]);
        return out;
    }
    // A patronymic after the first word is not a surname; keep the last word when only the
    // first would be left ("Дмитрий Дмитриевич Шостакович").
    if (words.size() >= 3) {
        std::vector<std::string_view> kept = {words.front()};
        for (std::size_t i = 1; i < words.size(); ++i)
            if (!looksLikePatronymic(words[i])) kept.push_back(words[i]);
        if (kept.size() == 1) kept.push_back(words.back());
        words = kept;
    }
    std::string out = firstLetter(words.front());
    if (words.size() > 1) out += firstLetter(words.back());
    return out.empty() ? "?" : out;
}

}  // namespace rapport
