#include "core/translation/ui_text_in.hpp"

#include "core/text/separator_swap.hpp"
#include "core/translation/interface_language.hpp"

namespace rapport {

namespace {

// Runs `lookup` with the interface in `lang`, then puts the interface's language back. The
// pointer gettext returned stays valid: catalogues are never unloaded.
template <typename Lookup>
const char* inLanguage(std::string_view lang, Lookup lookup) {
    const std::string wanted = languageOfLocaleName(lang);
    if (wanted == interfaceLanguage()) return lookup();
    const std::string saved = interfaceLanguage();
    setInterfaceLanguage(wanted);
    const char* out = lookup();
    setInterfaceLanguage(saved);
    return out;
}

bool isEnglish(std::string_view lang) { return languageOfLocaleName(lang) == "en"; }

}  // namespace

const char* trIn(std::string_view lang, const char* msgid) {
    if (isEnglish(lang)) return msgid;
    return inLanguage(lang, [&] { return tr(msgid); });
}

const char* trcIn(std::string_view lang, const char* context, const char* msgid) {
    if (isEnglish(lang)) return msgid;
    return inLanguage(lang, [&] { return trc(context, msgid); });
}

const char* trnIn(std::string_view lang, const char* singular, const char* plural,
                  unsigned long n) {
    if (isEnglish(lang)) return n == 1 ? singular : plural;
    return inLanguage(lang, [&] { return trn(singular, plural, n); });
}

std::string uiNumberIn(std::string_view lang, std::string_view cNumber) {
    // TRANSLATORS: the decimal separator of numbers shown to people ("," in Russian).
    const std::string_view separator = trcIn(lang, "decimal separator", ".");
    return swapSeparator(cNumber, '.', separator);
}

}  // namespace rapport
