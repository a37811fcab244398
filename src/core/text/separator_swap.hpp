// A number written the C way ("1,050.5") with its separators swapped for a language's: the
// decimal point for "," in Russian, the comma between digit groups for a no-break space. One
// loop for every place that shows numbers to people in the interface language.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

// `text` with every `from` replaced by `to`.
std::string swapSeparator(std::string_view text, char from, std::string_view to);

}  // namespace rapport
