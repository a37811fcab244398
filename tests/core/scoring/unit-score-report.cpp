// The score report: its JSON keys, re-scoring from JSON, comparing two reports, properties over
// seeded random play-throughs of every bundled scenario, the scoring-invalid corpus, and the
// CLI's play --json / score round trip.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/checks/evidence_check.hpp"
#include "core/checks/scenario_validator.hpp"
#include "core/checks/scoring_state_check.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/framework/framework_loader.hpp"
#include "core/play/play_document.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/scoring/scoring.hpp"
#include "support/build_paths.hpp"
#include "support/fixture_corpus.hpp"
#include "support/run_command.hpp"
#include "support/scoring_fixtures.hpp"

using namespace rapport;
using rapport::test::kScoring;
using rapport::test::load;
using rapport::test::Loaded;
using rapport::test::play;

TEST_CASE("report JSON carries the issue's keys; re-scoring gives the identical report") {
    const Loaded l = load(kScoring + "rules.json");
    const Transcript t = play(l.scenario, "1,2,2");
    const auto j = reportToJson(scoreTranscript(l.scenario, l.framework, t));
    CHECK(j["format"] == "rapport-report/1");
    CHECK(j["overall"]["score"] == 20.0);
    CHECK(j["overall"]["passed"] == false);
    CHECK(j["overall"]["bestPath"] == "2,1,2");
    CHECK(j["scenario"]["contentHash"] == l.scenario.contentHash);
    CHECK(j["framework"]["id"] == "scoring-test");
    CHECK(j["framework"]["version"] == "1.0.0");
    REQUIRE(j["competencies"].size() == 4);
    for (const char* key : {"id", "name", "score", "earned", "available", "level", "assessed",
                            "opportunities", "confidence", "evidence"})
        CHECK(j["competencies"][0].contains(key));
    for (const char* key : {"step", "line", "indicator", "points"})
        CHECK(j["competencies"][0]["evidence"][0].contains(key));
    CHECK(j.contains("strengths"));
    CHECK(j.contains("developmentAreas"));
    const Transcript back = transcriptFromJson(transcriptToJson(t));
    CHECK(reportToJson(scoreTranscript(l.scenario, l.framework, back)).dump() == j.dump());
    CHECK(compareReports(j, j).empty());
}

TEST_CASE("compareReports says what changed in plain words") {
    nlohmann::json before = {
        {"framework", {{"id", "account-manager"}, {"version", "1.0.0"}}},
        {"overall", {{"score", 62.5}, {"passed", false}, {"bestPath", "1,2"}}},
        {"competencies",
         {{{"id", "a"}, {"name", "Alpha"}, {"score", 50.0}, {"level", "Developing"}},
          {{"id", "gone"}, {"name", "Gone"}, {"score", nullptr}, {"level", nullptr}}}}};
    nlohmann::json after = {
        {"framework", {{"id", "account-manager"}, {"version", "1.1.0"}}},
        {"overall", {{"score", 75.0}, {"passed", true}, {"bestPath", "1,2"}}},
        {"competencies",
         {{{"id", "a"}, {"name", "Alpha"}, {"score", 72.0}, {"level", "Proficient"}},
          {{"id", "new"}, {"name", "New"}, {"score", nullptr}, {"level", nullptr}}}}};
    CHECK(compareReports(before, after) ==
          std::vector<std::string>{"framework: account-manager 1.0.0 -> account-manager 1.1.0",
                                   "scenario score: 62.5 -> 75.0", "passed: no -> yes",
                                   "Alpha: score 50.0 -> 72.0, level Developing -> Proficient",
                                   "New: new in this framework (not assessed)",
                                   "Gone: no longer in the framework"});
    CHECK(compareReports(nlohmann::json(), after).size() >= 3);
}

TEST_CASE("compareReports names competencies and levels in the reader's language") {
    // The stored reports carry the framework's own (English) words; a Russian reader of the
    // changes gets the framework's Russian names, looked up by id.
    const FrameworkLoadResult fr = loadFrameworkFile(std::string(RAPPORT_SOURCE_DIR) +
                                                     "/assets/competencies/account-manager.json");
    REQUIRE(fr.framework);
    const Framework& f = *fr.framework;
    const int nd = *f.findCompetency("needs_discovery");
    auto report = [](const char* level, const char* levelId, double score) {
        return nlohmann::json{
            {"framework", {{"id", "account-manager"}, {"version", "1.0.0"}}},
            {"overall", {{"score", 60.0}, {"passed", false}, {"bestPath", "1"}}},
            {"competencies",
             {{{"id", "needs_discovery"},
               {"name", "Needs discovery"},
               {"score", score},
               {"level", level},
               {"levelId", levelId}},
              {{"id", "unknown_here"}, {"name", "Stored name"}, {"score", 10.0}}}}};
    };
    const auto before = report("Developing", "developing", 55.0);
    auto after = report("Proficient", "proficient", 72.0);
    after["competencies"][1]["score"] = 20.0;
    const auto lines = compareReports(before, after, "ru", &f);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind(f.competencyName(nd, "ru") + ":", 0) == 0);
    CHECK(lines[0].find(f.levelName(1, "ru")) != std::string::npos);
    CHECK(lines[0].find(f.levelName(2, "ru")) != std::string::npos);
    CHECK(lines[0].find("Needs discovery") == std::string::npos);
    CHECK(lines[0].find("Proficient") == std::string::npos);
    // An id the framework lacks keeps what the report stored.
    CHECK(lines[1].rfind("Stored name:", 0) == 0);
    // Without a framework, the stored words, as before.
    CHECK(compareReports(before, after, "en")[0].rfind("Needs discovery:", 0) == 0);
}

// Properties over every bundled scenario: seeded random play-throughs (with timeouts taken now
// and then) score within [0, 100], re-score identically after a JSON round trip, and the
// reported best path scores exactly 100.
TEST_CASE("properties over seeded random play-throughs of every bundled scenario") {
    const std::filesystem::path dir = std::filesystem::path(RAPPORT_SOURCE_DIR) / "scenarios";
    int scenarios = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        CAPTURE(entry.path().string());
        LoadResult lr = loadScenarioFile(entry.path().string());
        REQUIRE(lr.scenario);
        if (lr.diagnostics.hasErrors())
            continue;  // the validator tests report broken bundled scenarios
        DiagnosticList diags;
        auto f = checkScenarioScoring(*lr.scenario, diags);
        for (const auto& d : diags.items()) INFO(formatDiagnostic(d));
        REQUIRE(f);
        REQUIRE_FALSE(diags.hasErrors());
        const Scenario& s = *lr.scenario;
        ++scenarios;
        const OptimumOutcome opt = computeOptimum(s, *f);
        REQUIRE(opt.problem == OptimumOutcome::Problem::None);

        const ScoreReport best =
            scoreTranscript(s, *f, play(s, opt.optimum->bestPath), &*opt.optimum);
        CHECK(best.score == 100.0);
        CHECK(best.earned == opt.optimum->best);

        std::mt19937_64 rng(20261126);
        for (int run = 0; run < 200; ++run) {
            CAPTURE(run);
            ManualClock clock;
            Session session(s, clock, rng());
            for (int steps = 0; !session.finished() && steps < 500; ++steps) {
                const auto& shown = session.choices();
                const bool timeout = session.node().isTimed() && (shown.empty() || rng() % 5 == 0);
                if (timeout) {
                    clock.advance(session.timeLeftMs());
                    session.timeout();
                    continue;
                }
                REQUIRE_FALSE(shown.empty());
                clock.advance(1000);
                const int pos = int(rng() % shown.size());
                if (!session.choose(pos)) break;  // a failing `set`: stop and score what there is
            }
            const ScoreReport r = scoreTranscript(s, *f, session.transcript(), &*opt.optimum);
            CHECK(r.score >= 0.0);
            CHECK(r.score <= 100.0);
            CHECK(r.earned <= r.best);
            for (const auto& c : r.competencies) {
                if (!c.assessed) continue;
                CHECK(c.opportunities > 0);
                // A competency with too little evidence has no score (docs/scoring.md 6); reading
                // one anyway read an empty optional, which passed or failed by chance.
                CHECK(c.score.has_value() == c.rated);
                if (!c.rated) continue;
                CHECK(*c.score >= 0.0);
                CHECK(*c.score <= 100.0);
            }
            // Re-scoring from the saved JSON is identical; the first runs also recompute the best
            // path from scratch (the search takes seconds on a large scenario, so not every run).
            const Transcript back = transcriptFromJson(transcriptToJson(session.transcript()));
            const ScenarioOptimum* reuse = run < 2 ? nullptr : &*opt.optimum;
            CHECK(reportToJson(scoreTranscript(s, *f, back, reuse)).dump() ==
                  reportToJson(r).dump());
        }
    }
    CHECK(scenarios >= 1);
}

// Scenario files with scoring problems, each beside the exact diagnostics `rapport validate`
// prints for it (NAME.json + NAME.expected). RAPPORT_UPDATE_GOLDEN=1 rewrites the .expected files
// (support/golden.hpp).
TEST_CASE("every scenario in tests/fixtures/scoring-invalid gives its expected diagnostics") {
    namespace fs = std::filesystem;
    const fs::path base = RAPPORT_FIXTURES_DIR;
    int files = 0;
    for (const auto& file : test::filesIn(base / "scoring-invalid", ".json")) {
        ++files;
        CAPTURE(file.filename().string());
        const std::string out = test::checkOutput(file, base);
        test::checkGolden(test::expectedFileFor(file), out);
    }
    CHECK(files >= 6);
}

namespace {

using CliRun = test::CommandResult;

CliRun rapportCli(const std::string& args) { return test::runCli(args); }

}  // namespace

TEST_CASE(
    "rapport play --json carries the report; rapport score re-scores it and says what changed") {
    const std::string dir = "/tmp/rapport-score-cli-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string hub = kScoring + "hub.json";
    CliRun play = rapportCli("play '" + hub + "' --choices 1,2,2 --json");
    REQUIRE(play.exitCode == 0);
    const auto doc = nlohmann::json::parse(play.out);
    CHECK(doc["report"]["overall"]["score"] == 66.7);
    CHECK(doc["report"]["overall"]["bestPath"] == "1,1,1,1");
    std::ofstream(dir + "/attempt.json") << play.out;

    CliRun same = rapportCli("score '" + dir + "/attempt.json' --scenario '" + hub + "'");
    CHECK(same.exitCode == 0);
    CHECK(same.out.find("NOT PASSED") == std::string::npos);
    CHECK(same.out.find("No change against the stored report.") != std::string::npos);

    // A revised framework: summarising is now worth 2, so the same replies score higher.
    std::string framework = test::readText(kScoring + "scoring-test.json");
    auto replace = [&](const std::string& from, const std::string& to) {
        const auto at = framework.find(from);
        REQUIRE(at != std::string::npos);
        framework.replace(at, from.size(), to);
    };
    replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"");
    replace("\"discovery.summarises\", \"polarity\": \"positive\", \"points\": 1",
            "\"discovery.summarises\", \"polarity\": \"positive\", \"points\": 2");
    std::ofstream(dir + "/scoring-test.json") << framework;
    CliRun changed = rapportCli("score '" + dir + "/attempt.json' --scenario '" + hub +
                                "' --framework '" + dir + "/scoring-test.json' --json");
    CHECK(changed.exitCode == 0);
    const auto j = nlohmann::json::parse(changed.out);
    // Best 4 + 4 + 4 + 2 = 14, worst 0 (pitch, then done); earned 4 + 4 + 2 = 10 -> 71.4.
    // Discovery 2 + 2 + 0 of 6 -> 66.7.
    CHECK(j["changes"] == nlohmann::json{"framework: scoring-test 1.0.0 -> scoring-test 1.1.0",
                                         "scenario score: 66.7 -> 71.4",
                                         "Discovery: score 50.0 -> 66.7"});

    CliRun missing = rapportCli("score '" + dir + "/attempt.json'");
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.find("scenario \"scoring-hub\" not found") != std::string::npos);
    CliRun usage = rapportCli("score");
    CHECK(usage.exitCode == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a shuffled attempt re-scores exactly from its seed, and one made before shuffling") {
    const Loaded l = load(kScoring + "hub.json");
    // `rapport play … --seed 7 --json` before replies were shuffled: authored order, seed 7.
    const PlayDocumentRead read = readPlayDocumentFile(std::string(RAPPORT_FIXTURES_DIR) +
                                                       "/store/scoring-hub-seed7-v3.play");
    REQUIRE(read.document);
    const Transcript& old = read.document->transcript;
    CHECK(old.seed == 7);
    CHECK(old.replyOrder == ReplyOrder::Authored);
    const double stored = read.document->json.at("report").at("overall").at("score").get<double>();
    CHECK(stored == 50.0);
    CHECK(scoreTranscript(l.scenario, l.framework, old).score == stored);
    // Read as seeded, its record no longer fits what seed 7 shows: the marker is what keeps it.
    Transcript misread = old;
    misread.replyOrder = ReplyOrder::Seeded;
    CHECK_THROWS_AS(scoreTranscript(l.scenario, l.framework, misread), ScoringError);

    // The same replies taken now under seed 7 are shown elsewhere, and score the same.
    ManualClock clock;
    Session s(l.scenario, clock, 7);
    for (const TranscriptStep& step : old.steps) {
        const auto& shown = s.choices();
        int position = -1;
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (s.node().choices[std::size_t(shown[i])].id == step.choice) position = int(i);
        REQUIRE(position >= 0);
        clock.advance(kScriptedAnswerMs);
        REQUIRE(s.choose(position));
    }
    const Transcript now = s.transcript();
    bool moved = false;
    for (std::size_t i = 0; i < now.steps.size(); ++i)
        moved = moved || now.steps[i].choicesShown != old.steps[i].choicesShown;
    CHECK(moved);
    const Transcript reread = transcriptFromJson(transcriptToJson(now));
    CHECK(reread.replyOrder == ReplyOrder::Seeded);
    CHECK(scoreTranscript(l.scenario, l.framework, reread).score == stored);
    CHECK(reportToJson(scoreTranscript(l.scenario, l.framework, reread)) ==
          reportToJson(scoreTranscript(l.scenario, l.framework, now)));
}
