#include "app/shell/interface_language.hpp"

#include "core/framework/framework.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

// The catalogue names its own language: a translator translates this entry to their language's
// code, so whichever catalogue tr() reads from answers, with no second source of truth.
std::string interfaceLanguage() {
    return baseLanguage(rapport::trc("language code of this translation (en, ja, ru)", "en"));
}

}  // namespace rapport::app
