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
