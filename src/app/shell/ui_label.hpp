// Widget labels in the interface language whose ImGui id stays the same in every language, so
// a language switch keeps focus, open state and scroll, and scripts find widgets by the English
// words ("Start training") whichever language is shown (driver/widget_locator.hpp).
#pragma once

#include <string>

#include "core/translation/ui_text.hpp"

namespace rapport::app {

// tr(msgid) + "###" + msgid. xgettext knows it as a keyword (po/ui/CMakeLists.txt).
inline std::string trLabel(const char* msgid) {
    return std::string(rapport::tr(msgid)) + "###" + msgid;
}

using rapport::trNoop;

}  // namespace rapport::app
