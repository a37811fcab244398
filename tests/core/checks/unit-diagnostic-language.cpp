// Diagnostics read in the interface language: a Japanese or Russian author sees the messages of
// rapport validate and the author workspace in their language, while everything a tool or a
// search relies on (severity, code, position, pointer) stays the same in every language.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "core/checks/scenario_check.hpp"
#include "core/translation/interface_language.hpp"
#include "support/build_paths.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

std::vector<Diagnostic> checkIn(const std::string& language, const fs::path& file) {
    setInterfaceLanguage(language);
    ScenarioCheck c = checkScenarioFile(file.string());
    setInterfaceLanguage("en");
    return c.diagnostics.items();
}

bool cyrillic(const std::string& s) {
    return s.find("\xD0") != std::string::npos || s.find("\xD1") != std::string::npos;
}

// Hiragana, katakana and CJK ideographs all start with a lead byte E3..E9 in UTF-8.
bool japanese(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0xE3 && c <= 0xE9) return true;
    return false;
}

}  // namespace

TEST_CASE("the validator's diagnostics follow the interface language; codes and places do not") {
    const fs::path dir = RAPPORT_FIXTURES_DIR;
    // Fixtures whose every message comes from the converted checks: graph checks, speakers,
    // documents, JSON shape (with a did-you-mean hint and a JSON kind), evidence and scoring.
    const std::vector<fs::path> files = {
        dir / "invalid" / "ending-unreachable.json", dir / "invalid" / "unreachable-node.json",
        dir / "invalid" / "choice-never-shown.json", dir / "invalid" / "no-way-out.json",
        dir / "invalid" / "unknown-key.json", dir / "invalid" / "silent-speaker.json",
        dir / "invalid" / "document-never-opens.json", dir / "invalid" / "dead-end-once.json",
        dir / "invalid" / "wrong-type-difficulty.json", dir / "invalid" / "portrait-escapes.json",
        dir / "scoring-invalid" / "points-sign.json", dir / "scoring-invalid" / "points-loop.json",
        dir / "scoring-invalid" / "unknown-indicator.json",
        dir / "scoring-invalid" / "unknown-competency.json",
        dir / "scoring-invalid" / "deal-tag.json",
        // The scenario loader's own checks: format, language tag, variables, deal limits, meters.
        dir / "invalid" / "missing-format.json", dir / "invalid" / "bad-language.json",
        dir / "invalid" / "bad-variable-name.json", dir / "invalid" / "deal-limits.json",
        dir / "invalid" / "meter-range.json", dir / "invalid" / "meter-unknown-variable.json",
        // The node loader's: ids, links, timeouts, endings, replies, "set".
        dir / "invalid" / "duplicate-node.json", dir / "invalid" / "unknown-next.json",
        dir / "invalid" / "no-choices-no-ending.json", dir / "invalid" / "choices-and-ending.json",
        dir / "invalid" / "ending-timed.json", dir / "invalid" / "bad-outcome.json",
        dir / "invalid" / "duplicate-choice-id.json", dir / "invalid" / "set-undeclared.json",
        dir / "invalid" / "bad-node-id.json",
        // The cast and document loaders'.
        dir / "invalid" / "bad-speaker.json", dir / "invalid" / "reserved-speaker.json",
        dir / "invalid" / "unknown-speaker.json", dir / "invalid" / "unknown-document.json",
        dir / "invalid" / "duplicate-document.json",
        // The compose and alternate loaders'.
        dir / "invalid" / "compose-shape.json", dir / "invalid" / "alternates-shape.json",
        // A whole-file JSON problem (a translation that put a literal '{' before {depth} once
        // kept the placeholder unfilled).
        dir / "invalid" / "too-deep.json"};
    const std::regex placeholder("\\{[a-z]+\\}");
    for (const fs::path& f : files) {
        CAPTURE(f.string());
        const auto en = checkIn("en", f);
        const auto ru = checkIn("ru", f);
        const auto ja = checkIn("ja", f);
        REQUIRE_FALSE(en.empty());
        REQUIRE(ru.size() == en.size());
        REQUIRE(ja.size() == en.size());
        for (std::size_t i = 0; i < en.size(); ++i) {
            CAPTURE(en[i].message);
            CAPTURE(ru[i].message);
            CAPTURE(ja[i].message);
            for (const auto* other : {&ru[i], &ja[i]}) {
                CHECK(other->code == en[i].code);
                CHECK(other->severity == en[i].severity);
                CHECK(other->pointer == en[i].pointer);
                CHECK(other->position.line == en[i].position.line);
                CHECK(other->position.column == en[i].position.column);
                CHECK(other->file == en[i].file);
            }
            CHECK_FALSE(cyrillic(en[i].message));
            CHECK(cyrillic(ru[i].message));
            CHECK(japanese(ja[i].message));
            // Every placeholder filled in every language (none of these fixtures has a brace of
            // its own in an id).
            CHECK_FALSE(std::regex_search(ru[i].message, placeholder));
            CHECK_FALSE(std::regex_search(ja[i].message, placeholder));
        }
    }
    // The English text is the one the fixtures' .expected files hold (compared byte for byte by
    // the corpus tests); here a language switch and back leaves it unchanged.
    const fs::path f = dir / "invalid" / "unknown-key.json";
    const auto before = checkIn("en", f);
    checkIn("ru", f);
    const auto after = checkIn("en", f);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(after[i].message == before[i].message);
    CHECK(before[1].message ==
          "unknown key \"sumary\" (did you mean \"summary\"?); keys for tools must start with "
          "\"x-\"");
    const auto ru = checkIn("ru", f);
    CHECK(ru[1].message ==
          "неизвестный ключ «sumary» (может быть, имелось в виду «summary»?); ключи для "
          "сторонних инструментов должны начинаться с «x-»");
}
