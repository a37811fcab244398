// The one byte -> line:column rule (core/source/line_index.hpp) that JSON and Twine diagnostics
// share: the forward cursor and the random-access index must give the same position for every
// byte of every text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/source/line_index.hpp"

using namespace rapport;

namespace {

std::string pos(SourcePosition p) {
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

TEST_CASE("positions: 1-based, code points, a tab is one column, \\n ends a line") {
    const std::string text = "ab\n\tc\xC3\xA9z\r\n\xE2\x82\xACx";
    CHECK(pos(positionAt(text, 0)) == "1:1");
    CHECK(pos(positionAt(text, 2)) == "1:3");  // the '\n' itself ends line 1
    CHECK(pos(positionAt(text, 3)) == "2:1");
    CHECK(pos(positionAt(text, 4)) == "2:2");    // after the tab
    CHECK(pos(positionAt(text, 7)) == "2:4");    // after "é", two bytes, one column
    CHECK(pos(positionAt(text, 8)) == "2:5");    // '\r' is a column like any other
    CHECK(pos(positionAt(text, 10)) == "3:1");   // "\r\n" is one break
    CHECK(pos(positionAt(text, 13)) == "3:2");   // after the euro sign
    CHECK(pos(positionAt(text, 999)) == "3:3");  // clamped to the end
}

TEST_CASE("a leading byte order mark takes no column") {
    const std::string text = "\xEF\xBB\xBF{\n\"a\"}";
    for (std::size_t i = 0; i <= 3; ++i) CHECK(pos(positionAt(text, i)) == "1:1");
    CHECK(pos(positionAt(text, 4)) == "1:2");
    CHECK(pos(LineIndex(text).at(4)) == "1:2");
    CHECK(pos(positionAt("x\xEF\xBB\xBFy", 4)) == "1:3");  // only a leading one is a mark
}

TEST_CASE("the cursor and the index agree on every byte") {
    const std::vector<std::string> texts = {
        "",
        "\n\n\n",
        "\xEF\xBB\xBF",
        "\xEF\xBB\xBF\xEF\xBB\xBF\n",
        "{\r\n  \"k\": \"\xF0\x9F\x98\x80\",\r\n\t\"n\": 1\n}\n",
        "\x80\x80 stray continuation bytes\n\xC3",
        "line\nno newline at the end \xE4\xB8\xAD"};
    for (const auto& text : texts) {
        CAPTURE(text);
        const LineIndex index(text);
        PositionCursor cursor(text);
        for (std::size_t i = 0; i <= text.size() + 1; ++i) {
            CAPTURE(i);
            const SourcePosition fromIndex = index.at(i);
            CHECK(pos(cursor.at(i)) == pos(fromIndex));
            CHECK(pos(positionAt(text, i)) == pos(fromIndex));
        }
    }
}
