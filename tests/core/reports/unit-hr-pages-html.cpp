// The printable HR pages (core/reports/hr_pages_html, items_html): content and figures from a
// fixture, every text escaped, A4 print rules, <html lang>, and the reader's language.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/reports/hr_pages_html.hpp"
#include "core/reports/items_html.hpp"
#include "core/reports/report_html.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

TEST_SUITE_BEGIN("report");

namespace {

constexpr std::int64_t kDay0 = 1'772'442'000'000;  // 2026-03-02 09:00 UTC
constexpr std::int64_t kDayMs = 86'400'000;

ReportData loadFixture() {
    std::ifstream in(std::string(RAPPORT_FIXTURES_DIR) + "/reports/hr-pages.json");
    REQUIRE(in);
    const auto j = nlohmann::json::parse(in);
    ReportData d;
    d.generatedAtMs = j.at("generatedAt").get<std::int64_t>();
    for (const auto& a : j.at("attempts")) {
        AttemptRecord r;
        r.id = a.at("id").get<std::int64_t>();
        r.trainee = a.at("trainee").get<std::string>();
        r.employeeId = a.at("employeeId").get<std::string>();
        r.group = a.at("group").get<std::string>();
        r.scenarioId = a.at("scenario").get<std::string>();
        r.scenarioTitle = a.at("title").get<std::string>();
        r.scenarioVersion = "1.0";
        r.mode = parseAttemptMode(a.at("mode").get<std::string>()).value();
        r.startedAtMs = kDay0 + a.at("day").get<std::int64_t>() * kDayMs;
        r.status = parseAttemptStatus(a.at("status").get<std::string>()).value();
        r.outcome = a.at("outcome").get<std::string>();
        if (!a.at("score").is_null()) r.score = a.at("score").get<double>();
        if (!a.at("passed").is_null()) r.passed = a.at("passed").get<bool>();
        for (const auto& c : a.at("competencies")) {
            CompetencyResult x;
            x.id = c.at("id").get<std::string>();
            x.name = c.at("name").get<std::string>();
            x.score = c.at("score").get<double>();
            x.assessed = x.rated = true;
            r.competencies.push_back(x);
        }
        d.attempts.push_back(r);
    }
    return d;
}

// True when nothing a person or a scenario wrote reached the page as markup.
void checkEscaped(const std::string& html) {
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<b>objection") == std::string::npos);
    CHECK(html.find("<i>South") == std::string::npos);
    CHECK(html.find("<discovery>") == std::string::npos);
    CHECK(html.find("\x01") == std::string::npos);
}

// Self-contained and made for paper: no script, no outside resource, A4, breaks, <html lang>.
void checkPrintable(const std::string& html, const std::string& lang) {
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"" + lang + "\">", 0) == 0);
    CHECK(html.find("@page{size:A4") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("break-inside:avoid") != std::string::npos);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    for (const char* s : {"<link", " src=", "href=", "url(", "@import", "https://"})
        CHECK_MESSAGE(html.find(s) == std::string::npos, s);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("printable table page: every trainee's means, escaped, one sheet") {
    const ReportData d = loadFixture();
    const std::string html = renderTablePageHtml(d);
    checkPrintable(html, "en");
    checkEscaped(html);
    CHECK(html.find("<title>Rapport: trainees × competencies</title>") != std::string::npos);
    CHECK(html.find("Scope: all results · 4 attempts · generated 2026-03-02 09:00 UTC") !=
          std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("North &amp; &lt;i&gt;South&lt;/i&gt;") != std::string::npos);
    CHECK(html.find("<th>Needs &lt;discovery&gt;</th>") != std::string::npos);
    // The hostile trainee: needs (90 + 50) / 2 = 70, closing (70 + 30) / 2 = 50.
    CHECK(html.find("title=\"best 90, last 50, 2 attempts\">70</td>") != std::string::npos);
    CHECK(html.find("title=\"best 70, last 30, 2 attempts\">50</td>") != std::string::npos);
    CHECK(html.find("title=\"best 60, last 60, 1 attempt\">60</td>") != std::string::npos);
    CHECK(html.find("Анна Петрова") != std::string::npos);
    CHECK(count(html, "class=\"page") == 0);  // one section: no page break to print
}

TEST_CASE("printable trainee page: one sheet per trainee, with bars, trend and attempts") {
    ReportData d = loadFixture();
    d.scope.trainee = d.attempts[0].trainee;
    const ReportData one{d.scope, d.generatedAtMs, {d.attempts[0], d.attempts[1]}};
    const std::string html = renderTraineePageHtml(one);
    checkPrintable(html, "en");
    checkEscaped(html);
    CHECK(html.find("<h2>Trainee: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h2>") !=
          std::string::npos);
    CHECK(html.find("Employee id: E-&quot;1&quot;") != std::string::npos);
    CHECK(html.find("Attempts: 2") != std::string::npos);
    CHECK(html.find("<polyline") != std::string::npos);  // two finished attempts: a trend
    CHECK(html.find("Best attempt: 80 in “Price &lt;b&gt;objection&lt;/b&gt;”") !=
          std::string::npos);
    // The result keeps its colour inside the escaped sentence.
    CHECK(html.find("(2026-03-04 09:00), <span class=\"fail\">not passed</span>.") !=
          std::string::npos);
    CHECK(html.find(">exam</td>") != std::string::npos);
    CHECK(html.find(">practice</td>") != std::string::npos);
    CHECK(html.find(">won</td>") != std::string::npos);

    // Everyone: a page each, the first without a break before it.
    const std::string all = renderTraineePageHtml(d);
    CHECK(count(all, "<section class=\"page trainee\">") == 3);
    CHECK(all.find("section.page:first-of-type{page-break-before:auto") != std::string::npos);
    CHECK(all.find("田中 愛子") != std::string::npos);
    CHECK(all.find(">incomplete</td>") != std::string::npos);
}

TEST_CASE("printable group page: distributions and who passed, per group") {
    const ReportData d = loadFixture();
    const std::string html = renderGroupPageHtml(d);
    checkPrintable(html, "en");
    checkEscaped(html);
    CHECK(count(html, "<section class=\"page group\">") == 2);
    CHECK(html.find("<h2>Group: North &amp; &lt;i&gt;South&lt;/i&gt;</h2>") != std::string::npos);
    CHECK(html.find("Trainees: 2 · finished attempts: 3 · passed: 1") != std::string::npos);
    CHECK(html.find("<h2>Group: 東京</h2>") != std::string::npos);
    CHECK(html.find("Trainees: 1 · finished attempts: 0 · passed: 0") != std::string::npos);
    // Needs: the two trainees' means 70 and 60 → group mean 65, median 65.
    CHECK(html.find("<td class=\"num b3\">65</td><td class=\"num\">65 (") != std::string::npos);
}

TEST_CASE("printable pages in the reader's language: Russian and Japanese words, lang set") {
    const ReportData d = loadFixture();
    HrPageOptions ru;
    ru.language = "ru";
    const std::string html = renderGroupPageHtml(d, ru);
    checkPrintable(html, "ru");
    checkEscaped(html);
    CHECK(html.find("Who passed") == std::string::npos);
    CHECK(html.find("Scope:") == std::string::npos);
    HrPageOptions ja;
    ja.language = "ja";
    const std::string jaHtml = renderTablePageHtml(d, ja);
    checkPrintable(jaHtml, "ja");
    CHECK(jaHtml.find("Trainee</th>") == std::string::npos);
    // A given title is used as it is, escaped.
    ja.title = "<u>Q1</u>";
    CHECK(renderTablePageHtml(d, ja).find("<title>&lt;u&gt;Q1&lt;/u&gt;</title>") !=
          std::string::npos);
}

TEST_CASE("printable item analysis: figures with intervals, few-response marks, reasons") {
    ItemReport report;
    report.generatedAtMs = kDay0;
    report.skippedAttempts = 1;
    ModeStatistics exam;
    exam.mode = AttemptMode::Exam;
    exam.attempts = 40;
    ItemStatistics item;
    item.scenarioId = "price-<objection>";
    item.node = "open<er>";
    item.responses = 40;
    item.difficulty = 0.626;
    item.discrimination = -0.214;
    item.meanPointsLost = 1.5;
    item.trustworthy = true;
    item.flags = {kFlagCheckKey};
    ReplyStatistics best{"ask", 3, true, 40, 25, 0.626, 0, 0.31, {}};
    ReplyStatistics never{"<b onclick=x()>", 0, false, 40, 0, 0, 3, std::nullopt,
                          {kFlagUnusedReply}};
    item.replies = {best, never};
    exam.items = {item};
    CompetencyReliability rel;
    rel.scenarioId = "price-<objection>";
    rel.competencyId = "needs";
    rel.items = 4;
    rel.alpha = {0.7234, Interval{0.61, 0.8}, 40, true, ""};
    rel.splitHalf = {std::nullopt, std::nullopt, 12, false, "no variance"};
    exam.reliability = {rel};
    exam.retest = {{"price-<objection>", {0.5, Interval{0.1, 0.76}, 12, false, ""}}};
    ScoreNorm norm;
    norm.group = "North";
    norm.scenarioId = "price-<objection>";
    norm.n = 40;
    norm.mean = 61.25;
    norm.sd = 12.5;
    norm.min = 20;
    norm.max = 95;
    norm.p50 = 62;
    exam.norms = {norm};
    ModeStatistics practice;
    report.modes = {practice, exam};

    const std::string html = renderItemsHtml(report);
    checkPrintable(html, "en");
    CHECK(html.find("<b onclick") == std::string::npos);
    CHECK(html.find("&lt;b onclick=x()&gt;") != std::string::npos);
    CHECK(html.find("<er>") == std::string::npos);
    CHECK(html.find("Scenario price-&lt;objection&gt;") != std::string::npos);
    CHECK(html.find(">0.63</td>") != std::string::npos);   // difficulty, two decimals
    CHECK(html.find(">-0.21</td>") != std::string::npos);  // discrimination
    CHECK(html.find("check the key") != std::string::npos);
    CHECK(html.find("a reply nobody picks") != std::string::npos);
    CHECK(html.find(">63 %</td>") != std::string::npos);  // choice rate
    CHECK(html.find(">0.72 (0.61–0.80)</td>") != std::string::npos);
    CHECK(html.find("— no variance") != std::string::npos);
    CHECK(html.find("few\">0.50 (0.10–0.76) *</td>") != std::string::npos);  // n = 12 < 30
    CHECK(html.find("1 finished attempt left out") != std::string::npos);
    CHECK(html.find("<section class=\"page mode\"><h2>Practice attempts") != std::string::npos);
    CHECK(html.find("No decision was answered in these attempts.") != std::string::npos);
    CHECK(html.find("<section class=\"page mode\"><h2>Exam attempts") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);  // difficulty chart

    HrPageOptions ru;
    ru.language = "ru";
    const std::string ruHtml = renderItemsHtml(report, ru);
    checkPrintable(ruHtml, "ru");
    CHECK(ruHtml.find(">0,72 (0,61–0,80)</td>") != std::string::npos);  // decimal comma
    CHECK(ruHtml.find("check the key") == std::string::npos);
}

TEST_CASE("the full report is made of the same sections, in the language asked for") {
    const ReportData d = loadFixture();
    const std::string full = renderReportHtml(d);
    CHECK(count(full, "<section class=\"page group\">") == 2);
    CHECK(count(full, "<section class=\"page trainee\">") == 3);
    checkEscaped(full);
    HtmlReportOptions ja;
    ja.language = "ja";
    const std::string jaFull = renderReportHtml(d, ja);
    CHECK(jaFull.rfind("<!DOCTYPE html>\n<html lang=\"ja\">", 0) == 0);
    CHECK(jaFull.find("Who passed") == std::string::npos);
}

TEST_SUITE_END();
