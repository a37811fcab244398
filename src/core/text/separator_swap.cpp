#include "core/text/separator_swap.hpp"

namespace rapport {

std::string swapSeparator(std::string_view text, char from, std::string_view to) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (c == from)
            out.append(to);
        else
            out.push_back(c);
    return out;
}

}  // namespace rapport
