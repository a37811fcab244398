// Soft line breaks for the wrapping multi-line field: re-flow by UAX #14 to a width, the value
// back without them, and the cursor kept on the same character.
#include <doctest/doctest.h>

#include "core/authoring/soft_wrap.hpp"

using namespace rapport;

namespace {
// One unit per code point, so widths are counted in characters.
float chars(std::string_view s) {
    float n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}
}  // namespace

TEST_CASE("soft wrap: breaks at word boundaries, keeps spaces and hard breaks, reads back whole") {
    const std::string value = "We can look at the fee\nonce I know your volumes.";
    const std::string shown = softWrap(value, 10, chars);
    CHECK(shown == "We can \r\nlook at \r\nthe fee\nonce I \r\nknow your \r\nvolumes.");
    CHECK(stripSoftBreaks(shown) == value);
    // Every line fits ten characters (trailing spaces not counted).
    for (std::size_t from = 0; from <= shown.size();) {
        const std::size_t nl = std::min(shown.find('\n', from), shown.size());
        std::string line = stripSoftBreaks(shown.substr(from, nl - from));
        while (!line.empty() && line.back() == ' ') line.pop_back();
        CHECK(chars(line) <= 10);
        from = nl + 1;
    }
    // Nothing to wrap: the value as it is; no width: no breaks.
    CHECK(softWrap("short", 10, chars) == "short");
    CHECK(softWrap(value, 0, chars) == value);
}

TEST_CASE("soft wrap: numbers and Japanese by the line-breaking rules; a long word is cut") {
    // "1,180円" is never split; Japanese breaks between characters but not before 。
    const std::string price = softWrap("Total 1,180円 today", 8, chars);
    CHECK(price.find("1,180円") != std::string::npos);
    const std::string ja = softWrap("お見積もりをお送りします。", 6, chars);
    CHECK(ja.find("\r\n。") == std::string::npos);
    CHECK(stripSoftBreaks(ja) == "お見積もりをお送りします。");
    const std::string url = softWrap("https://example.com/a/very/long/path", 10, chars);
    CHECK(stripSoftBreaks(url) == "https://example.com/a/very/long/path");
    CHECK(url.find("\r\n") != std::string::npos);
}

TEST_CASE("soft wrap: the cursor stays on the same character across a re-flow") {
    const std::string value = "We can look at the fee";
    const std::string shown = softWrap(value, 10, chars);
    for (std::size_t p = 0; p <= value.size(); ++p) {
        const std::size_t s = shownOffset(shown, p);
        CHECK(plainOffset(shown, s) == p);
        if (p < value.size()) CHECK(shown[s] == value[p]);
    }
    // At a soft break the cursor goes to the start of the next line.
    const std::size_t at = value.find("look");
    CHECK(shown.substr(shownOffset(shown, at), 4) == "look");
    // A typed character re-flows: the cursor after it, wherever the line now breaks.
    std::string edited = stripSoftBreaks(shown);
    edited.insert(6, "'t");  // "We can't look…": "look" no longer fits the first line
    const std::string again = softWrap(edited, 10, chars);
    CHECK(again.substr(0, shownOffset(again, 9)) == "We can't \r\n");
    // Stray carriage returns (a soft break's "\n" deleted) are dropped from the value.
    CHECK(stripSoftBreaks("a\rb\r\nc") == "abc");
}
