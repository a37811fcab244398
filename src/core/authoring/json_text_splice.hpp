// Many string values of a human-written JSON text replaced at once, in place: what a localised
// scenario (core/translation/scenario_catalogue.hpp) and an alternate form
// (core/alternates/alternate_scenario.hpp) are made of. Everything around the replaced values
// (key order, layout, comments) stays byte for byte as the author wrote it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct JsonStringReplacement {
    std::string pointer;  // JSON pointer of an existing value
    std::string text;     // the new string, written as a JSON string literal
};

// The text with each value at a replacement's pointer replaced by its string. A pointer the text
// does not have is skipped (the caller has checked its pointers against the loaded file).
std::string spliceJsonStrings(std::string_view text,
                              const std::vector<JsonStringReplacement>& replacements);

}  // namespace rapport
