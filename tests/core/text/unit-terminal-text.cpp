// terminalSafe: control characters shown, text otherwise untouched.
#include <doctest/doctest.h>

#include <string>

#include "core/text/terminal_text.hpp"

using namespace rapport;

TEST_CASE("terminal text: control characters are shown escaped") {
    CHECK(terminalSafe("plain text, Grüße, 日本語") == "plain text, Grüße, 日本語");
    CHECK(terminalSafe("\x1b[2J\x07") == "\\x1b[2J\\x07");
    CHECK(terminalSafe(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(terminalSafe("cr\rdel\x7f") == "cr\\rdel\\x7f");
    CHECK(terminalSafe("tab\tline\nnext") == "tab\tline\nnext");
    CHECK(terminalSafe("line\nnext", TerminalLines::Escape) == "line\\nnext");
    // C1 controls (CSI is U+009B) and bytes that are not UTF-8.
    CHECK(terminalSafe("\xc2\x9b"
                       "31m") == "\\u009b31m");
    CHECK(terminalSafe("\xc2\xa0nbsp") == "\xc2\xa0nbsp");
    CHECK(terminalSafe("bad \xff\xc3 end") == "bad \\xff\\xc3 end");
    CHECK(terminalSafe("cut \xe6\x97") == "cut \\xe6\\x97");
}

TEST_CASE("terminal text: columns a label takes, for lining labels up in any language") {
    CHECK(terminalColumns("best") == 4);
    CHECK(terminalColumns("лучший") == 6);   // Cyrillic: one column a letter, two bytes each
    CHECK(terminalColumns("最良") == 4);     // kanji: two columns each
    CHECK(terminalColumns("ｱ") == 1);        // half-width katakana stays narrow
    CHECK(terminalColumns("e\u0301") == 1);  // a combining accent takes none
    CHECK(terminalColumns("\xff"
                          "a") == 2);  // a stray byte counts as one
    CHECK(terminalColumns("") == 0);
}
