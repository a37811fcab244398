#include "core/translation/interface_language.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "core/translation/mo_file.hpp"

// glibc's catalogue cache counter: bumping it makes the next gettext call look the catalogue up
// again, which is how a program changes language while running (the gettext manual, "Being a
// gettext grok", documents the idiom).
extern "C" int _nl_msg_cat_cntr;

namespace rapport {

namespace fs = std::filesystem;

namespace {

fs::path& boundDir() {
    static fs::path dir;
    return dir;
}

std::string& current() {
    static std::string language = "en";
    return language;
}

bool isPlainC(const char* name) {
    return name == nullptr || std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0;
}

// LANGUAGE is ignored under the "C" locale, so LC_MESSAGES must be something else: the user's
// own locale when it exists, else the built-in C.UTF-8.
void prepareMessagesLocale() {
    if (!isPlainC(std::setlocale(LC_MESSAGES, nullptr))) return;
    if (!isPlainC(std::setlocale(LC_MESSAGES, ""))) return;
    std::setlocale(LC_MESSAGES, "C.UTF-8");
}

}  // namespace

std::string languageOfLocaleName(std::string_view name) {
    const auto end = name.find_first_of("_.@:");
    std::string lang(name.substr(0, end));
    if (lang.empty() || lang == "C" || lang == "POSIX") return "en";
    for (char& c : lang)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return lang;
}

std::optional<fs::path> locateLocaleDir(const fs::path& exe) {
    std::error_code ec;
    if (const char* env = std::getenv("RAPPORT_LOCALEDIR"); env != nullptr && *env != '\0')
        return fs::path(env);
    if (exe.empty()) return std::nullopt;
    const fs::path dir = exe.parent_path();
    if (fs::is_directory(dir / "locale", ec)) return dir / "locale";
    const fs::path share = (dir.parent_path() / "share" / "locale").lexically_normal();
    if (fs::is_directory(share, ec)) return share;
    return std::nullopt;
}

void initInterfaceText(const fs::path& localeDir, std::string_view language) {
    prepareMessagesLocale();
    boundDir() = localeDir;
    bindtextdomain(kUiTextDomain, localeDir.c_str());
    bind_textdomain_codeset(kUiTextDomain, "UTF-8");
    textdomain(kUiTextDomain);
    setInterfaceLanguage(language);
}

void setInterfaceLanguage(std::string_view language) {
    std::string lang = languageOfLocaleName(language);
    // English is the msgid itself; LANGUAGE=en finds no catalogue and falls back to it, but
    // naming it keeps a ja_JP environment's LANG from leaking in.
    setenv("LANGUAGE", lang.c_str(), 1);
    ++_nl_msg_cat_cntr;
    current() = std::move(lang);
}

const std::string& interfaceLanguage() { return current(); }

std::string interfaceLanguageText() {
    if (boundDir().empty()) return {};
    return moTranslationsText(boundDir() / current() / "LC_MESSAGES" /
                              (std::string(kUiTextDomain) + ".mo"));
}

std::string environmentLanguage() {
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (value == nullptr || *value == '\0') continue;
        std::string_view v(value);
        // LANGUAGE is a priority list ("ru:en"); its first entry is the wish.
        if (std::strcmp(var, "LANGUAGE") == 0) v = v.substr(0, v.find(':'));
        if (v.empty()) continue;
        return languageOfLocaleName(v);
    }
    return "en";
}

}  // namespace rapport
