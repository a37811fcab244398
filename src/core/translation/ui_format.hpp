// Filling the named placeholders of a translated sentence: "Your attempts are kept in {path}."
// Translators move a placeholder wherever their grammar puts it, which the order of a printf
// argument list cannot do; the names tell them what will stand there.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace rapport {

using UiArg = std::pair<std::string_view, std::string_view>;

// `pattern` with every "{name}" of `args` replaced by its value. An unknown or unclosed brace is
// kept as written, so a translator's typo shows up on screen instead of losing text.
std::string uiFormat(std::string_view pattern, std::initializer_list<UiArg> args);

// A number written by core/text/number_format ("82.5") with the decimal separator of the
// interface language ("82,5" in Russian): the catalogue's translation of "." in context
// "decimal separator". Files and machine output keep the point; only what people read changes.
std::string uiNumber(std::string_view cNumber);

}  // namespace rapport
