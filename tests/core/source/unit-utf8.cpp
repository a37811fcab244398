// The one UTF-8 check and encoder every author-file reader uses (scenarios, frameworks, Twine).
#include <doctest/doctest.h>

#include <string>

#include "core/source/utf8.hpp"

using namespace rapport;

TEST_CASE("utf8: well-formed text passes, from any starting offset") {
    CHECK_FALSE(findInvalidUtf8("").has_value());
    CHECK_FALSE(findInvalidUtf8("plain ASCII text that is longer than eight bytes").has_value());
    CHECK_FALSE(findInvalidUtf8("Кириллица и 日本語 и \xF0\x9F\x98\x80").has_value());
    CHECK_FALSE(findInvalidUtf8("\xF4\x8F\xBF\xBF \xED\x9F\xBF \xEE\x80\x80 \xC2\x80").has_value());
    CHECK_FALSE(findInvalidUtf8("\xFF ok", 1).has_value());
}

TEST_CASE("utf8: the first bad sequence is found with its reason, also after long ASCII runs") {
    const std::string ascii(37, 'a');
    const auto check = [&](const std::string& bad, const char* reason) {
        const auto r = findInvalidUtf8(ascii + bad + "tail");
        REQUIRE(r.has_value());
        CHECK(r->offset == ascii.size());
        CHECK(std::string(r->reason) == reason);
    };
    check("\x80", "continuation byte without a lead byte");
    check("\xC0\xAF", "overlong encoding");
    check("\xE0\x80\xAF", "overlong encoding");
    check("\xF0\x80\x80\xAF", "overlong encoding");
    check("\xED\xA0\x80", "encodes a UTF-16 surrogate");
    check("\xF4\x90\x80\x80", "code point above U+10FFFF");
    check("\xF5\x80\x80\x80", "never valid in UTF-8");
    check("\xE2\x82", "incomplete multi-byte sequence");
    const auto atEnd = findInvalidUtf8(ascii + "\xE2\x82");
    REQUIRE(atEnd.has_value());
    CHECK(std::string(atEnd->reason) == "incomplete multi-byte sequence");
}

TEST_CASE("utf8: encoding every length, and counting code points") {
    std::string s;
    for (std::uint32_t cp : {0x41u, 0xE9u, 0x65E5u, 0x1F600u, 0x10FFFFu}) appendUtf8(s, cp);
    CHECK(s == "A\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
    CHECK_FALSE(findInvalidUtf8(s).has_value());
    CHECK(codePointCount(s) == 5);
    CHECK(codePointCount("") == 0);
    CHECK(codePointCount("日本語") == 3);
}
