// The debrief's sentences in the reader's language: a bundled scenario's Japanese and Russian
// editions played along a path that fails, scored (stored in English), then read in ja and ru.
// Every strength, development area and reason must be a sentence of the reader's language, with
// the framework's translated names and, in Russian, a decimal comma.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "core/checks/evidence_check.hpp"
#include "core/scoring/remarks.hpp"
#include "core/scoring/score_report_language.hpp"
#include "core/scoring/scoring.hpp"
#include "core/translation/interface_language.hpp"
#include "support/build_paths.hpp"
#include "support/scoring_fixtures.hpp"

using namespace rapport;

namespace {

// A path through bank-card-complaint (every edition has the same choices) that misses the pass
// mark, earns a strength and leaves development areas.
constexpr const char* kFailingPath = "1,2,3,4,1,1,1,3,1,4";

struct Edition {
    const char* lang;
    const char* file;
};

ScoreReport scoreEdition(const test::Loaded& l) {
    return scoreTranscript(l.scenario, l.framework, test::play(l.scenario, kFailingPath));
}

// The sentence without what it quotes (the trainee's own line, in the scenario's words). Found
// by string search: a regex bracket over UTF-8 would work on bytes, not characters.
std::string withoutQuotes(std::string s) {
    const std::pair<std::string, std::string> marks[] = {
        {"\u00ab", "\u00bb"}, {"\u300c", "\u300d"}, {"\u201c", "\u201d"}};
    for (const auto& [open, close] : marks)
        for (std::size_t at = s.find(open); at != std::string::npos; at = s.find(open, at)) {
            const std::size_t end = s.find(close, at + open.size());
            if (end == std::string::npos) break;
            s.erase(at, end + close.size() - at);
        }
    return s;
}

// An English word of three letters or more: what an untranslated sentence is made of.
bool hasEnglishWord(const std::string& s) {
    static const std::regex word("[A-Za-z]{3,}");
    return std::regex_search(withoutQuotes(s), word);
}

std::vector<std::string> sentences(const ScoreReport& r) {
    std::vector<std::string> out(r.reasons);
    for (const auto& x : r.strengths) out.push_back(x.text);
    for (const auto& x : r.developmentAreas) out.push_back(x.text);
    return out;
}

}  // namespace

TEST_CASE("debrief sentences read in Japanese and Russian; the stored report stays English") {
    for (const Edition e : {Edition{"ja", "bank-card-complaint-ja.json"},
                            Edition{"ru", "bank-card-complaint-ru.json"}}) {
        CAPTURE(e.lang);
        const test::Loaded l = test::load(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/" + e.file);
        const ScoreReport stored = scoreEdition(l);
        REQUIRE_FALSE(stored.passed);
        REQUIRE_FALSE(stored.reasons.empty());
        REQUIRE_FALSE(stored.strengths.empty());
        REQUIRE_FALSE(stored.developmentAreas.empty());
        for (const auto& s : sentences(stored)) {
            CAPTURE(s);
            CHECK(hasEnglishWord(s));  // stored in the framework's own words
        }

        ScoreReport read = stored;
        localiseScoreReport(read, l.framework, e.lang);
        CHECK(read.score == stored.score);
        CHECK(read.passed == stored.passed);
        CHECK(read.reasons.size() == stored.reasons.size());
        CHECK(read.strengths.size() == stored.strengths.size());
        CHECK(read.developmentAreas.size() == stored.developmentAreas.size());
        for (const auto& s : sentences(read)) {
            CAPTURE(s);
            CHECK_FALSE(hasEnglishWord(s));
        }
        for (std::size_t i = 0; i < read.strengths.size(); ++i) {
            const auto c = l.framework.findCompetency(read.strengths[i].competency);
            REQUIRE(c);
            CHECK(read.strengths[i].text.find(l.framework.competencyName(*c, e.lang)) !=
                  std::string::npos);
        }
        // Scores in the sentences: a decimal comma in Russian, a point in Japanese.
        static const std::regex pointNumber("[0-9]\\.[0-9]");
        static const std::regex commaNumber("[0-9],[0-9]");
        const std::string all = [&] {
            std::string a;
            for (const auto& s : sentences(read)) a += withoutQuotes(s) + "\n";
            return a;
        }();
        if (std::string(e.lang) == "ru") {
            CHECK_FALSE(std::regex_search(all, pointNumber));
            CHECK(std::regex_search(all, commaNumber));
        } else {
            CHECK(std::regex_search(all, pointNumber));
        }

        // The text debrief (rapport score --lang, the interactive CLI) in the same language.
        setInterfaceLanguage(e.lang);
        const std::string text = debriefText(read);
        setInterfaceLanguage("en");
        CHECK(text.find("What to work on") == std::string::npos);
        CHECK(text.find("NOT PASSED") == std::string::npos);
        CHECK(text.find(read.developmentAreas.front().text) != std::string::npos);
    }
}

TEST_CASE("a stored report citing an indicator its framework no longer has keeps its sentences") {
    const test::Loaded l =
        test::load(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-card-complaint-ru.json");
    ScoreReport r = scoreEdition(l);
    for (auto& c : r.competencies)
        for (auto& ev : c.evidence) ev.indicator = "gone.indicator";
    const auto before = r.developmentAreas;
    localiseScoreReport(r, l.framework, "ru");
    REQUIRE(r.developmentAreas.size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        CHECK(r.developmentAreas[i].text == before[i].text);
}

TEST_CASE("lowerFirst lowers Latin and Cyrillic capitals and leaves other scripts") {
    CHECK(lowerFirst("Asks") == "asks");
    CHECK(lowerFirst("Задаёт вопрос") == "задаёт вопрос");
    CHECK(lowerFirst("Рано проверяет") == "рано проверяет");
    CHECK(lowerFirst("Ёмко") == "ёмко");
    CHECK(lowerFirst("一般的な") == "一般的な");
    CHECK(lowerFirst("") == "");
}
