// The HR table's first columns: overall score, pass rate and attempts per trainee, and sorting
// by them (missing values last in both directions).
#include <doctest/doctest.h>

#include "app/hr/hr_table_model.hpp"

using namespace rapport;
using namespace rapport::app;

namespace {

AttemptRecord attempt(const std::string& trainee, AttemptStatus status, std::optional<double> score,
                      bool passed) {
    AttemptRecord a;
    a.trainee = trainee;
    a.status = status;
    a.score = score;
    a.passed = passed;
    return a;
}

}  // namespace

TEST_CASE("HR totals: finished, scored attempts only; mean score, passes, pass rate") {
    const auto totals = traineeTotals({
        attempt("Ana", AttemptStatus::Finished, 80, true),
        attempt("Ana", AttemptStatus::Finished, 60, false),
        attempt("Ana", AttemptStatus::InProgress, std::nullopt, false),  // does not count
        attempt("Ben", AttemptStatus::Finished, 90, true),
    });
    REQUIRE(totals.count("Ana") == 1);
    const HrTotals& ana = totals.at("Ana");
    CHECK(ana.attempts == 2);
    CHECK(ana.passed == 1);
    CHECK(*ana.overall == doctest::Approx(70.0));
    CHECK(*ana.passRate() == doctest::Approx(50.0));
    CHECK(*totals.at("Ben").passRate() == doctest::Approx(100.0));
    CHECK_FALSE(HrTotals{}.passRate().has_value());
}

TEST_CASE("HR totals: rows sort by overall, pass rate and attempts; no attempts go last") {
    HrTable t;
    t.rows = {{"Ana", "", {}, {}}, {"Ben", "", {}, {}}, {"Cy", "", {}, {}}};
    addTotals(t, {{"Ana", HrTotals{2, 1, 70.0}}, {"Ben", HrTotals{1, 1, 90.0}}});
    sortHrRows(t.rows, {HrSort::Key::Overall, 0, true});
    CHECK(t.rows[0].trainee == "Ben");
    CHECK(t.rows[1].trainee == "Ana");
    CHECK(t.rows[2].trainee == "Cy");  // no finished attempt: last
    sortHrRows(t.rows, {HrSort::Key::Attempts, 0, true});
    CHECK(t.rows[0].trainee == "Ana");
    sortHrRows(t.rows, {HrSort::Key::PassRate, 0, false});
    CHECK(t.rows[0].trainee == "Ana");  // 50 % before 100 %
    CHECK(t.rows[2].trainee == "Cy");   // still last ascending
}
