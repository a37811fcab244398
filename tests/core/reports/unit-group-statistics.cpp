// The figures HR reads about a group or a trainee (group_statistics): quartiles and histogram
// bins, who passed, trends, best and last attempts — and that the app's group page (store cells)
// and the HTML report's group page (attempts) come out with the same numbers.
#include <doctest/doctest.h>

#include <cstdio>

#include "core/reports/group_statistics.hpp"
#include "core/reports/report_html.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;

TEST_SUITE_BEGIN("group-statistics");

namespace {

AttemptRecord finishedAttempt(std::int64_t id, std::string trainee, std::int64_t start,
                              double score, bool passed) {
    AttemptRecord a;
    a.id = id;
    a.trainee = std::move(trainee);
    a.status = AttemptStatus::Finished;
    a.startedAtMs = start;
    a.score = score;
    a.passed = passed;
    return a;
}

CompetencyResult assessed(std::string id, std::string name, double score) {
    CompetencyResult c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.score = score;
    c.assessed = true;
    return c;
}

std::string whole(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

}  // namespace

TEST_CASE("distribution: quartiles by linear interpolation, ten bins, mean") {
    const Distribution d = distributionOf({40, 10, 100, 30, 20});  // order does not matter
    CHECK(d.count == 5);
    CHECK(d.min == 10);
    CHECK(d.max == 100);
    CHECK(d.median == doctest::Approx(30));
    CHECK(d.q1 == doctest::Approx(20));
    CHECK(d.q3 == doctest::Approx(40));
    CHECK(d.mean == doctest::Approx(40));
    CHECK(d.bins[1] == 1);
    CHECK(d.bins[9] == 1);  // 100 falls in the top bin

    const Distribution even = distributionOf({10, 20, 30, 40});
    CHECK(even.median == doctest::Approx(25));  // the mean of the two middle values
    CHECK(even.q1 == doctest::Approx(17.5));
    CHECK(even.q3 == doctest::Approx(32.5));

    const Distribution edges = distributionOf({9.99, 10, 89.99, 90, -5, 105});
    CHECK(edges.bins[0] == 2);  // 9.99 and the out-of-range -5
    CHECK(edges.bins[1] == 1);
    CHECK(edges.bins[8] == 1);
    CHECK(edges.bins[9] == 2);  // 90 and the out-of-range 105

    const Distribution one = distributionOf({62.5});
    CHECK(one.q1 == 62.5);
    CHECK(one.median == 62.5);
    CHECK(one.q3 == 62.5);
    CHECK(distributionOf({}).count == 0);
}

TEST_CASE("who passed: one row per trainee in name order; last by start time, not list order") {
    std::vector<AttemptRecord> as;
    as.push_back(finishedAttempt(3, "Bea", 3000, 60, false));  // Bea's last, though listed first
    as.push_back(finishedAttempt(1, "Bea", 1000, 80, true));
    as.push_back(finishedAttempt(2, "Bea", 2000, 80, true));
    AttemptRecord open;
    open.id = 4, open.trainee = "Bea",
    open.startedAtMs = 4000;  // in progress: neither finished nor last
    as.push_back(open);
    AttemptRecord cy;
    cy.id = 5, cy.trainee = "Cy", cy.startedAtMs = 500, cy.status = AttemptStatus::Abandoned;
    as.push_back(cy);
    as.push_back(finishedAttempt(6, "Al", 100, 50, false));
    as.back().score.reset();  // finished but unscored
    as.back().passed.reset();

    const auto who = passSummaries(as);
    REQUIRE(who.size() == 3);
    CHECK(who[0].trainee == "Al");
    CHECK(who[0].finished == 1);
    CHECK(who[0].passed == 0);
    CHECK_FALSE(who[0].best);
    CHECK_FALSE(who[0].last);
    CHECK(who[0].lastAttempt->id == 6);
    CHECK(who[1].trainee == "Bea");
    CHECK(who[1].finished == 3);
    CHECK(who[1].passed == 2);
    CHECK(*who[1].best == 80);
    CHECK(*who[1].last == 60);
    CHECK(who[1].lastAttempt->id == 3);
    CHECK(who[2].trainee == "Cy");  // listed with nothing finished
    CHECK(who[2].finished == 0);
    CHECK(who[2].lastAttempt == nullptr);

    const PassTotals t = passTotals(who);
    CHECK(t.trainees == 3);
    CHECK(t.finished == 4);
    CHECK(t.passed == 2);

    CHECK(bestAttempt(as)->id == 1);  // 80 twice: the earlier one
    CHECK(lastAttempt(as)->id == 3);
    CHECK(lastAttempt(std::vector<AttemptRecord>{open}) == nullptr);
    CHECK(bestAttempt(std::vector<AttemptRecord>{as.back()}) == nullptr);  // unscored: no best
    // Equal start times: the later recorded attempt (higher row id) is the last, as in the HR
    // table.
    std::vector<AttemptRecord> tie{finishedAttempt(9, "Al", 5000, 70, true),
                                   finishedAttempt(8, "Al", 5000, 40, false)};
    CHECK(lastAttempt(tie)->id == 9);
    CHECK(*passSummaries(tie)[0].last == 70);
}

TEST_CASE(
    "trends: per competency by name, oldest first, only finished attempts where it was assessed") {
    std::vector<AttemptRecord> as;
    as.push_back(finishedAttempt(2, "Al", 2000, 70, true));
    as.back().competencies = {assessed("needs", "Needs discovery", 70),
                              assessed("close", "Closing", 40)};
    as.push_back(finishedAttempt(1, "Al", 1000, 50, false));
    as.back().competencies = {assessed("needs", "Needs discovery", 50)};
    CompetencyResult notAssessed;
    notAssessed.id = "close";
    notAssessed.name = "Closing";
    as.back().competencies.push_back(notAssessed);  // not assessed: no point
    AttemptRecord open;
    open.startedAtMs = 3000;
    open.competencies = {assessed("needs", "Needs discovery", 99)};
    as.push_back(open);

    const auto trends = competencyTrends(as);
    REQUIRE(trends.size() == 2);
    CHECK(trends[0].name == "Closing");
    REQUIRE(trends[0].points.size() == 1);
    CHECK(trends[0].points[0].attemptId == 2);
    CHECK(trends[1].id == "needs");
    REQUIRE(trends[1].points.size() == 2);
    CHECK(trends[1].points[0].score == 50);
    CHECK(trends[1].points[1].score == 70);
}

TEST_CASE("competency distributions: trainees' means from HR table cells, by name") {
    std::vector<AttemptRecord> as;
    int id = 0;
    for (auto [trainee, needs] :
         std::vector<std::pair<std::string, double>>{{"A", 20}, {"A", 40}, {"B", 70}, {"C", 90}}) {
        ++id;
        as.push_back(finishedAttempt(id, trainee, id * 1000, needs, needs >= 70));
        as.back().competencies = {assessed("zz_needs", "Needs discovery", needs)};
    }
    as[0].competencies.push_back(assessed("aa_close", "", 10));  // empty name: the id is shown

    const auto cells = buildCompetencyTable(as);
    CHECK(buildCompetencyTable(refsTo(as)).size() == cells.size());
    const auto d = competencyDistributions(cells);
    REQUIRE(d.size() == 2);
    CHECK(d[0].name == "Needs discovery");  // by name: "N" < "a"
    CHECK(d[0].id == "zz_needs");
    CHECK(d[0].means.count == 3);  // trainees, not attempts: A's mean is 30
    CHECK(d[0].means.min == 30);
    CHECK(d[0].means.median == 70);
    CHECK(d[0].means.mean == doctest::Approx((30 + 70 + 90) / 3.0));
    CHECK(d[1].name == "aa_close");
    CHECK(d[1].means.count == 1);
    CHECK(competencyDistributions({}).empty());
}

TEST_CASE(
    "the app's group page (store cells) and the HTML report's group page show the same figures") {
    test::TempDir dir;
    store::ResultsStore db(dir.file("results.db"));
    const auto anna = db.upsertTrainee({"Anna", "", "North"});
    const auto boris = db.upsertTrainee({"Boris", "", "North"});
    const auto clara = db.upsertTrainee({"Clara", "", "North"});
    const auto dmitri = db.upsertTrainee({"Dmitri", "", "South"});
    test::writeAttempt(db, anna, "s1", 1000, 1, true, 60);
    test::writeAttempt(db, anna, "s1", 2000, 1, true, 85);
    test::writeAttempt(db, boris, "s1", 1500, 1, true, 35);
    test::writeAttempt(db, boris, "s1", 2500, 1, false);
    test::writeAttempt(db, clara, "s1", 1200, 1, true, 72);
    test::writeAttempt(db, dmitri, "s1", 1300, 1, true, 99);

    store::AttemptFilter north;
    north.group = "North";
    // What the app's group page draws: store cells of the group, attempts without competencies.
    std::vector<CompetencyCell> cells;
    for (auto& c : db.competencyTable({}))
        if (c.group == "North") cells.push_back(c);
    const auto screen = competencyDistributions(cells);
    const PassTotals screenTotals = passTotals(passSummaries(db.attempts(north, false)));
    REQUIRE(screen.size() == 2);
    CHECK(screen[0].name == "Needs discovery");
    CHECK(screen[0].means.count == 3);
    CHECK(screen[0].means.median == doctest::Approx(72));  // Anna 72.5, Boris 35, Clara 72
    CHECK(screenTotals.trainees == 3);
    CHECK(screenTotals.finished == 4);
    CHECK(screenTotals.passed == 2);  // 85 and 72 pass (score >= 70)

    // The exported report of all results has a North page with those same numbers.
    ReportData data;
    data.attempts = db.attempts({});
    const std::string html = renderReportHtml(data);
    const auto page = html.find("<h2>Group: North</h2>");
    REQUIRE(page != std::string::npos);
    const std::string north_page = html.substr(page, html.find("</section>", page) - page);
    CHECK(north_page.find("Trainees: 3 · finished attempts: 4 · passed: 2") != std::string::npos);
    for (const auto& c : screen) {
        CAPTURE(c.name);
        const Distribution& d = c.means;
        const std::string row =
            "<tr><td>" + c.name + "</td><td class=\"num\">" + std::to_string(d.count) + "</td>";
        const auto at = north_page.find(row);
        REQUIRE(at != std::string::npos);
        const std::string line = north_page.substr(at, north_page.find("</tr>", at) - at);
        CHECK(line.find(">" + whole(d.mean) + "</td>") != std::string::npos);
        CHECK(line.find(whole(d.median) + " (" + whole(d.q1) + "\u2013" + whole(d.q3) + ")") !=
              std::string::npos);
        CHECK(line.find(whole(d.min) + "\u2013" + whole(d.max)) != std::string::npos);
    }
    // Dmitri is South's, not North's.
    CHECK(north_page.find("Dmitri") == std::string::npos);
    CHECK(html.find("Trainees: 1 · finished attempts: 1 · passed: 1") != std::string::npos);
}

TEST_SUITE_END();
