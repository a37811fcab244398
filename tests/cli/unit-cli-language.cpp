// The CLI in the reader's language: help, summaries and the debrief of `rapport score --lang`
// come from the interface catalogues, chosen by LANGUAGE as gettext does, with plural forms of
// the language (Russian "0 ошибок") rather than an English "s" glued on.
#include <doctest/doctest.h>

#include <string>

#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using rapport::test::runCommand;
using rapport::test::shellQuoted;

namespace {

rapport::test::CommandResult cliIn(const std::string& lang, const std::string& args) {
    return runCommand("LANGUAGE=" + lang + " timeout 60 " + shellQuoted(RAPPORT_CLI_PATH) + " " +
                      args);
}

const std::string kScenarios = std::string(RAPPORT_SOURCE_DIR) + "/scenarios/";

}  // namespace

TEST_CASE("rapport validate --help and its summary read in Russian and Japanese") {
    const auto ru = cliIn("ru", "validate --help");
    CHECK(ru.exitCode == 0);
    CHECK(ru.out.find("Проверяет файлы сценариев") != std::string::npos);
    CHECK(ru.out.find("Checks scenario files") == std::string::npos);
    const auto ja = cliIn("ja", "validate --help");
    CHECK(ja.exitCode == 0);
    CHECK(ja.out.find("シナリオファイルを検査します") != std::string::npos);
    CHECK(ja.out.find("Checks scenario files") == std::string::npos);
    const auto en = cliIn("en", "validate --help");
    CHECK(en.out.find("Checks scenario files") != std::string::npos);

    const std::string file = shellQuoted(kScenarios + "bank-card-complaint-ru.json");
    const auto summary = cliIn("ru", "validate " + file);
    CHECK(summary.exitCode == 0);
    CHECK(summary.err.find(": корректен (0 ошибок, ") != std::string::npos);
    CHECK(cliIn("en", "validate " + file).err.find(": valid (0 errors, ") != std::string::npos);
}

TEST_CASE("rapport score --lang prints the debrief in the reader's language") {
    rapport::test::TempDir dir;
    const std::string transcript = (dir.path() / "attempt.json").string();
    const auto played =
        runCommand("timeout 60 " + shellQuoted(RAPPORT_CLI_PATH) + " play " +
                   shellQuoted(kScenarios + "bank-card-complaint-ru.json") +
                   " --choices 1,2,3,4,1,1,1,3,1,4 --json > " + shellQuoted(transcript));
    REQUIRE(played.exitCode == 0);

    const auto ru = cliIn("en", "score " + shellQuoted(transcript) + " --lang ru");
    CHECK(ru.exitCode == 0);
    CHECK(ru.out.find("НЕ ЗАЧТЕНО") != std::string::npos);
    CHECK(ru.out.find("Над чем поработать:") != std::string::npos);
    CHECK(ru.out.find("What to work on") == std::string::npos);
    CHECK(ru.out.find("Работа с претензиями и урегулирование конфликтов") != std::string::npos);

    const auto ja = cliIn("en", "score " + shellQuoted(transcript) + " --lang ja");
    CHECK(ja.exitCode == 0);
    CHECK(ja.out.find("今後の課題") != std::string::npos);
    CHECK(ja.out.find("NOT PASSED") == std::string::npos);

    // The machine form stays in the framework's own words whatever the reader.
    const auto json = cliIn("en", "score " + shellQuoted(transcript) + " --lang ru --json");
    CHECK(json.exitCode == 0);
    CHECK(json.out.find("Complaint and conflict resolution") != std::string::npos);

    const auto bad = cliIn("en", "score " + shellQuoted(transcript) + " --lang x");
    CHECK(bad.exitCode == 2);
}

// Every verb `rapport --help` lists explains itself in the reader's language; the synopsis keeps
// the option names as they are typed.
TEST_CASE("every verb's --help and rapport --help read in Russian and Japanese") {
    const char* verbs[] = {"validate",  "play",   "score",   "analyze", "campaign", "report",
                           "recommend", "import", "strings", "sync",    "admin"};
    for (const char* verb : verbs) {
        CAPTURE(verb);
        const std::string args = std::string(verb) + " --help";
        const auto en = cliIn("en", args);
        const auto ru = cliIn("ru", args);
        const auto ja = cliIn("ja", args);
        CHECK(en.exitCode == 0);
        CHECK(ru.exitCode == 0);
        CHECK(ja.exitCode == 0);
        CHECK(en.out.rfind("usage: rapport " + std::string(verb), 0) == 0);
        CHECK(ru.out.rfind("использование: rapport " + std::string(verb), 0) == 0);
        CHECK(ja.out.rfind("使い方: rapport " + std::string(verb), 0) == 0);
        // The first line of the description, in English, is gone from both translations.
        const std::size_t para = en.out.find("\n\n");
        REQUIRE(para != std::string::npos);
        const std::string firstLine =
            en.out.substr(para + 2, en.out.find('\n', para + 2) - para - 2);
        CAPTURE(firstLine);
        CHECK(ru.out.find(firstLine) == std::string::npos);
        CHECK(ja.out.find(firstLine) == std::string::npos);
    }
    const auto ru = cliIn("ru", "--help");
    CHECK(ru.out.find("тренажёр") != std::string::npos);
    CHECK(ru.out.find("проверить файлы сценариев") != std::string::npos);
    CHECK(ru.out.find("check scenario files") == std::string::npos);
    const auto ja = cliIn("ja", "--help");
    CHECK(ja.out.find("サブコマンド") != std::string::npos);
    CHECK(ja.out.find("check scenario files") == std::string::npos);
}

// The import summary counts in the plural forms of the reader's language, not "warning%s".
TEST_CASE("rapport import's summary counts in Russian plural forms") {
    rapport::test::TempDir dir;
    const std::string out = (dir.path() / "card-fee.json").string();
    const std::string twee =
        shellQuoted(std::string(RAPPORT_SOURCE_DIR) + "/tests/fixtures/twine/card-fee.twee");
    const auto ru = cliIn("ru", "import " + twee + " -o " + shellQuoted(out));
    CHECK(ru.exitCode == 0);
    CHECK(ru.err.find("8 фрагментов -> 8 узлов, 8 выборов, 4 финала; 1 предупреждение;") !=
          std::string::npos);
    CHECK(ru.err.find("корректен") != std::string::npos);
    const auto en = cliIn("en", "import " + twee + " -o " + shellQuoted(out));
    CHECK(en.err.find("8 passages -> 8 nodes, 8 choices, 4 endings; 1 warning;") !=
          std::string::npos);
}
