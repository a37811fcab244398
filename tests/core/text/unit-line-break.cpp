// Line breaking by the rules of each script (issue #16 item 5): the cases trainees met — "ISO"
// cut into "IS / O", "1,180円" into "1, / 180円", lines starting with a comma or 。 — at every
// width, with a monospace measure (one unit per character) so the test is exact.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/source/utf8.hpp"
#include "core/text/line_break.hpp"

using namespace rapport;

namespace {

float characters(std::string_view s) { return static_cast<float>(codePointCount(s)); }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        out.push_back(text.substr(from, nl - from));
        from = nl + 1;
    }
    out.push_back(text.substr(from));
    return out;
}

bool startsWith(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }
bool endsWith(const std::string& s, std::string_view p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::string withoutSpaces(std::string s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n') out += c;
    return out;
}

// The widest piece of `text` with no break opportunity inside: narrower than that, a line must
// be cut between characters whatever the rules say.
int widestUnbreakable(const std::string& text) {
    int widest = 0;
    std::size_t from = 0;
    for (const auto& op : lineBreakOpportunities(text)) {
        std::string piece = text.substr(from, op.offset - from);
        while (!piece.empty() && piece.back() == ' ') piece.pop_back();
        widest = std::max(widest, static_cast<int>(codePointCount(piece)));
        from = op.offset;
    }
    return widest;
}

// Wraps `text` at every width from 1 to its length: no line is wider than the width and nothing
// is lost; from the widest unbreakable piece on, each line is handed to `check` as well.
template <class Check>
void atEveryWidth(const std::string& text, Check check) {
    const auto n = static_cast<int>(codePointCount(text));
    const int rulesFrom = widestUnbreakable(text);
    CHECK(rulesFrom < 16);  // the rules are exercised over most widths
    for (int w = 1; w <= n; ++w) {
        CAPTURE(w);
        const std::string wrapped = wrapText(text, static_cast<float>(w), characters);
        CHECK(withoutSpaces(wrapped) == withoutSpaces(text));
        for (const auto& line : lines(wrapped)) {
            CAPTURE(line);
            CHECK(characters(line) <= static_cast<float>(w));
            if (w >= rulesFrom) check(line, w);
        }
    }
}

}  // namespace

TEST_CASE(
    "line breaking: words, numbers and abbreviations stay whole; punctuation stays on its line") {
    atEveryWidth("The ISO 9001 audit costs 1,180.50 euros, or 1 180 roubles.",
                 [](const std::string& line, int w) {
                     for (const char* p : {",", ".", "SO", "O ", "180.50", "0 "})
                         CHECK_FALSE(startsWith(line, p));
                     // A whole word that fits the width is never cut.
                     if (w >= 8)
                         CHECK((line.find("ISO") != std::string::npos ||
                                line.find("IS") == std::string::npos));
                     if (w >= 8)
                         CHECK((line.find("1,180.50") != std::string::npos ||
                                line.find("1,1") == std::string::npos));
                 });
}

TEST_CASE("line breaking: Cyrillic lines never start with a comma, a dash or a closing guillemet") {
    atEveryWidth("Да, конечно, Иван Петрович — «Цветочный ряд», как договорились.",
                 [](const std::string& line, int w) {
                     for (const char* p : {",", ".", "»"}) CHECK_FALSE(startsWith(line, p));
                     CHECK_FALSE(endsWith(line, "«"));
                     CHECK_FALSE(startsWith(line, "—"));  // the dash ends a line, as in print
                     (void)w;
                 });
}

TEST_CASE(
    "line breaking: Japanese kinsoku — no line starts with 。、」 or a small kana, none ends with "
    "「") {
    atEveryWidth(
        "検体の回収は夕方五時です。「明日から、ちょっと早めにお願いします」とのことでした。"
        "価格は1,180円（税込）になります。",
        [](const std::string& line, int w) {
            for (const char* p : {"。", "、", "」", "）", "ょ", "っ"})
                CHECK_FALSE(startsWith(line, p));
            for (const char* p : {"「", "（"}) CHECK_FALSE(endsWith(line, p));
            if (w >= 6) {
                CHECK_FALSE(startsWith(line, "180円"));
                CHECK_FALSE(endsWith(line, "1,"));
            }
        });
}

TEST_CASE("line breaking: a per cent sign stays with its figure") {
    atEveryWidth("Test-wise play passes 16 % of the time; доля сдавших 15,9 % из 10 000.",
                 [](const std::string& line, int w) {
                     CHECK_FALSE(startsWith(line, "%"));
                     (void)w;
                 });
}

TEST_CASE("line breaking: lines fill the width, existing breaks stay, an overlong word is cut") {
    CHECK(wrapText("one two three four", 9, characters) == "one two\nthree\nfour");
    CHECK(wrapText("first line\n\nthird", 40, characters) == "first line\n\nthird");
    CHECK(wrapText("see https://example.com/a/very/long/path now", 10, characters) ==
          "see\nhttps://\nexample.co\nm/a/very/\nlong/path\nnow");  // "example.com" is cut
    CHECK(wrapText("abcdefghij", 4, characters) == "abcd\nefgh\nij");
    CHECK(wrapText("unchanged", 0, characters) == "unchanged");
    // Invalid UTF-8 is not segmented, but still cut between bytes so nothing overflows.
    CHECK(withoutSpaces(wrapText(std::string("ab\xff"
                                             "cd"),
                                 2, characters)) ==
          "ab\xff"
          "cd");
}

// The radar chart's labels (app/shell/widgets) wrap no narrower than their longest word, so a
// Russian competency name is never cut inside a word.
TEST_CASE("line breaking: the widest unbreakable piece is the narrowest width that cuts nothing") {
    const std::string ru = "Деловая этика и стрессоустойчивость";
    CHECK(widestUnbreakable(ru, characters) == characters("стрессоустойчивость"));
    const std::string wrapped = wrapText(ru, widestUnbreakable(ru, characters), characters);
    CHECK(lines(wrapped) == std::vector<std::string>{"Деловая этика и", "стрессоустойчивость"});
    CHECK(widestUnbreakable("価格は1,180円です。", characters) >=
          characters("1,180"));  // a number is one piece
    CHECK(widestUnbreakable("", characters) == 0);
}
