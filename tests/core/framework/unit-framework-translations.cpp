// The framework in several languages: the bundled framework's ja and ru translations are
// complete, readers fall back to the source text, and gaps are reported to the author.
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/framework/framework_loader.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

namespace {

const Framework& bundled() {
    static const FrameworkLoadResult r = loadFrameworkFile(
        std::string(RAPPORT_SOURCE_DIR) + "/assets/competencies/account-manager.json");
    REQUIRE(r.framework);
    return *r.framework;
}

bool hasScript(const std::string& s, unsigned char lead1, unsigned char lead2) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == lead1 || c == lead2) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("the bundled framework reads in en, ja and ru") {
    const Framework& f = bundled();
    CHECK(f.languages() == std::vector<std::string>{"en", "ja", "ru"});
    const int nd = *f.findCompetency("needs_discovery");
    const int oh = *f.findCompetency("objection_handling");
    CHECK(f.competencyName(nd, "en") == "Needs discovery");
    CHECK(f.competencyName(nd, "ja") == "傾聴・ニーズ把握");
    CHECK(f.competencyName(nd, "ru-RU") == "Выявление потребностей");
    CHECK(f.competencyName(oh, "ru_RU.UTF-8") == "Работа с возражениями и убеждение");
    CHECK(f.levelName(2, "ja-JP") == "習熟");
    CHECK(f.levelName(2, "ru") == "Уверенный");
    CHECK(f.displayName("ru") == "Менеджер по работе с клиентами");
    // A language the file does not translate, and no language at all, read the source.
    CHECK(f.competencyName(nd, "de") == "Needs discovery");
    CHECK(f.levelName(0, "") == "Insufficient");
    const int rule = 0;
    CHECK(f.ruleDescription(rule, "ja").find("ヒアリング") != std::string::npos);
}

TEST_CASE("every text of the bundled framework has its ja and ru translation") {
    const Framework& f = bundled();
    for (const char* lang : {"ja", "ru"}) {
        CAPTURE(lang);
        // Japanese text is in the 3-byte UTF-8 range (E3..E9 lead bytes), Russian in D0/D1.
        const unsigned char a = lang[0] == 'j' ? 0xE3 : 0xD0;
        const unsigned char b = lang[0] == 'j' ? 0xE5 : 0xD1;
        REQUIRE(f.translation(lang));
        for (int l = 0; l < int(f.levels.size()); ++l) {
            CHECK(f.levelName(l, lang) != f.levels[std::size_t(l)].name);
            CHECK(hasScript(f.levelDescription(l, lang), a, b));
        }
        for (int c = 0; c < int(f.competencies.size()); ++c) {
            CAPTURE(f.competencies[std::size_t(c)].id);
            CHECK(hasScript(f.competencyName(c, lang), a, b));
            CHECK(hasScript(f.competencyDescription(c, lang), a, b));
            for (int l = 0; l < int(f.levels.size()); ++l)
                CHECK(hasScript(f.anchor(c, l, lang), a, b));
        }
        for (int i = 0; i < int(f.indicators.size()); ++i) {
            CAPTURE(f.indicators[std::size_t(i)].id);
            CHECK(hasScript(f.indicatorDescription(i, lang), a, b));
        }
        for (int r = 0; r < int(f.rules.size()); ++r)
            CHECK(hasScript(f.ruleDescription(r, lang), a, b));
    }
}

TEST_CASE("a translation's gaps are a warning naming them; the source text fills them") {
    const std::string text = R"({
  "format": "rapport-framework/1", "id": "gaps", "version": "1", "name": "Gaps",
  "levels": [{"id": "low", "name": "Low", "min": 0, "max": 50},
             {"id": "high", "name": "High", "min": 50, "max": 100}],
  "competencies": [{"id": "ask", "name": "Asking", "description": "Asks.", "weight": 1,
    "indicators": [{"id": "ask.asks", "polarity": "positive", "points": 1, "description": "Asks."}],
    "anchors": {"low": "Tells.", "high": "Asks."}}],
  "translations": {"ru": {"name": "Пробелы",
    "levels": {"low": {"name": "Низкий"}, "high": {"name": "Высокий"}},
    "competencies": {"ask": {"name": "Вопросы", "anchors": {"low": "Рассказывает."}}}}}
})";
    const auto r = loadFrameworkText(text, "gaps.json");
    REQUIRE(r.framework);
    REQUIRE(r.diagnostics.items().size() == 1);
    const auto& d = r.diagnostics.items()[0];
    CHECK(d.code == std::string(codes::FrameworkTranslationMissing));
    CHECK(d.severity == Severity::Warning);
    CHECK(d.message ==
          "the \"ru\" translation lacks 3 texts (ask description, ask anchor high, indicator "
          "ask.asks); readers in "
          "\"ru\" see the source text there");
    const Framework& f = *r.framework;
    CHECK(f.competencyName(0, "ru") == "Вопросы");
    CHECK(f.anchor(0, 0, "ru") == "Рассказывает.");
    CHECK(f.anchor(0, 1, "ru") == "Asks.");
    CHECK(f.indicatorDescription(0, "ru") == "Asks.");
}
