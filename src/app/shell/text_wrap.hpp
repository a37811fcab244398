// Text broken into lines for the current font by core's Unicode line breaking (UAX #14 with
// Japanese kinsoku, core/text/line_break), instead of Dear ImGui's own wrapping, which breaks
// after any punctuation ("1, / 180円") and inside CJK runs anywhere. Every wrapped text of the
// app goes through here; ImGui then draws the lines unwrapped.
#pragma once

#include <string>
#include <string_view>

namespace rapport::app::ui {

// `text` with line breaks so that every line fits `width` pixels in the current font and size.
// Results are cached (per font, size, width and text): screens wrap the same texts every frame.
std::string wrappedText(std::string_view text, float width);
// As above at `fontSize` pixels of the current font (a label drawn smaller than the text).
std::string wrappedText(std::string_view text, float width, float fontSize);

// The widest word (piece between break opportunities) of `text` at `fontSize` pixels of the
// current font: below this width wrapping would cut inside a word.
float widestWord(std::string_view text, float fontSize);

// The width ImGui's wrapping would use at the cursor: the innermost PushTextWrapPos in force,
// else the right edge of the window's content region (or of the table column).
float wrapWidthAtCursor();

}  // namespace rapport::app::ui
