// The interface in other languages, headless: the same App and script driver as the program,
// with the catalogues build/rapport reads (build/locale). Scripts name widgets by their English
// ids, so one script drives every language; the pseudo-language "qps" (every translated string
// bracketed and 40 % longer) shows any drawn text that bypassed the catalogue and any button it
// outgrows.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app/shell/language_setting.hpp"
#include "app/shell/text_fit.hpp"
#include "core/translation/interface_language.hpp"
#include "support/build_paths.hpp"
#include "support/headless_app.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = std::string(RAPPORT_FIXTURES_DIR) + "/gui";

struct InLanguage {
    explicit InLanguage(const char* lang) { setInterfaceLanguage(lang); }
    ~InLanguage() { setInterfaceLanguage("en"); }
    InLanguage(const InLanguage&) = delete;
    InLanguage& operator=(const InLanguage&) = delete;
};

struct Headless : test::HeadlessApp {
    explicit Headless(const std::string& db = "")
        : HeadlessApp(AppConfig{{kFixtures}, {}, db, false, std::optional<std::uint64_t>(0)}) {}
    // The text of the screen as it is now, after it has settled.
    std::string screenText() {
        for (int i = 0; i < 3; ++i) frame();
        frame(true);
        return log;
    }
};

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The words a screen may show untranslated: they come from the scenario and framework files
// (names, lines, replies), not from the interface.
std::string dataText() {
    // The export folder field shows the working folder, a path rather than interface text.
    std::string out = "Anna North Rapport json " + fs::current_path().string() + " ";
    for (const auto& e : fs::directory_iterator(kFixtures))
        if (e.path().extension() == ".json") out += readAll(e.path());
    for (const auto& e :
         fs::directory_iterator(fs::path(RAPPORT_SOURCE_DIR) / "assets" / "competencies"))
        out += readAll(e.path());
    return out;
}

// Each run of two or more ASCII letters outside [brackets] that the data does not explain: an
// interface string that did not go through the catalogue.
std::set<std::string> untranslatedWords(const std::string& screen, const std::string& data) {
    std::set<std::string> out;
    int depth = 0;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 2 && data.find(word) == std::string::npos) out.insert(word);
        word.clear();
    };
    for (char c : screen) {
        if (c == '[') ++depth;
        if (c == ']' && depth > 0) --depth;
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter && depth == 0)
            word.push_back(c);
        else
            flush();
    }
    flush();
    return out;
}

std::string join(const std::set<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : ", ") + w;
    return s;
}

// Windows whose content is wider than the window and that cannot scroll sideways: something in
// them is cut off at the right edge.
std::string overflowingWindows() {
    std::string out;
    for (ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active || w->Hidden || w->ScrollbarX) continue;
        const float room = w->ContentRegionRect.GetWidth();
        // A multi-line field's own frame (the inspector's "##f"): Dear ImGui 1.86 gives it its
        // frame's whole width plus its padding on both sides as content, whatever the text
        // (measured: 401 in a 391 px field with a one-word or a wrapped text), which clips
        // nothing. Its text wraps inside (ui::InputTextWrapped, with its own test); more than
        // that excess still counts.
        const std::string_view name = w->Name;
        if (name.find("/##f_") != std::string_view::npos &&
            w->ContentSize.x <= w->Size.x + 2 * GImGui->Style.FramePadding.x + 1.0f)
            continue;
        if (w->ContentSize.x > room + 1.0f)
            out += std::string(out.empty() ? "" : "; ") + w->Name + " (" +
                   std::to_string(int(w->ContentSize.x)) + " > " + std::to_string(int(room)) + ")";
    }
    return out;
}

std::string fitProblems() {
    std::string out;
    for (const auto& p : ui::takeTextFitProblems())
        out += (out.empty() ? "" : "; ") + p.text + " (" + std::to_string(int(p.needed)) + " > " +
               std::to_string(int(p.room)) + ")";
    return out;
}

}  // namespace

TEST_CASE("app in Japanese and Russian: the screens speak the language, scripts use English ids") {
    {
        InLanguage ja("ja");
        Headless h;
        const std::string signIn = h.screenText();
        CHECK(signIn.find("ようこそ") != std::string::npos);
        CHECK(signIn.find("トレーニングを開始") != std::string::npos);
        CHECK(signIn.find("Start training") == std::string::npos);
        CHECK(h.run("click Your name\ntype Anna\nclick Start training\nexpect-screen library\n"
                    "click Practice##gui-unicode-trio\nexpect-screen conversation\n") == "");
        CHECK(h.screenText().find("会話を終了") != std::string::npos);
    }
    InLanguage ru("ru");
    Headless h;
    CHECK(h.screenText().find("Начать тренировку") != std::string::npos);
    CHECK(h.run("click Your name\ntype Anna\nclick Start training\nexpect-screen library\n") == "");
    const std::string library = h.screenText();
    CHECK(library.find("Библиотека сценариев") != std::string::npos);
}

TEST_CASE("app language picker: switches at once and is remembered in the data folder") {
    Headless h;
    CHECK(h.screenText().find("Start training") != std::string::npos);
    CHECK(h.run("expect language-ja\nclick language-ru\n") == "");
    CHECK(interfaceLanguage() == "ru");
    CHECK(h.screenText().find("Начать тренировку") != std::string::npos);
    CHECK(loadLanguageSetting(h.dir.path()) == std::optional<std::string>("ru"));
    // Each language is offered in its own script, whichever is shown.
    const std::string shown = h.screenText();
    CHECK(shown.find("English") != std::string::npos);
    CHECK(shown.find("日本語") != std::string::npos);
    CHECK(shown.find("Русский") != std::string::npos);
    CHECK(h.run("click language-en\n") == "");
    CHECK(interfaceLanguage() == "en");
    CHECK(loadLanguageSetting(h.dir.path()) == std::optional<std::string>("en"));
}

TEST_CASE("app language setting: a bad file falls back to the system language with a reason") {
    test::TempDir dir;
    std::string error;
    CHECK_FALSE(loadLanguageSetting(dir.path(), &error).has_value());
    CHECK(error.empty());  // never chosen is not an error
    std::ofstream(languageSettingPath(dir.path())) << R"({"language": "klingon"})";
    CHECK_FALSE(loadLanguageSetting(dir.path(), &error).has_value());
    CHECK(error.find("settings.json") != std::string::npos);
    std::ofstream(languageSettingPath(dir.path())) << "not json";
    error.clear();
    CHECK_FALSE(loadLanguageSetting(dir.path(), &error).has_value());
    CHECK_FALSE(error.empty());
}

TEST_CASE("app in the pseudo-language: every drawn interface string is translated and fits") {
    InLanguage qps("qps");
    REQUIRE(!interfaceLanguageText().empty());  // the build made build/locale/qps
    ui::watchTextFit(true);
    const std::string data = dataText();
    char tmpl[] = "/tmp/rapport-i18n-db-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    const fs::path dbDir = tmpl;
    {
        Headless h((dbDir / "results.db").string());
        // `fits` false, `translated` false: a known gap (H-lang notes), reported, not failed.
        auto check = [&](const char* screen, bool fits = true, bool translated = true) {
            const std::string text = h.screenText();
            INFO("screen: " << screen << "\n" << text);
            if (translated)
                CHECK_MESSAGE(untranslatedWords(text, data).empty(),
                              "untranslated: " << join(untranslatedWords(text, data)));
            else
                WARN_MESSAGE(untranslatedWords(text, data).empty(),
                             "untranslated: " << join(untranslatedWords(text, data)));
            const std::string cutOff = overflowingWindows(), clipped = fitProblems();
            if (fits) {
                CHECK_MESSAGE(cutOff.empty(), "cut off: " << cutOff);
                CHECK_MESSAGE(clipped.empty(), "clipped: " << clipped);
            } else {
                WARN_MESSAGE(cutOff.empty(), "cut off: " << cutOff);
                WARN_MESSAGE(clipped.empty(), "clipped: " << clipped);
            }
        };
        check("sign-in");
        REQUIRE(h.run("click Your name\ntype Anna\nclick Group (optional)\ntype North\n"
                      "click Start training\n") == "");
        check("library");
        REQUIRE(h.run("click Exam##gui-unicode-trio\nexpect-screen conversation\n") == "");
        check("conversation");
        // Played to an ending (the timed question left to run out) and its debrief.
        REQUIRE(h.run("key 3\nwait-idle\nclick Choice 2\nwait-idle\nadvance-clock 20001\n"
                      "wait-idle\nexpect See debrief\nclick See debrief\nexpect-screen debrief\n"
                      "wait-idle\n") == "");
        check("debrief");
        // HR opens for no signed-in trainee: sign out, then give the administrator passphrase.
        REQUIRE(h.run("click Library\nexpect-screen library\nclick Sign out\n"
                      "expect-screen sign-in\n") == "");
        REQUIRE(h.app->access().unlock(test::kAdminPassphrase));
        REQUIRE(h.run("click HR reports\nwait-idle\n") == "");
        check("hr table");
        REQUIRE(h.run("click Anna##trainee\nexpect-screen hr-trainee\nwait-idle\n") == "");
        check("hr trainee");
        REQUIRE(h.run("click Open##last\nexpect-screen hr-attempt\nwait-idle\n") == "");
        check("hr attempt");
        REQUIRE(h.run("click Back to trainee\nexpect-screen hr-trainee\nclick Back to table\n"
                      "expect-screen hr-table\nclick North##group\nexpect-screen hr-group\n"
                      "wait-idle\n") == "");
        check("hr group");
        // The author workspace on a copy of the fixture, with its analysis run.
        const fs::path copy = dbDir / "unicode-trio.json";
        fs::copy_file(kFixtures + "/unicode-trio.json", copy);
        h.app->author().open(copy.string());
        REQUIRE(h.run("expect-screen author\nclick Fit graph\nwait-frames 2\n"
                      "click Node open\nwait-frames 2\n") == "");
        // Everything fits, multi-line fields wrapping their text; the analysis panel's
        // test-wise players, rules and warnings come from core in the reader's language.
        check("author inspector");
        REQUIRE(h.run("click Tab Preview\nwait-frames 2\nclick Start preview\nwait-frames 2\n") ==
                "");
        check("author preview");
        REQUIRE(h.run("click Tab Analysis\nwait-frames 2\nclick Run analysis\nwait-frames 3\n") ==
                "");
        check("author analysis");
    }
    ui::watchTextFit(false);
    std::error_code ec;
    fs::remove_all(dbDir, ec);
}
