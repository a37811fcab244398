// Which language the interface speaks and where its catalogues are. The catalogues are GNU
// gettext .mo files, <locale dir>/<lang>/LC_MESSAGES/rapport.mo, compiled from po/ui/ by the
// build; glibc's libintl reads them (ui_text.hpp looks the words up).
//
// The language is chosen by the LANGUAGE variable, which glibc honours whenever LC_MESSAGES is
// not the plain "C" locale. The program therefore sets LC_MESSAGES (only that category, so number
// formatting of JSON and CSV output stays in "C") to the user's locale, or to C.UTF-8, which
// every glibc since 2.35 has built in, when the user's locale is C or not installed. No other
// locale needs to be installed for ja or ru to show.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

inline constexpr const char* kUiTextDomain = "rapport";

// The folder holding <lang>/LC_MESSAGES/rapport.mo for the executable at `exe`, first match wins:
//   1. $RAPPORT_LOCALEDIR when set and not empty (used as given);
//   2. <exe dir>/locale (the build tree: the build compiles the catalogues there);
//   3. <exe dir>/../share/locale (an installed prefix).
// Returns nullopt when none is a folder. Only reads; never throws.
std::optional<std::filesystem::path> locateLocaleDir(const std::filesystem::path& exe);

// Binds the "rapport" domain to `localeDir` with UTF-8 output, prepares LC_MESSAGES as above and
// applies `language` (see setInterfaceLanguage). Call once at start, before any tr().
void initInterfaceText(const std::filesystem::path& localeDir, std::string_view language);

// Switches the interface language at once: "en", "ja", "ru", or "qps" (the pseudo-locale of the
// tests); a region or encoding ("ru_RU.UTF-8") is reduced to its language. An unknown language
// gives English. Later tr() calls answer in it; pointers returned earlier stay valid.
void setInterfaceLanguage(std::string_view language);

// The language set last ("en" before any call).
const std::string& interfaceLanguage();

// Every translated string of the current language's catalogue, concatenated (for the font
// atlas); empty for English or without catalogues.
std::string interfaceLanguageText();

// The language the user's environment asks for, in the order gettext itself reads it: the first
// entry of LANGUAGE, then LC_ALL, LC_MESSAGES, LANG; "en" when none names a language ("C",
// "POSIX" or unset). The result is reduced as in setInterfaceLanguage but not checked against
// the catalogues, so "de" stays "de" (and reads English).
std::string environmentLanguage();

// "ja_JP.UTF-8" -> "ja", "C" -> "en", "" -> "en": the language part of a locale name.
std::string languageOfLocaleName(std::string_view name);

}  // namespace rapport
