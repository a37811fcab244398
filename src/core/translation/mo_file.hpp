// Reading the translations out of a compiled GNU gettext catalogue (.mo), for what libintl does
// not offer: the whole text of a language at once, so the app can load every glyph the
// interface will draw in it (Japanese needs its characters in the font atlas before the first
// frame that shows them).
#pragma once

#include <filesystem>
#include <string>

namespace rapport {

// Every msgstr of the .mo file at `path` (plural forms included), each ended by a newline and
// never holding NUL. Empty when the
// file is missing or not a .mo file; a truncated file gives what could be read. Never throws.
std::string moTranslationsText(const std::filesystem::path& path);

}  // namespace rapport
