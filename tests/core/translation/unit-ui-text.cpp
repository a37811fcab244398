// The interface's words through glibc's libintl and the catalogues the build compiles from
// po/ui (the same build/locale that build/rapport reads): language switches at run time,
// Russian's three plural forms, contexts, and the English fallback.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/translation/interface_language.hpp"
#include "core/translation/mo_file.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "support/build_paths.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {

// Every case leaves the suite in English, as test_main set it.
struct InLanguage {
    explicit InLanguage(const char* lang) { setInterfaceLanguage(lang); }
    ~InLanguage() { setInterfaceLanguage("en"); }
    InLanguage(const InLanguage&) = delete;
    InLanguage& operator=(const InLanguage&) = delete;
};

std::string s(const char* p) { return p; }

}  // namespace

TEST_CASE("ui text: the build's catalogues are found beside build/rapport") {
    const auto dir = locateLocaleDir(RAPPORT_CLI_PATH);
    REQUIRE(dir);
    CHECK(fs::is_regular_file(*dir / "ja" / "LC_MESSAGES" / "rapport.mo"));
    CHECK(fs::is_regular_file(*dir / "ru" / "LC_MESSAGES" / "rapport.mo"));
}

TEST_CASE("ui text: English is the literal; ja and ru switch at run time and back") {
    CHECK(interfaceLanguage() == "en");
    CHECK(s(tr("Start training")) == "Start training");
    {
        InLanguage ja("ja");
        CHECK(interfaceLanguage() == "ja");
        CHECK(s(tr("Start training")) == "トレーニングを開始");
    }
    {
        InLanguage ru("ru_RU.UTF-8");
        CHECK(interfaceLanguage() == "ru");
        CHECK(s(tr("Start training")) == "Начать тренировку");
    }
    CHECK(s(tr("Start training")) == "Start training");
    // A string no catalogue has stays English in every language.
    InLanguage ru("ru");
    CHECK(s(tr("no such interface string, surely")) == "no such interface string, surely");
}

TEST_CASE("ui text: Russian has three plural forms, Japanese one, English two") {
    auto form = [](unsigned long n) {
        return uiFormat(trn("{n} scenario file could not be loaded",
                            "{n} scenario files could not be loaded", n),
                        {{"n", std::to_string(n)}});
    };
    CHECK(form(1) == "1 scenario file could not be loaded");
    CHECK(form(2) == "2 scenario files could not be loaded");
    {
        InLanguage ru("ru");
        CHECK(form(1) == "Не удалось загрузить 1 файл сценария");
        CHECK(form(3) == "Не удалось загрузить 3 файла сценария");
        CHECK(form(5) == "Не удалось загрузить 5 файлов сценария");
        CHECK(form(11) == "Не удалось загрузить 11 файлов сценария");
        CHECK(form(21) == "Не удалось загрузить 21 файл сценария");
        CHECK(form(22) == "Не удалось загрузить 22 файла сценария");
    }
    InLanguage ja("ja");
    CHECK(form(1) == "1 件のシナリオファイルを読み込めませんでした");
    CHECK(form(7) == "7 件のシナリオファイルを読み込めませんでした");
}

TEST_CASE("ui text: a context tells two uses of one English word apart") {
    InLanguage ru("ru");
    CHECK(s(trc("mode", "Practice")) == "Тренировка");
    CHECK(s(trc("speaker", "You")) == "Вы");
    // Unknown context: the English word, not another context's translation.
    CHECK(s(trc("no such context", "Practice")) == "Practice");
}

TEST_CASE("ui text: the environment's language, in gettext's order") {
    auto with = [](const char* language, const char* all, const char* messages, const char* lang) {
        auto set = [](const char* var, const char* v) {
            if (v)
                setenv(var, v, 1);
            else
                unsetenv(var);
        };
        const std::string saved = std::getenv("LANGUAGE") ? std::getenv("LANGUAGE") : "";
        set("LANGUAGE", language);
        set("LC_ALL", all);
        set("LC_MESSAGES", messages);
        set("LANG", lang);
        std::string got = environmentLanguage();
        setenv("LANGUAGE", saved.c_str(), 1);
        unsetenv("LC_ALL");
        unsetenv("LC_MESSAGES");
        unsetenv("LANG");
        return got;
    };
    CHECK(with(nullptr, nullptr, nullptr, "ja_JP.UTF-8") == "ja");
    CHECK(with(nullptr, nullptr, "ru_RU.UTF-8", "ja_JP.UTF-8") == "ru");
    CHECK(with(nullptr, "C", "ru_RU.UTF-8", nullptr) == "en");
    CHECK(with("ru:en", "ja_JP.UTF-8", nullptr, nullptr) == "ru");
    CHECK(with(nullptr, nullptr, nullptr, nullptr) == "en");
    CHECK(languageOfLocaleName("de_AT@euro") == "de");
    CHECK(languageOfLocaleName("POSIX") == "en");
}

TEST_CASE("ui text: $RAPPORT_LOCALEDIR overrides the folder beside the executable") {
    setenv("RAPPORT_LOCALEDIR", "/somewhere/else", 1);
    const auto dir = locateLocaleDir(RAPPORT_CLI_PATH);
    unsetenv("RAPPORT_LOCALEDIR");
    REQUIRE(dir);
    CHECK(*dir == fs::path("/somewhere/else"));
    CHECK_FALSE(locateLocaleDir(fs::path("/nonexistent/bin/rapport")).has_value());
}

TEST_CASE("ui text: a catalogue's whole text, for the font atlas") {
    const auto dir = locateLocaleDir(RAPPORT_CLI_PATH);
    REQUIRE(dir);
    const std::string japanese = moTranslationsText(*dir / "ja" / "LC_MESSAGES" / "rapport.mo");
    CHECK(japanese.find("トレーニングを開始") != std::string::npos);
    CHECK(moTranslationsText(*dir / "nonexistent.mo").empty());
    // Not a catalogue: nothing, rather than garbage glyphs.
    CHECK(moTranslationsText(fs::path(RAPPORT_SOURCE_DIR) / "CMakeLists.txt").empty());
    {
        InLanguage ja("ja");
        CHECK(interfaceLanguageText() == japanese);
    }
    CHECK(interfaceLanguageText().empty());
}

TEST_CASE("ui text: named placeholders") {
    CHECK(uiFormat("Your attempts are kept in {path}.", {{"path", "/tmp/r.db"}}) ==
          "Your attempts are kept in /tmp/r.db.");
    CHECK(uiFormat("{b} before {a}", {{"a", "1"}, {"b", "2"}}) == "2 before 1");
    // A typo in a translation shows instead of silently dropping text.
    CHECK(uiFormat("{nmae} and {", {{"name", "x"}}) == "{nmae} and {");
}

TEST_CASE("ui text: numbers for people use the language's decimal separator") {
    CHECK(uiNumber("82.5") == "82.5");
    {
        InLanguage ru("ru");
        CHECK(uiNumber("82.5") == "82,5");
        CHECK(uiNumber("-0.3") == "-0,3");
        CHECK(uiNumber("70") == "70");
    }
    InLanguage ja("ja");
    CHECK(uiNumber("82.5") == "82.5");
}

TEST_CASE("ui text: a catalogue with plural forms gives text without NUL") {
    const auto dir = locateLocaleDir(RAPPORT_CLI_PATH);
    REQUIRE(dir);
    const std::string ru = moTranslationsText(*dir / "ru" / "LC_MESSAGES" / "rapport.mo");
    CHECK(ru.find("попыток") != std::string::npos);
    CHECK(ru.find('\0') == std::string::npos);
}
