// Text from files on its way to a terminal. A scenario, a transcript or a Twine story is written
// by someone else: a raw ESC or BEL in a key or a text would clear the screen, retitle the
// window or recolour (and so hide or fake) lines, and a NUL would cut a printed line short.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rapport {

enum class TerminalLines {
    Keep,    // '\n' is a line break that is meant (a node's text, a debrief)
    Escape,  // one line only (a diagnostic): '\n' is shown as "\n" too
};

// `text` with every control character shown as an escape, so it prints as it reads: "\x1b",
// "\x07", "\x00", "\r", "\x7f"; the C1 controls U+0080..U+009F as "\u009b"; a byte that is not
// valid UTF-8 as "\xNN". Tabs stay, '\n' stays unless `lines` says Escape, and valid UTF-8 is
// kept byte for byte, so ordinary text is returned unchanged.
std::string terminalSafe(std::string_view text, TerminalLines lines = TerminalLines::Keep);

// How many terminal columns `text` (UTF-8) takes: East Asian wide and full-width characters two
// (Japanese kana and kanji, full-width punctuation), combining marks none, others one. For
// lining up a column of labels in any language; a byte that is not UTF-8 counts as one.
std::size_t terminalColumns(std::string_view text);

}  // namespace rapport
