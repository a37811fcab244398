// `rapport report --format xapi`: every IRI option must be an absolute IRI (else exit 2 and
// nothing written), and the summary counts the statements written, not the attempts selected.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/reports/report_xapi.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/store_test_support.hpp"

using nlohmann::json;
using rapport::test::TempDir;

TEST_CASE("xAPI IRI options must be absolute IRIs") {
    using rapport::isAbsoluteIri;
    CHECK(isAbsoluteIri("https://lms.example.com/xapi"));
    CHECK(isAbsoluteIri("urn:example:rapport"));
    CHECK(
        isAbsoluteIri("https://b\xc3\xbc"
                      "cher.example/%C3%BC"));
    CHECK_FALSE(isAbsoluteIri(""));
    CHECK_FALSE(isAbsoluteIri("not an iri"));
    CHECK_FALSE(isAbsoluteIri("lms.example.com/xapi"));
    CHECK_FALSE(isAbsoluteIri("https:"));
    CHECK_FALSE(isAbsoluteIri("1http://x"));
    CHECK_FALSE(isAbsoluteIri("https://x/a b"));
    CHECK_FALSE(isAbsoluteIri("https://x/\x1b[2J"));
    CHECK_FALSE(isAbsoluteIri("https://x/<y>"));
    CHECK_FALSE(isAbsoluteIri("https://x/%zz"));
}

TEST_CASE("rapport report --format xapi refuses a base that is not an IRI and counts statements") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    {
        rapport::store::ResultsStore s(db);
        auto anna = s.upsertTrainee({"Anna", "", "North"});
        rapport::test::writeAttempt(s, anna, "s", 1'710'000'000'000, 2, true);
        rapport::test::writeAttempt(s, anna, "s", 1'710'100'000'000, 2, true);
        rapport::test::writeAttempt(s, anna, "s", 1'710'200'000'000, 1, false);
    }
    const std::string out = dir.file("statements.json");
    auto report = [&](const std::string& args) {
        return rapport::test::runCli("report --db " + rapport::test::shellQuoted(db) +
                                     " --format xapi -o " + rapport::test::shellQuoted(out) + " " +
                                     args);
    };
    for (const char* bad : {"'not an iri'", "''", "/"}) {
        const auto r = report(std::string("--xapi-base ") + bad);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("--xapi-base must be an absolute IRI") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(out));
    }
    auto r = report("--xapi-home-page 'lms example'");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--xapi-home-page must be an absolute IRI") != std::string::npos);

    r = report("--xapi-base https://lms.example.com/xapi/");
    REQUIRE(r.exitCode == 0);
    CHECK(json::parse(rapport::test::readText(out)).size() == 2);
    CHECK(r.err == "rapport report: 2 statements written to " + out +
                       " (1 attempt not finished, so without a statement)\n");
}
