// Score reports and HR exports in the reader's language: a bundled scenario scored with the
// bundled framework, then shown and exported in en, ja and ru.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/checks/evidence_check.hpp"
#include "core/reports/report_html.hpp"
#include "core/reports/report_json.hpp"
#include "core/reports/report_language.hpp"
#include "core/reports/report_xapi.hpp"
#include "core/scoring/optimum.hpp"
#include "core/scoring/score_report_language.hpp"
#include "core/scoring/scoring.hpp"
#include "core/source/utf8.hpp"
#include "support/build_paths.hpp"
#include "support/scoring_fixtures.hpp"

using namespace rapport;
using nlohmann::json;

namespace {

struct Scored {
    test::Loaded loaded;
    ScoreReport report;
};

// bank-card-complaint played along its best path: every competency it assesses is rated.
const Scored& scored() {
    static const Scored s = [] {
        Scored out{
            test::load(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-card-complaint.json"),
            {}};
        const OptimumOutcome opt = computeOptimum(out.loaded.scenario, out.loaded.framework);
        REQUIRE(opt.optimum);
        out.report =
            scoreTranscript(out.loaded.scenario, out.loaded.framework,
                            test::play(out.loaded.scenario, opt.optimum->bestPath), &*opt.optimum);
        return out;
    }();
    return s;
}

const CompetencyScore& competency(const ScoreReport& r, const std::string& id) {
    for (const auto& c : r.competencies)
        if (c.id == id) return c;
    FAIL("no competency " << id);
    return r.competencies.front();
}

ReportData reportData(const Scored& s) {
    AttemptRecord a;
    a.id = 1;
    a.uid = "00000000-0000-5000-8000-000000000001";
    a.trainee = "Анна Петрова";
    a.scenarioId = s.loaded.scenario.id;
    a.scenarioVersion = s.loaded.scenario.version;
    a.frameworkId = s.report.frameworkId;
    a.frameworkVersion = s.report.frameworkVersion;
    a.startedAtMs = 1'710'000'000'000;
    a.endedAtMs = a.startedAtMs + 600'000;
    a.status = AttemptStatus::Finished;
    a.score = s.report.score;
    a.passed = s.report.passed;
    a.competencies = summariseScoreReport(reportToJson(s.report)).competencies;
    ReportData d;
    d.attempts.push_back(a);
    return d;
}

}  // namespace

TEST_CASE("a score report reads in the trainee's language; the score does not move") {
    const Scored& s = scored();
    const CompetencyScore& en = competency(s.report, "complaint_resolution");
    REQUIRE(en.rated);
    CHECK(en.name == "Complaint and conflict resolution");

    ScoreReport ja = s.report;
    localiseScoreReport(ja, s.loaded.framework, "ja-JP");
    const CompetencyScore& j = competency(ja, "complaint_resolution");
    CHECK(j.name == "クレーム対応・対立の解決");
    CHECK(j.levelName == s.loaded.framework.levelName(en.level, "ja"));
    CHECK(j.anchor ==
          s.loaded.framework.anchor(*s.loaded.framework.findCompetency(en.id), en.level, "ja"));
    CHECK(j.score == en.score);
    CHECK(ja.score == s.report.score);

    ScoreReport ru = s.report;
    localiseScoreReport(ru, s.loaded.framework, "ru");
    CHECK(competency(ru, "complaint_resolution").name ==
          "Работа с претензиями и урегулирование конфликтов");
    CHECK(competency(ru, "professional_conduct").name == "Деловая этика и стрессоустойчивость");

    ScoreReport again = s.report;
    localiseScoreReport(again, s.loaded.framework, "en");
    CHECK(reportToJson(again).dump() == reportToJson(s.report).dump());
}

// The CSV names competencies by id in its header, so only the HTML and JSON carry names.
TEST_CASE("HR exports name competencies and levels in the chosen language") {
    const Scored& s = scored();
    const Framework& f = s.loaded.framework;
    const FrameworkResolver resolve = [&](const std::string& id) {
        return id == f.id ? &f : nullptr;
    };
    const int level = competency(s.report, "complaint_resolution").level;

    for (const char* lang : {"ja", "ru"}) {
        CAPTURE(lang);
        ReportData d = reportData(s);
        localiseReportData(d, resolve, lang);
        const std::string name = f.competencyName(*f.findCompetency("complaint_resolution"), lang);
        const std::string levelName = f.levelName(level, lang);
        CHECK(renderReportHtml(d).find(name) != std::string::npos);
        const json j = renderReportJson(d);
        bool found = false;
        for (const auto& c : j["attempts"][0]["competencies"])
            if (c["id"] == "complaint_resolution") {
                CHECK(c["name"] == name);
                CHECK(c["level"] == levelName);
                found = true;
            }
        CHECK(found);
    }

    // A framework that is not at hand leaves the stored words.
    ReportData d = reportData(s);
    localiseReportData(
        d, [](const std::string&) { return nullptr; }, "ja");
    CHECK(renderReportHtml(d).find("Complaint and conflict resolution") != std::string::npos);
}

TEST_CASE("xAPI competency scores carry en-US, ja-JP and ru-RU display maps") {
    const Scored& s = scored();
    const Framework& f = s.loaded.framework;
    ReportData d = reportData(s);
    XapiOptions o;
    o.frameworks = [&](const std::string& id) { return id == f.id ? &f : nullptr; };
    const json st = renderXapiStatements(d, o);
    REQUIRE(st.size() == 1);
    const json& scores =
        st[0]["result"]["extensions"][o.activityBase + "/extensions/competency-scores"];
    const json& c = scores[o.activityBase + "/competencies/complaint_resolution"];
    CHECK(c["display"]["en-US"] == "Complaint and conflict resolution");
    CHECK(c["display"]["ja-JP"] == "クレーム対応・対立の解決");
    CHECK(c["display"]["ru-RU"] == "Работа с претензиями и урегулирование конфликтов");
    const int level = competency(s.report, "complaint_resolution").level;
    CHECK(c["levelDisplay"]["ja-JP"] == f.levelName(level, "ja"));
    CHECK(c["levelDisplay"]["ru-RU"] == f.levelName(level, "ru"));
    CHECK(st[0]["verb"]["display"].contains("ja-JP"));
    CHECK(st[0]["verb"]["display"].contains("ru-RU"));
}

// The report's own words (headings, column names, the scope line) follow HtmlReportOptions::
// language, whatever language the interface is in.
TEST_CASE("the HTML report's headings are in the reader's language") {
    const Scored& s = scored();
    const Framework& f = s.loaded.framework;
    const FrameworkResolver resolve = [&](const std::string& id) {
        return id == f.id ? &f : nullptr;
    };
    struct Expect {
        const char* lang;
        std::vector<const char*> present;
    };
    for (const Expect& e :
         {Expect{"ja",
                 {"<html lang=\"ja\"", "受講者 × コンピテンシー", "<h3>合格者</h3>",
                  "<h3>コンピテンシー別の平均</h3>", "<th>受講者</th>", "対象："}},
          Expect{"ru",
                 {"<html lang=\"ru\"", "Сотрудники × компетенции", "<h3>Кто сдал</h3>",
                  "<h3>Среднее по компетенциям</h3>", "<th>Сотрудник</th>", "Выборка: "}}}) {
        CAPTURE(e.lang);
        ReportData d = reportData(s);
        localiseReportData(d, resolve, e.lang);
        HtmlReportOptions o;
        o.language = e.lang;
        const std::string html = renderReportHtml(d, o);
        // Long Cyrillic and Japanese names are shortened in the charts without cutting a letter.
        CHECK_FALSE(findInvalidUtf8(html).has_value());
        for (const char* p : e.present) {
            CAPTURE(p);
            CHECK(html.find(p) != std::string::npos);
        }
        for (const char* english : {"Who passed", "Mean per competency", "<th>Trainee</th>",
                                    "Scope: ", "Attempts</h3>", "attempts"}) {
            CAPTURE(english);
            CHECK(html.find(english) == std::string::npos);
        }
    }
    const std::string en = renderReportHtml(reportData(s));
    CHECK(en.find("<html lang=\"en\"") != std::string::npos);
    CHECK(en.find("<h3>Who passed</h3>") != std::string::npos);
}
