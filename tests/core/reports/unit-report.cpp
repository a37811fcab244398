// Report building: time formats, name-based UUIDs, escaping against hostile payloads, and the
// HTML, CSV, JSON and xAPI renderers; the xAPI output is checked with the npm `xapi-validation`.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/reports/report_csv.hpp"
#include "core/reports/report_escape.hpp"
#include "core/reports/report_html.hpp"
#include "core/reports/report_json.hpp"
#include "core/reports/report_time.hpp"
#include "core/reports/report_uuid.hpp"
#include "core/reports/report_xapi.hpp"
#include "core/source/sha256.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using nlohmann::json;

TEST_SUITE_BEGIN("report");

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "<img src=x onerror=alert(1)>";

AttemptRecord attempt(std::string uid, std::string trainee, double score, bool passed,
                      std::int64_t start) {
    AttemptRecord a;
    a.id = 1;
    a.uid = std::move(uid);
    a.trainee = std::move(trainee);
    a.employeeId = "E-1";
    a.group = "North";
    a.scenarioId = "price-objection";
    a.scenarioVersion = "1.2";
    a.scenarioTitle = "Price objection";
    a.contentHash = std::string(64, 'f');
    a.frameworkId = "account-manager";
    a.frameworkVersion = "1.0.0";
    a.mode = AttemptMode::Exam;
    a.startedAtMs = start;
    a.endedAtMs = start + 872'500;
    a.status = AttemptStatus::Finished;
    a.endingNode = "won_deal";
    a.outcome = "won";
    a.score = score;
    a.passed = passed;
    a.steps = 9;
    a.competencies = summariseScoreReport(test::sampleReport(score, passed, 82, 58)).competencies;
    return a;
}

// Minimal RFC 4180 reader, to prove the CSV parses back into the intended cells.
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, wasQuoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"')
                quoted = false;
            else
                cell += c;
        } else if (c == '"') {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            wasQuoted = false;
            rows.emplace_back();
            ++i;
        } else
            cell += c;
    }
    if (!cell.empty() || wasQuoted) rows.back().push_back(cell);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("timestamps, dates and durations are ISO 8601 UTC") {
    CHECK(formatTimestampUtc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(formatTimestampUtc(1'710'409'267'512) == "2024-03-14T09:41:07.512Z");
    CHECK(formatTimestampUtc(-1) == "1969-12-31T23:59:59.999Z");
    CHECK(formatDateTimeShort(1'710'409'267'512) == "2024-03-14 09:41");
    CHECK(parseDateUtc("2024-03-14") == 1'710'374'400'000);
    CHECK(parseDateUtc("2024-03-14T09:41:07Z") == 1'710'409'267'000);
    CHECK(parseDateUtc("2024-03-14 09:41") == 1'710'409'260'000);
    CHECK(parseDateUtc("2024-02-29").has_value());
    CHECK_FALSE(parseDateUtc("2023-02-29").has_value());
    CHECK_FALSE(parseDateUtc("2024-13-01").has_value());
    CHECK_FALSE(parseDateUtc("14.03.2024").has_value());
    CHECK_FALSE(parseDateUtc("2024-03-14T25:00").has_value());
    CHECK_FALSE(parseDateUtc("2024-03-14junk").has_value());
    CHECK(formatIsoDuration(872'500) == "PT14M32.5S");
    CHECK(formatIsoDuration(0) == "PT0S");
    CHECK(formatIsoDuration(7'380'000) == "PT2H3M");
    CHECK(formatIsoDuration(1'005) == "PT1.005S");
}

TEST_CASE("name-based UUIDs follow RFC 4122 version 5") {
    CHECK(sha1Hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(sha1Hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    CHECK(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") ==
          "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    CHECK_THROWS_AS(uuidV5("not-a-uuid", "x"), std::invalid_argument);
    auto a = attempt("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Anna", 80, true, 0);
    auto b = a;
    b.uid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    CHECK(xapiStatementId(a) == xapiStatementId(a));
    CHECK(xapiStatementId(a) != xapiStatementId(b));
    CHECK(xapiStatementId(a)[14] == '5');
}

TEST_CASE("HTML escaping") {
    CHECK(htmlEscape(kScript) == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(htmlEscape("a & \"b\" 'c'") == "a &amp; &quot;b&quot; &#39;c&#39;");
}

TEST_CASE("CSV fields: formula injection neutralised, RFC 4180 quoting") {
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("=HYPERLINK(\"http://x\",\"y\")") ==
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csvField("+1") == "\"'+1\"");
    CHECK(csvField("-2+3") == "\"'-2+3\"");
    CHECK(csvField("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csvField("\tcmd") == "\"'\tcmd\"");
    CHECK(csvField("\rcmd") == "\"'\rcmd\"");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("line\nbreak") == "\"line\nbreak\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("a=b") == "a=b");  // only a leading character makes a formula
}

TEST_CASE("the CSV export neutralises hostile names and parses back into the intended cells") {
    ReportData d;
    auto a = attempt("u1", "=cmd|' /C calc'!A0", 74, true, 1'710'409'267'512);
    a.group = "@group";
    a.scenarioTitle = "Title, with \"quotes\"\nand a newline";
    a.employeeId = "-42";
    d.attempts.push_back(a);
    const std::string bom = "\xEF\xBB\xBF";
    std::string csv = renderReportCsv(d);
    // UTF-8 with a byte order mark, so Excel does not read it in a legacy code page.
    REQUIRE(csv.rfind(bom, 0) == 0);
    CHECK(renderReportCsv(d, CsvOptions{false}) == csv.substr(bom.size()));
    auto rows = parseCsv(csv.substr(bom.size()));
    REQUIRE(rows.size() == 2);
    REQUIRE(rows[0].size() == rows[1].size());
    CHECK(rows[0][1] == "trainee");
    CHECK(rows[1][1] == "'=cmd|' /C calc'!A0");
    CHECK(rows[1][2] == "'-42");
    CHECK(rows[1][3] == "'@group");
    CHECK(rows[1][6] == "Title, with \"quotes\"\nand a newline");
    CHECK(rows[0][9] == "timing");
    CHECK(rows[1][9] == "standard");
    CHECK(rows[1][11] == "2024-03-14T09:41:07.512Z");
    CHECK(rows[1][13] == "872.5");
    CHECK(rows[1][17] == "74");
    CHECK(rows[1][18] == "yes");
    // Competency columns by id; not assessed -> empty.
    CHECK(rows[0][19] == "closing");
    CHECK(rows[1][19] == "");
    CHECK(rows[0][20] == "needs_discovery");
    CHECK(rows[1][20] == "82");
    for (const auto& row : rows)
        for (const auto& cell : row)
            if (!cell.empty())
                CHECK_FALSE(std::string("=+-@\t\r").find(cell[0]) != std::string::npos);
}

TEST_CASE("the HTML report is self-contained and shows hostile text as text") {
    ReportData d;
    d.generatedAtMs = 1'710'409'267'512;
    d.scope.group = kImg;
    auto a = attempt("u1", kScript, 74, true, 1'710'000'000'000);
    a.scenarioTitle = kImg;
    a.group = "</td><script>x()</script>";
    a.competencies[0].name = "<b onmouseover=alert(1)>Needs</b>";
    auto b = attempt("u2", kScript, 55, false, 1'710'100'000'000);
    b.group = a.group;
    auto c = attempt("u3", "Boris", 90, true, 1'710'200'000'000);
    c.status = AttemptStatus::InProgress;
    c.score.reset();
    c.passed.reset();
    d.attempts = {a, b, c};
    std::string html = renderReportHtml(d);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b onmouseover") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find("&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;") != std::string::npos);
    // No external resources: nothing is fetched when the file is opened or printed.
    std::string stripped = html;  // the SVG namespace is a name, not a resource
    for (std::size_t p;
         (p = stripped.find("xmlns=\"http://www.w3.org/2000/svg\"")) != std::string::npos;)
        stripped.erase(p, 34);
    for (std::size_t p;
         (p = stripped.find(htmlEscape(kImg))) != std::string::npos;)  // shown as text
        stripped.erase(p, htmlEscape(kImg).size());
    for (const char* s : {"<link", " src=", "href=", "url(", "@import", "http://", "https://"}) {
        INFO("found " << std::string(s));
        CHECK(stripped.find(s) == std::string::npos);
    }
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);        // competency bars
    CHECK(html.find("<polyline") != std::string::npos);   // trend of the two finished attempts
    CHECK(html.find("Who passed") != std::string::npos);  // group page
    CHECK(html.find("incomplete") != std::string::npos);  // Boris's attempt in progress
}

TEST_CASE("the JSON export lists attempts and the HR table") {
    ReportData d;
    d.generatedAtMs = 0;
    d.scope.trainee = "Anna";
    d.attempts = {attempt("u1", "Anna", 70, true, 1000), attempt("u2", "Anna", 50, false, 2000)};
    json j = renderReportJson(d);
    CHECK(j["format"] == "rapport-results/1");
    CHECK(j["scope"]["trainee"] == "Anna");
    CHECK(j["scope"]["group"].is_null());
    REQUIRE(j["attempts"].size() == 2);
    CHECK(j["attempts"][0]["id"] == "u1");
    CHECK(j["attempts"][0]["durationMs"] == 872'500);
    CHECK(j["attempts"][0]["competencies"][2]["score"].is_null());
    CHECK(j["attempts"][0]["competencies"][2]["assessed"] == false);
    REQUIRE(j["competencyTable"].size() == 2);
    CHECK(j["competencyTable"][0]["competency"] == "needs_discovery");
    CHECK(j["competencyTable"][0]["mean"] == 82);
    CHECK(j["competencyTable"][0]["assessedAttempts"] == 2);
}

TEST_CASE("xAPI statements: one per finished attempt, verbs, score, duration, extensions") {
    ReportData d;
    d.attempts = {attempt("u1", "Anna", 74, true, 1'710'409'267'512),
                  attempt("u2", "Anna", 40, false, 2000)};
    auto unscored = attempt("u3", "Anna", 0, false, 3000);
    unscored.score.reset();
    unscored.passed.reset();
    auto open = attempt("u4", "Anna", 0, false, 4000);
    open.status = AttemptStatus::InProgress;
    d.attempts.push_back(unscored);
    d.attempts.push_back(open);
    XapiOptions o;
    json all = renderXapiStatements(d, o);
    REQUIRE(all.size() == 3);
    const json& s = all[0];
    CHECK(s["id"] == xapiStatementId(d.attempts[0]));
    CHECK(s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed");
    CHECK(all[1]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed");
    CHECK(all[2]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed");
    CHECK_FALSE(all[2]["result"].contains("score"));
    CHECK(s["actor"]["account"] == json{{"homePage", "https://rapport.invalid"}, {"name", "E-1"}});
    CHECK(s["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/simulation");
    CHECK(s["object"]["id"] == "https://rapport.invalid/xapi/scenarios/price-objection/1.2");
    CHECK(s["result"]["score"] == json{{"scaled", 0.74}, {"raw", 74}, {"min", 0}, {"max", 100}});
    CHECK(s["result"]["success"] == true);
    CHECK(s["result"]["completion"] == true);
    CHECK(s["result"]["duration"] == "PT14M32.5S");
    const json& comps =
        s["result"]["extensions"]["https://rapport.invalid/xapi/extensions/competency-scores"];
    CHECK(comps.size() == 2);  // not-assessed competencies are left out
    CHECK(comps["https://rapport.invalid/xapi/competencies/needs_discovery"]["scaled"] == 0.82);
    CHECK(s["timestamp"] == "2024-03-14T09:55:40.012Z");
    CHECK(iriSegment("a b/<c>") == "a%20b%2F%3Cc%3E");
    CHECK_THROWS_AS(renderXapiStatement(open, o), std::logic_error);
}

TEST_CASE("rapport report exports from a database; its xAPI passes the xapi-validation package") {
    test::TempDir dir;
    const std::string db = dir.file("results.db");
    {
        store::ResultsStore s(db);
        auto evil = s.upsertTrainee({kScript, "", "=1+1"});
        auto anna = s.upsertTrainee({"Anna Petrova", "E-17", "North"});
        test::writeAttempt(s, evil, "price objection <v2>", 1'710'000'000'000, 3, true, 74);
        test::writeAttempt(s, anna, "price-objection", 1'710'100'000'000, 2, true, 40);
        test::writeAttempt(s, anna, "price-objection", 1'710'200'000'000, 1, false);
    }
    const std::string cli = RAPPORT_CLI_PATH;
    auto run = [&](const std::string& args) {
        const auto r = test::runCli("report --db " + test::shellQuoted(db) + " " + args + " 2>&1");
        return std::pair{r.exitCode, r.out};
    };
    auto slurp = [](const std::string& path) { return test::readText(path); };

    auto [code, out] = run("--format html -o '" + dir.file("r.html") + "'");
    CHECK(code == 0);
    std::string html = slurp(dir.file("r.html"));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);

    std::tie(code, out) = run("--format csv --group North");
    CHECK(code == 0);
    CHECK(parseCsv(out).size() == 3);  // header + Anna's two attempts

    std::tie(code, out) = run("--format json --since 2024-03-11T23:00");
    CHECK(code == 0);
    CHECK(json::parse(out)["attempts"].size() == 1);

    std::tie(code, out) = run("--format pdf");
    CHECK(code == 2);
    CHECK(out.find("unknown format 'pdf'") != std::string::npos);
    std::tie(code, out) = run("--format csv --since yesterday");
    CHECK(code == 2);

    std::tie(code, out) = run("--format xapi -o '" + dir.file("statements.json") + "'");
    REQUIRE(code == 0);
    json statements = json::parse(slurp(dir.file("statements.json")));
    CHECK(statements.size() == 2);  // the attempt in progress is not exported

    // The validator is an npm package installed into the build folder by the set-up command
    // (see README / docs/hr-reports.md). Missing node or package is a failure, never a skip.
    std::string modules =
        (std::filesystem::path(cli).parent_path() / "xapi-validation" / "node_modules").string();
    if (const char* env = std::getenv("RAPPORT_XAPI_VALIDATION_MODULES")) modules = env;
    REQUIRE_MESSAGE(std::system("command -v node > /dev/null 2>&1") == 0,
                    "node is not installed: the xAPI validation test needs Node.js (apt-get "
                    "install nodejs npm)");
    REQUIRE_MESSAGE(std::filesystem::exists(modules + "/xapi-validation"),
                    "xapi-validation is missing in "
                        << modules
                        << "; run: npm install --prefix build/xapi-validation --no-save "
                           "--no-audit --no-fund xapi-validation@2.1.4");
    const auto validation = test::runCommand(
        "NODE_PATH=" + test::shellQuoted(modules) + " node " +
        test::shellQuoted(std::string(RAPPORT_SOURCE_DIR) + "/tests/xapi/validate_statements.js") +
        " " + test::shellQuoted(dir.file("statements.json")) + " 2>&1");
    const std::string& report = validation.out;
    INFO(report);
    CHECK(validation.exitCode == 0);
    CHECK(report.find("2 statements, 0 problems") != std::string::npos);
}

TEST_SUITE_END();

TEST_CASE("every export says when the trainee played with adjusted timing") {
    ReportData d;
    d.attempts.push_back(attempt("u1", "Anna", 74, true, 1000));
    d.attempts.push_back(attempt("u2", "Boris", 61, false, 2000));
    d.attempts[1].timing = Timing::Extended;
    d.attempts.push_back(attempt("u3", "Chiara", 55, false, 3000));
    d.attempts[2].timing = Timing::Untimed;

    const auto rows = parseCsv(renderReportCsv(d, CsvOptions{false}));
    REQUIRE(rows.size() >= 4);
    CHECK(rows[0][9] == "timing");
    CHECK(rows[1][9] == "standard");
    CHECK(rows[2][9] == "extended-x2");
    CHECK(rows[3][9] == "untimed");

    const json j = renderReportJson(d);
    CHECK(j["attempts"][0]["timing"] == "standard");
    CHECK(j["attempts"][1]["timing"] == "extended-x2");
    CHECK(j["attempts"][2]["timing"] == "untimed");

    const json x = renderXapiStatements(d, XapiOptions{});
    REQUIRE(x.size() == 3);
    const std::string key = XapiOptions{}.activityBase + "/extensions/timing";
    CHECK(x[1]["context"]["extensions"][key] == "extended-x2");
    CHECK(x[2]["context"]["extensions"][key] == "untimed");
}
