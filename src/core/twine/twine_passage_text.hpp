// Splits the text of a Twine passage into what a scenario can use — the words said and the
// links, which become choices — and the story-format code it cannot (SugarCube <<macros>>,
// Harlowe (macros:) and hooks, Chapbook inserts and modifiers, Snowman <% %>, scripts, HTML).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct TwineLink {
    std::string text;    // what the reader clicks
    std::string target;  // the passage it leads to, as written
    std::size_t offset;  // of "[[" in the passage text
};

struct TwineMarkup {
    std::size_t offset;  // in the passage text
    std::string what;    // a short description for a diagnostic: "SugarCube macro <<set>>"
};

struct TwinePassageText {
    std::string text;                 // prose only: code removed, lines holding only links dropped,
                                      // inline links replaced by their text, blank runs collapsed
    std::vector<TwineLink> links;     // in text order
    std::vector<TwineMarkup> code;    // story-format code that was left out or left as written
    std::vector<TwineMarkup> broken;  // markup that is not closed ("[[" without "]]", …)
};

// Links follow Twine 2: [[target]], [[text|target]], [[text->target]] (the rightmost "->") and
// [[target<-text]] (the leftmost "<-"); a SugarCube setter "[[…][$x to 1]]" is reported as code.
// Linear in the length of `text`; never recurses.
TwinePassageText readPassageText(std::string_view text);

}  // namespace rapport
