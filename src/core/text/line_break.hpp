// Where a line of text may break, by the rules of each script: Unicode line breaking (UAX #14)
// from ICU, with the strict Japanese rules (kinsoku) — no line starts with 。、」) or a small
// kana, none ends with 「(, a number such as 1,180円 or a word such as ISO stays whole, and
// nothing breaks before a comma or a full stop in Latin or Cyrillic text. Every place Rapport
// wraps text (the app's screens) wraps through wrapText.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct BreakOpportunity {
    std::size_t offset = 0;  // byte offset in the UTF-8 text: a line may start here
    bool mandatory = false;  // the text has a line break (\n) just before
};

// Every offset where a new line may start, in order; the text's end is the last one. Text that
// is not valid UTF-8 gets no opportunities but its end.
std::vector<BreakOpportunity> lineBreakOpportunities(std::string_view utf8);

// Width of a piece of text, in whatever unit `width` is given (pixels in the app).
using TextMeasure = std::function<float(std::string_view)>;

// `utf8` with "\n" at the chosen breaks so that each line fits `width` (greedy: as much on each
// line as fits). Spaces at a break are dropped; existing line breaks are kept. A piece with no
// break opportunity that is wider than a whole line (a long URL) is cut between characters, so
// no text is ever lost or drawn past the edge. `width` <= 0 returns the text as it is.
std::string wrapText(std::string_view utf8, float width, const TextMeasure& measure);

// The width of the widest piece between two break opportunities (a word, a number, one CJK
// character with what kinsoku keeps with it), spaces at its end not counted: the narrowest width
// at which wrapText cuts nothing.
float widestUnbreakable(std::string_view utf8, const TextMeasure& measure);

}  // namespace rapport
