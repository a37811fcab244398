// The one definition of an HR table cell (CompetencyTableFold): the store and the reports both
// read their cells from it, so what is checked here holds for both.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "core/reports/report_model.hpp"

using namespace rapport;

namespace {

struct Row {
    const char* trainee;
    const char* competency;
    const char* name;
    double score;
    std::int64_t start;
    std::int64_t attempt;
};

std::vector<CompetencyCell> fold(const std::vector<Row>& rows) {
    CompetencyTableFold f;
    for (const Row& r : rows)
        f.add(r.trainee, "G", r.competency, r.name, r.score, r.start, r.attempt);
    return f.cells();
}

}  // namespace

TEST_CASE("a cell counts, averages and keeps the best and the latest result") {
    const auto cells = fold({{"Bo", "listen", "Listening", 40, 3000, 7},
                             {"Al", "listen", "Listening", 90, 1000, 1},
                             {"Al", "listen", "Active listening", 60, 2000, 2},
                             {"Al", "close", "Closing", 55, 1000, 1},
                             {"Al", "listen", "Listening (old)", 30, 500, 3}});
    REQUIRE(cells.size() == 3);
    CHECK(cells[0].trainee == "Al");
    CHECK(cells[0].competencyId == "close");
    CHECK(cells[1].competencyId == "listen");
    CHECK(cells[1].assessedAttempts == 3);
    CHECK(cells[1].mean == doctest::Approx(60));
    CHECK(cells[1].best == 90);
    CHECK(cells[1].last == 60);                            // started at 2000, the latest
    CHECK(cells[1].competencyName == "Active listening");  // named as in the latest attempt
    CHECK(cells[2].trainee == "Bo");
    CHECK(cells[2].group == "G");
}

TEST_CASE("attempts started in the same millisecond: the greater attempt id is the latest") {
    const auto cells = fold({{"Al", "c", "New", 70, 1000, 9}, {"Al", "c", "Old", 40, 1000, 4}});
    REQUIRE(cells.size() == 1);
    CHECK(cells[0].last == 70);
    CHECK(cells[0].competencyName == "New");
}

TEST_CASE("the cells have the same bits whichever order the results come in") {
    std::mt19937 rng(12);
    std::vector<Row> rows;
    const char* trainees[] = {"A", "B", "C"};
    const char* comps[] = {"x", "y"};
    for (int i = 0; i < 200; ++i)
        rows.push_back({trainees[rng() % 3], comps[rng() % 2], "N", double(rng() % 1000) / 7.0,
                        std::int64_t(rng() % 10), i});
    const auto reference = fold(rows);
    REQUIRE(reference.size() == 6);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(rows.begin(), rows.end(), rng);
        const auto again = fold(rows);
        REQUIRE(again.size() == reference.size());
        for (std::size_t i = 0; i < again.size(); ++i) {
            CHECK(again[i].mean == reference[i].mean);  // exact: summed in (start, id) order
            CHECK(again[i].last == reference[i].last);
            CHECK(again[i].best == reference[i].best);
        }
    }
}

TEST_CASE("buildCompetencyTable folds finished attempts' assessed results only") {
    AttemptRecord done;
    done.id = 1;
    done.trainee = "Al";
    done.status = AttemptStatus::Finished;
    done.competencies = {{"c", "C", 80.0, 0, 0, "L", true, true, 1, ""},
                         {"d", "D", std::nullopt, 0, 0, "", false, false, 0, ""}};
    AttemptRecord open = done;
    open.id = 2;
    open.status = AttemptStatus::InProgress;
    const auto cells = buildCompetencyTable(std::vector<AttemptRecord>{done, open});
    REQUIRE(cells.size() == 1);
    CHECK(cells[0].competencyId == "c");
    CHECK(cells[0].assessedAttempts == 1);
    CHECK(cells[0].mean == 80);
}
