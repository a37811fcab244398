// Item analysis over a real results store: attempts of tests/fixtures/scoring/rules.json played,
// journaled and finished through the store API, read back by attemptResponses and reported by
// `rapport report --format items|items-json` — the same figures as core computes in memory, and
// practice and exam kept apart.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/library/scenario_library.hpp"
#include "core/reports/report_items.hpp"
#include "store/attempt_responses.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
// scoring_fixtures.hpp uses checkScenarioScoring without declaring it.
#include "core/checks/evidence_check.hpp"
#include "support/scoring_fixtures.hpp"
#include "support/store_test_support.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;

namespace {

struct Sitting {
    const char* trainee;
    AttemptMode mode;
    const char* script;
    double score;
};

// Four exam and two practice attempts over rules.json's three two-reply decisions.
const Sitting kSittings[] = {
    {"Ann", AttemptMode::Exam, "2,1,1", 90},     {"Ben", AttemptMode::Exam, "2,2,1", 70},
    {"Cat", AttemptMode::Exam, "1,1,2", 50},     {"Dan", AttemptMode::Exam, "1,2,2", 20},
    {"Ann", AttemptMode::Practice, "1,1,1", 60}, {"Eve", AttemptMode::Practice, "2,2,2", 40},
};

std::vector<AttemptResponses> fillStore(store::ResultsStore& db, const test::Loaded& l) {
    std::vector<AttemptResponses> expected;
    std::int64_t start = 1'700'000'000'000;
    for (const auto& s : kSittings) {
        const auto trainee = db.upsertTrainee({s.trainee, "", "north"});
        const Transcript t = test::play(l.scenario, s.script);
        store::AttemptStart a;
        a.traineeId = trainee;
        a.scenarioId = l.scenario.id;
        a.scenarioVersion = l.scenario.version;
        a.scenarioTitle = l.scenario.title;
        a.contentHash = std::string(64, 'a');
        a.frameworkId = "scoring-test";
        a.frameworkVersion = "1.0.0";
        a.mode = s.mode;
        a.seed = t.seed;
        a.replyOrder = t.replyOrder;
        a.startedAtMs = start += 1000;
        const auto id = db.beginAttempt(a);
        for (const auto& step : t.steps)
            db.appendStep(id, step, nlohmann::json::array(), nlohmann::json::object());
        db.finishAttempt(id, {t.endingNode, "won", start + 500,
                              test::sampleReport(s.score, s.score >= 70, s.score, s.score)});
        AttemptResponses r;
        r.attemptId = id;
        r.trainee = s.trainee;
        r.group = "north";
        r.scenarioId = l.scenario.id;
        r.mode = s.mode;
        r.startedAtMs = start;
        r.score = s.score;
        r.decisions = decisionResponses(l.scenario, l.framework, t);
        expected.push_back(std::move(r));
    }
    return expected;
}

}  // namespace

TEST_CASE("store items: attempts read back score like the transcripts they journaled") {
    const test::TempDir dir;
    const auto l = test::load(test::kScoring + "rules.json");
    store::ResultsStore db(dir.file("results.db"));
    const auto expected = fillStore(db, l);
    const ScenarioLibrary library = loadScenarioLibrary({test::kScoring + "rules.json"});
    store::AttemptFilter exam;
    exam.mode = AttemptMode::Exam;
    const auto read = store::attemptResponses(db, exam, store::libraryLookup(library));
    CHECK(read.skipped == 0);
    REQUIRE(read.attempts.size() == 4);
    const auto fromStore = analyseItems(read.attempts);
    const auto inMemory = analyseItems(ofMode(expected, AttemptMode::Exam));
    REQUIRE(fromStore.size() == 3);
    REQUIRE(fromStore.size() == inMemory.size());
    for (std::size_t i = 0; i < fromStore.size(); ++i) {
        CHECK(fromStore[i].node == inMemory[i].node);
        CHECK(fromStore[i].responses == 4);
        CHECK(fromStore[i].difficulty == inMemory[i].difficulty);
        CHECK(fromStore[i].discrimination == inMemory[i].discrimination);
    }
    // Without the scenario nothing can be scored: every attempt is counted as skipped.
    const auto none = store::attemptResponses(
        db, {}, [](const std::string&) -> const LibraryEntry* { return nullptr; });
    CHECK(none.attempts.empty());
    CHECK(none.skipped == 6);
}

TEST_CASE("report items: the CLI writes the item analysis per mode as CSV and JSON") {
    const test::TempDir dir;
    const auto l = test::load(test::kScoring + "rules.json");
    std::vector<AttemptResponses> expected;
    {
        store::ResultsStore db(dir.file("results.db"));
        expected = fillStore(db, l);
    }
    const std::string base = "report --db " + test::shellQuoted(dir.file("results.db")) +
                             " --scenarios " + test::shellQuoted(test::kScoring);

    auto r = test::runCli(base + " --format items-json --mode exam");
    REQUIRE(r.exitCode == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["scope"]["mode"] == "exam");
    REQUIRE(j["modes"].size() == 1);
    CHECK(j["modes"][0]["mode"] == "exam");
    CHECK(j["modes"][0]["attempts"] == 4);
    const auto inMemory = analyseItems(ofMode(expected, AttemptMode::Exam));
    REQUIRE(j["modes"][0]["items"].size() == inMemory.size());
    for (std::size_t i = 0; i < inMemory.size(); ++i) {
        const auto& item = j["modes"][0]["items"][i];
        CHECK(item["decision"] == inMemory[i].node);
        if (inMemory[i].difficulty)
            CHECK(item["difficulty"].get<double>() == doctest::Approx(*inMemory[i].difficulty));
        else
            CHECK(item["difficulty"].is_null());
    }
    // Four exam attempts: every reliability figure is there but flagged as not trustworthy.
    for (const auto& rel : j["modes"][0]["reliability"])
        CHECK(rel["alpha"]["trustworthy"] == false);
    CHECK(r.out.find("nan") == std::string::npos);

    // --mode all (the default): practice and exam side by side, never mixed.
    r = test::runCli(base + " --format items-json");
    REQUIRE(r.exitCode == 0);
    const auto both = nlohmann::json::parse(r.out);
    REQUIRE(both["modes"].size() == 2);
    CHECK(both["modes"][0]["mode"] == "practice");
    CHECK(both["modes"][0]["attempts"] == 2);
    CHECK(both["modes"][1]["attempts"] == 4);
    CHECK(both["modes"][0]["testRetest"].empty());

    // CSV: BOM, header, CRLF, one row per mode, decision and reply shown.
    r = test::runCli(base + " --format items -o " + test::shellQuoted(dir.file("items.csv")));
    REQUIRE(r.exitCode == 0);
    const std::string csv = test::readText(dir.file("items.csv"));
    CHECK(csv.rfind("\xEF\xBB\xBFmode,scenario_id,decision,responses,", 0) == 0);
    CHECK(csv.find("\r\nexam,scoring-rules,open,4,") != std::string::npos);
    CHECK(csv.find("\r\npractice,scoring-rules,open,2,") != std::string::npos);
    std::size_t rows = 0;
    for (std::size_t p = 0; (p = csv.find("\r\n", p)) != std::string::npos; ++p) ++rows;
    CHECK(rows == 1 + 2 * 3 * 2);  // header + (2 modes × 3 decisions × 2 replies)

    // Bad input: a clear usage error, nothing written.
    r = test::runCli(base + " --format items --mode tuesday");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--mode expects practice, exam or all") != std::string::npos);
    // No scenarios to score with: attempts are left out and the count is said.
    r = test::runCli("report --db " + test::shellQuoted(dir.file("results.db")) + " --scenarios " +
                     test::shellQuoted(dir.file("none")) + " --format items");
    CHECK(r.exitCode == 0);
    CHECK(r.err.find("6 finished attempts left out") != std::string::npos);
}

TEST_CASE("report: --mode filters the attempts of every export") {
    const test::TempDir dir;
    const auto l = test::load(test::kScoring + "rules.json");
    {
        store::ResultsStore db(dir.file("results.db"));
        fillStore(db, l);
        store::AttemptFilter practice;
        practice.mode = AttemptMode::Practice;
        CHECK(db.attempts(practice).size() == 2);
        for (const auto& c : db.competencyTable(practice))
            CHECK((c.trainee == "Ann" || c.trainee == "Eve"));
        CHECK(db.competencyTable(practice).size() ==
              buildCompetencyTable(db.attempts(practice)).size());
    }
    const auto r = test::runCli("report --db " + test::shellQuoted(dir.file("results.db")) +
                                " --format json --mode practice");
    REQUIRE(r.exitCode == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["scope"]["mode"] == "practice");
    REQUIRE(j["attempts"].size() == 2);
    for (const auto& a : j["attempts"]) CHECK(a["mode"] == "practice");
}
