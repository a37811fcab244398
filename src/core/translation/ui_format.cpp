#include "core/translation/ui_format.hpp"

#include "core/text/separator_swap.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

std::string uiFormat(std::string_view pattern, std::initializer_list<UiArg> args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    std::size_t i = 0;
    while (i < pattern.size()) {
        const auto open = pattern.find('{', i);
        if (open == std::string_view::npos) break;
        const auto close = pattern.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(i, open - i));
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const UiArg* found = nullptr;
        for (const auto& a : args)
            if (a.first == name) found = &a;
        if (found)
            out.append(found->second);
        else
            out.append(pattern.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(pattern.substr(i));
    return out;
}

std::string uiNumber(std::string_view cNumber) {
    // TRANSLATORS: the decimal separator of numbers shown to people ("," in Russian).
    const std::string_view separator = trc("decimal separator", ".");
    return swapSeparator(cNumber, '.', separator);
}

}  // namespace rapport
