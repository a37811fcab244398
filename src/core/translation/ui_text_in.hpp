// The interface's words in a language chosen by the caller rather than the interface's own: for
// text composed in core for one reader (a debrief for `rapport score --lang ja`, English for the
// results store while the app shows Russian). Same catalogues as ui_text.hpp; xgettext keywords
// trIn:2, trcIn:2c,3, trnIn:2,3.
//
// English ("en", "", a region of it) never touches gettext's state, so scoring on a worker
// thread stays safe. Another language than the interface's switches the interface for the one
// lookup and back: single-threaded callers only (the CLI, tests).
#pragma once

#include <string>
#include <string_view>

#include "core/translation/ui_text.hpp"

namespace rapport {

const char* trIn(std::string_view lang, const char* msgid) RAPPORT_FORMAT_ARG(2);
const char* trcIn(std::string_view lang, const char* context, const char* msgid)
    RAPPORT_FORMAT_ARG(3);
const char* trnIn(std::string_view lang, const char* singular, const char* plural, unsigned long n)
    RAPPORT_FORMAT_ARG(2) RAPPORT_FORMAT_ARG(3);

// As uiNumber (ui_format.hpp), with the decimal separator of `lang`.
std::string uiNumberIn(std::string_view lang, std::string_view cNumber);

}  // namespace rapport
