// Soft line breaks for a multi-line edit field that wraps its text (Dear ImGui 1.86's
// InputTextMultiline does not): the field's buffer holds the text with "\r\n" inserted where a
// line is wrapped. ImGui draws and measures "\r" as nothing and breaks the line at the "\n", so
// the author sees wrapped lines; the value read back has every soft break taken out again.
// Breaks are chosen by the project's Unicode line breaking (core/text/line_break, UAX #14 with
// kinsoku), greedily, with the spaces at a break kept on the line before it so no character of
// the value is lost. A carriage return of the value itself is not kept (the buffer's "\r" are
// all soft breaks).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/text/line_break.hpp"

namespace rapport {

inline constexpr std::string_view kSoftBreak = "\r\n";

// `plain` (any "\r" dropped first) with a soft break wherever a line would be wider than
// `width` by `measure`; a word wider than a whole line is cut between characters. `width` <= 0:
// no soft breaks.
std::string softWrap(std::string_view plain, float width, const TextMeasure& measure);

// The value a field's buffer holds: every soft break ("\r\n") and stray "\r" removed.
std::string stripSoftBreaks(std::string_view shown);

// The offset in the stripped value of byte `shownOffset` of the buffer (bytes of soft breaks
// before it not counted).
std::size_t plainOffset(std::string_view shown, std::size_t shownOffset);
// The buffer offset of value offset `plainOffset`; at a soft break, the start of the next line
// (where typing on continues).
std::size_t shownOffset(std::string_view shown, std::size_t plainOffset);

}  // namespace rapport
