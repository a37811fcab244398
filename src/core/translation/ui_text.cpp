#include "core/translation/ui_text.hpp"

#include <libintl.h>

#include <string>

#include "core/translation/interface_language.hpp"

namespace rapport {

// dgettext rather than gettext: a library embedding the core keeps its own textdomain().
const char* tr(const char* msgid) { return dgettext(kUiTextDomain, msgid); }

// The msgctxt convention of xgettext and msgfmt: "context\004msgid" is the catalogue key. A miss
// gives back our own temporary key, so the English literal is returned instead.
const char* trc(const char* context, const char* msgid) {
    std::string key = std::string(context) + '\004' + msgid;
    const char* found = dgettext(kUiTextDomain, key.c_str());
    return found == key.c_str() ? msgid : found;
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    return dngettext(kUiTextDomain, singular, plural, n);
}

}  // namespace rapport
