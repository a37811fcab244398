// Scenario analysis (rapport analyze): exact figures of purpose-made fixtures worked out by hand,
// random play checked play by play against scoreTranscript, and the CLI's forms and exit codes.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "core/analysis/analysis_report.hpp"
#include "core/analysis/random_play.hpp"
#include "core/analysis/scenario_analysis.hpp"
#include "core/analysis/testwise_players.hpp"
#include "core/framework/framework_loader.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/scoring/scoring.hpp"
#include "core/state/state_space.hpp"
#include "core/translation/interface_language.hpp"
#include "support/analysis_fixture.hpp"
#include "support/build_paths.hpp"
#include "support/run_command.hpp"

using namespace rapport;

namespace {

const std::string& kAnalysis = test::kAnalysisFixtures;
using Loaded = test::LoadedScenario;

Loaded loadFixture(const std::string& name) { return test::loadAnalysisFixture(name); }

const CompetencyAnalysis& competency(const ScenarioAnalysis& a, const std::string& id) {
    for (const auto& c : a.competencies)
        if (c.id == id) return c;
    FAIL("competency " << id << " not in the analysis");
    throw 0;
}

std::vector<std::string> kinds(const ScenarioAnalysis& a) {
    std::vector<std::string> out;
    for (const auto& w : a.warnings) out.push_back(w.kind);
    return out;
}

using Run = test::CommandResult;

Run cli(const std::string& args) { return test::runCli(args); }

}  // namespace

// tests/fixtures/analysis/paths.json, framework analysis-test (discovery weight 2, others 1;
// asks +2, offer +2, pushy -1, calm +1, warm +1, timeout freezes -1; rule: an offer before any
// question costs pitches_early -2). Replies, weighted:
//   open (timed): ask +4 -> needs | offer +2 (-4 if no question yet) -> price | chat 0 -> needs | t
//   -1 -> cold needs: summary (asks, warm) +5 -> price | pushy -1 -> lost price: offer2 +2 -> won |
//   cave 0 -> partial cold:  recover +1 -> needs | hang 0 -> lost
TEST_CASE("analysis of a hand-worked fixture: counts, reachability, shortest ways, extremes") {
    const Loaded l = loadFixture("paths.json");
    const ScenarioAnalysis a = analyzeScenario(l.scenario, l.framework);
    CHECK(a.problem.empty());
    CHECK(a.nodes == 8);
    CHECK(a.choices == 9);
    CHECK(a.endings == 4);
    CHECK(a.timedNodes == 1);
    CHECK(a.unreachableNodes == std::vector<std::string>{"escalated"});

    // Shortest ways, breadth-first with replies in display order: price is first reached by
    // "offer".
    REQUIRE(a.endingPaths.size() == 4);
    CHECK(a.endingPaths[0].node == "won");
    CHECK(a.endingPaths[0].shortest.choices == "2,1");
    CHECK(a.endingPaths[0].shortest.value == 0);  // offer 2 - violation 4 + offer2 2
    CHECK(a.endingPaths[1].shortest.choices == "2,2");
    CHECK(a.endingPaths[2].node == "lost");
    CHECK(a.endingPaths[2].shortest.choices == "1,2");
    CHECK(a.endingPaths[2].shortest.score == 38.5);  // (4 - 1 - worst) / (best - worst) = 5 / 13
    CHECK_FALSE(a.endingPaths[3].reachable);
    CHECK_FALSE(a.endingPaths[3].shortest.found);

    // Best: ask 4 + summary 5 + offer2 2 = 11. Worst: offer then cave, 2 - 4 = -2.
    CHECK(a.best.choices == "1,1,1");
    CHECK(a.best.value == 11);
    CHECK(a.best.score == 100.0);
    CHECK(a.best.passed);
    CHECK(a.worst.choices == "2,2");
    CHECK(a.worst.value == -2);
    CHECK(a.worst.score == 0.0);
    CHECK_FALSE(a.worst.passed);
    // Exact outcome extremes: won is reached by ask, summary, offer2 (11) or chat, summary,
    // offer2 (7) or offer, offer2 (0) or t, recover, summary, offer2 (7); lost by ask, pushy (3),
    // chat, pushy (-1), t, hang (-1) or t, recover, pushy (-1).
    CHECK(a.lowestWon.choices == "2,1");
    CHECK(a.lowestWon.value == 0);
    CHECK_FALSE(a.lowestWon.passed);
    CHECK(a.highestLost.choices == "1,2");
    CHECK(a.highestLost.value == 3);
    CHECK_FALSE(a.highestLost.passed);
    // Poor: the reply worth least now: offer (-2 with its violation), then cave (0).
    CHECK(a.poor.choices == "2,2");
    CHECK_FALSE(a.poor.passed);

    // Per competency, unweighted points over complete paths.
    const auto& d = competency(a, "discovery");
    CHECK(d.primary);
    CHECK(d.decisionPoints == 2);
    CHECK(d.max.value == 4);
    CHECK(d.max.choices == "1,1,1");
    CHECK(d.min.value == -2);  // the early offer's violation
    CHECK(d.min.choices == "2,1");
    const auto& p = competency(a, "pitch");
    CHECK(p.decisionPoints == 3);
    CHECK(p.max.value == 4);
    CHECK(p.max.choices == "2,1");
    CHECK(p.min.value == -1);
    const auto& c = competency(a, "conduct");
    CHECK(c.decisionPoints == 2);  // the timer at open, recover at cold
    CHECK(c.max.value == 0);
    CHECK(c.min.value == -1);
    CHECK(c.min.choices == "t,2");
    const auto& r = competency(a, "rapport");
    CHECK_FALSE(r.primary);
    CHECK(r.earningReplies == 1);
    CHECK(r.max.value == 1);
    CHECK(r.max.competencyScore == 100.0);

    // Dominated replies, one per node here.
    REQUIRE(a.dominated.size() == 4);
    CHECK(a.dominated[0].node == "open");
    CHECK(a.dominated[0].choice == "chat");
    CHECK(a.dominated[0].by == "ask");
    CHECK(a.dominated[0].sameNext);
    CHECK(a.dominated[1].choice == "pushy");
    CHECK(a.dominated[1].by == "summary");
    CHECK_FALSE(a.dominated[1].sameNext);
    CHECK(a.dominated[2].choice == "cave");
    CHECK(a.dominated[3].choice == "hang");
}

// Random play on paths.json passes with probability 5/32 = 15.6 %: ask, summary, offer2 (1/16);
// chat, summary, offer2 (1/16: 9 of 13 above the worst = 69.2, both primaries at 50); t, recover,
// summary, offer2 (1/32). On the range scale (best 11, worst -2) the scores below the median are
// 0.0 (offer, cave: 1/8) and 7.7 (earned -1: 5/16), so the lower quartile is 7.7; 15.4 (offer,
// offer2: 1/8) brings the cumulative share to 0.5625, so it is the median; the upper quartile is
// 53.8 (earned 5; cumulative 0.6875 below it, 0.78125 with it).
TEST_CASE("random play: the distribution matches the hand-computed probabilities; warnings fire") {
    const Loaded l = loadFixture("paths.json");
    const ScenarioAnalysis a = analyzeScenario(l.scenario, l.framework);
    REQUIRE(a.random);
    CHECK(a.random->samples == 10000);
    CHECK(a.random->seed == 1);
    CHECK(a.random->median == 15.4);
    CHECK(a.random->lowerQuartile == 7.7);
    CHECK(a.random->upperQuartile == 53.8);
    CHECK(a.random->max == 100.0);
    CHECK(a.random->passRate > 0.14);
    CHECK(a.random->passRate < 0.17);
    CHECK(a.random->unfinished == 0);
    CHECK(a.random->outcomes[std::size_t(Outcome::Escalated)] == 0);
    // Same seed, same figures; another seed, other samples.
    const ScenarioAnalysis again = analyzeScenario(l.scenario, l.framework);
    CHECK(again.random->passed == a.random->passed);
    AnalysisOptions other;
    other.seed = 2;
    CHECK(analyzeScenario(l.scenario, l.framework, other).random->passed != a.random->passed);

    // Twelve of the fourteen test-wise players reach the pass mark's neighbourhood on so small a
    // scenario, and its shortest way to "won" fails (tests/core/analysis/unit-testwise.cpp).
    auto k = kinds(a);
    REQUIRE(k.size() == 19);
    CHECK(std::vector<std::string>(k.begin(), k.begin() + 5) ==
          std::vector<std::string>{"unreachable", "few-opportunities", "single-reply",
                                   "single-reply", "random-pass-rate"});
    CHECK(std::count(k.begin(), k.end(), "testwise-near-pass") == 12);
    CHECK(std::vector<std::string>(k.end() - 2, k.end()) ==
          std::vector<std::string>{"won-failing", "longest-best"});
}

TEST_CASE("the analysis's warnings and path names read in the interface language") {
    // The author workspace shows them as they are, so they are built in the reader's language;
    // the kinds stay the machine keys.
    const Loaded l = loadFixture("paths.json");
    AnalysisOptions o;
    o.samples = 200;
    const ScenarioAnalysis en = analyzeScenario(l.scenario, l.framework, o);
    setInterfaceLanguage("ru");
    const ScenarioAnalysis ru = analyzeScenario(l.scenario, l.framework, o);
    setInterfaceLanguage("en");
    REQUIRE(kinds(ru) == kinds(en));
    auto cyrillic = [](const std::string& s) {
        return s.find("\xD0") != std::string::npos || s.find("\xD1") != std::string::npos;
    };
    for (std::size_t i = 0; i < ru.warnings.size(); ++i) {
        CAPTURE(ru.warnings[i].message);
        CHECK(ru.warnings[i].message != en.warnings[i].message);
        CHECK(cyrillic(ru.warnings[i].message));
        CHECK_FALSE(cyrillic(en.warnings[i].message));
    }
    // The text report around them too (rapport analyze), its columns lined up in each script.
    setInterfaceLanguage("ru");
    const std::string text = analysisText(ru);
    setInterfaceLanguage("ja");
    const std::string textJa = analysisText(ru);
    setInterfaceLanguage("en");
    CHECK(text.find("Достижимость: 1 узел недостижим: escalated") != std::string::npos);
    CHECK(text.find("Предупреждения (19):") != std::string::npos);
    CHECK(text.find("Reachability") == std::string::npos);
    CHECK(textJa.find("到達可能性") != std::string::npos);
    CHECK(analysisText(en).find("Reachability: 1 node cannot be reached: escalated") !=
          std::string::npos);
    REQUIRE_FALSE(ru.outcomeMismatches.empty());
    CHECK(ru.outcomeMismatches[0].kind == "won-failing");
    CHECK(cyrillic(ru.outcomeMismatches[0].source));
    CHECK(testwiseRuleText("the longest reply") == "the longest reply");
    setInterfaceLanguage("ja");
    CHECK(testwiseRuleText("the longest reply") != "the longest reply");
    setInterfaceLanguage("en");
}

// clean.json: five decisions of good (+6 weighted), vague (0) and pushy (-3); best 30, worst -15.
// Its pass mark of 80 needs 80 % of the range, an earned 21: five good replies, or four and one
// other: 1 + 5 + 5 = 11 of 3^5 = 243 (4.5 %). Guessing fails, but the good reply is always first,
// longest and the only question, so test-wise play passes; and every path ends "won", so the
// worst one is won with a failing score.
TEST_CASE("a scenario that discriminates against guessing warns of test-wise play only") {
    const Loaded l = loadFixture("clean.json");
    const ScenarioAnalysis a = analyzeScenario(l.scenario, l.framework);
    const auto k = kinds(a);
    CHECK(std::count(k.begin(), k.end(), "testwise-near-pass") == 9);
    CHECK(std::vector<std::string>(k.end() - 3, k.end()) ==
          std::vector<std::string>{"won-failing", "longest-best", "acknowledgement-best"});
    CHECK(k.size() == 12);
    CHECK(a.best.choices == "1,1,1,1,1");
    CHECK(a.best.value == 30);
    CHECK(a.poor.choices == "3,3,3,3,3");
    CHECK(a.poor.value == -15);
    REQUIRE(a.random);
    CHECK(a.random->passRate > 0.035);
    CHECK(a.random->passRate < 0.055);
    CHECK(a.random->median < 70.0);
    CHECK(a.dominated.size() == 10);
}

TEST_CASE("over the state bound the exact parts are missing and the analysis says so") {
    const Loaded l = loadFixture("paths.json");
    AnalysisOptions o;
    o.maxStates = 3;
    const ScenarioAnalysis a = analyzeScenario(l.scenario, l.framework, o);
    CHECK(a.problem.find("more than 3 distinct states") != std::string::npos);
    CHECK_FALSE(a.best.found);
    CHECK_FALSE(a.random);
    CHECK(kinds(a).front() == "not-exact");
    CHECK(a.nodes == 8);  // the structure is still counted
}

// The random player scores by walking the state graph; scoreTranscript replays a Session. Every
// play must get the same score, pass and points from both, for the fixtures, a scoring fixture
// with rules and the first two bundled scenarios (the gate analyses every one of them; the two
// searches per scenario here take about a second each, so not all of them).
TEST_CASE("random plays score exactly as scoreTranscript scores the same choices") {
    std::vector<std::pair<std::string, std::string>> files = {
        {kAnalysis + "paths.json", kAnalysis + "analysis-test.json"},
        {kAnalysis + "clean.json", kAnalysis + "analysis-test.json"},
        {std::string(RAPPORT_FIXTURES_DIR) + "/scoring/rules.json",
         std::string(RAPPORT_FIXTURES_DIR) + "/scoring/scoring-test.json"},
    };
    std::vector<std::filesystem::path> bundled;
    for (const auto& e : std::filesystem::directory_iterator(
             std::filesystem::path(RAPPORT_SOURCE_DIR) / "scenarios"))
        if (e.path().extension() == ".json") bundled.push_back(e.path());
    std::sort(bundled.begin(), bundled.end());
    for (std::size_t i = 0; i < bundled.size() && i < 2; ++i)
        files.push_back({bundled[i].string(), std::string(RAPPORT_SOURCE_DIR) +
                                                  "/assets/competencies/account-manager.json"});
    // And scenarios on typed deal state, whose authority and concession rules judge the figures
    // a step leaves (random play once left them out).
    for (const char* deal : {"key-account-renewal.json", "bank-card-complaint.json"})
        files.push_back(
            {std::string(RAPPORT_SOURCE_DIR) + "/scenarios/" + deal,
             std::string(RAPPORT_SOURCE_DIR) + "/assets/competencies/account-manager.json"});
    for (const auto& [scenarioPath, frameworkPath] : files) {
        CAPTURE(scenarioPath);
        LoadResult lr = loadScenarioFile(scenarioPath);
        REQUIRE(lr.scenario);
        if (lr.diagnostics.hasErrors()) continue;  // the gate reports broken bundled scenarios
        FrameworkLoadResult fr = loadFrameworkFile(frameworkPath);
        REQUIRE(fr.framework);
        const Scenario& s = *lr.scenario;
        const Framework& f = *fr.framework;
        const OptimumOutcome opt = computeOptimum(s, f);
        REQUIRE(opt.problem == OptimumOutcome::Problem::None);
        const StateGraph g = exploreStates(s);
        const RandomPlayer player(s, f, g, opt.optimum->best, opt.optimum->worst);
        std::mt19937_64 rng(7);
        for (int i = 0; i < 100; ++i) {
            const RandomPlay p = player.play(rng, true);
            CAPTURE(p.choices);
            std::string error;
            const auto script = parseChoiceScript(p.choices, error);
            REQUIRE(script);
            ManualClock clock;
            Session session(s, clock);
            const std::string problem = playScript(session, clock, *script);
            CHECK((problem.empty() == p.finished));
            const ScoreReport r = scoreTranscript(s, f, session.transcript(), &*opt.optimum);
            CHECK(r.score == p.score);
            CHECK(r.passed == p.passed);
            CHECK(r.earned == p.earned);
        }
        // The analysis finds the same best total as the scorer's own search.
        AnalysisOptions o;
        o.samples = 0;
        const ScenarioAnalysis a = analyzeScenario(s, f, o);
        CHECK(a.best.value == opt.optimum->best);
        CHECK(a.best.score == 100.0);
    }
}

TEST_CASE("analysis JSON: stable keys and the paths as --choices lists") {
    const Loaded l = loadFixture("paths.json");
    AnalysisOptions o;
    o.samples = 1000;
    const nlohmann::json j = analysisToJson(analyzeScenario(l.scenario, l.framework, o));
    CHECK(j["format"] == "rapport-analysis/1");
    CHECK(j["scenario"]["id"] == "analysis-paths");
    CHECK(j["structure"]["nodes"] == 8);
    CHECK(j["exact"]["best"]["choices"] == "1,1,1");
    CHECK(j["exact"]["endings"][3]["shortest"].is_null());
    CHECK(j["exact"]["competencies"][0]["id"] == "discovery");
    CHECK(j["random"]["samples"] == 1000);
    CHECK(j["random"]["rule"].get<std::string>().find("timer") != std::string::npos);
    CHECK(j["warnings"].size() == 19);
    CHECK(j["testwise"]["seeds"].size() == 8);
    CHECK(j["testwise"]["players"][0]["name"] == "longest");
    CHECK(j["testwise"]["players"][0]["plays"].size() == 8);
    CHECK(j["testwise"]["players"][0]["plays"][0]["choices"] == "1,1,1");
    CHECK(j["cues"]["bestLongest"] == 3);
    CHECK(j["outcomeMismatches"][0]["kind"] == "won-failing");
    CHECK(j["outcomeMismatches"][0]["choices"] == "2,1");
    // Same inputs, same bytes.
    CHECK(analysisToJson(analyzeScenario(l.scenario, l.framework, o)).dump() == j.dump());
}

TEST_CASE("rapport analyze: text, JSON, exit codes") {
    const std::string paths = kAnalysis + "paths.json", clean = kAnalysis + "clean.json",
                      cueless = kAnalysis + "cueless.json";
    Run r = cli("analyze " + cueless + " --samples 2000");
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("analysis-cueless \u2014 A scenario no surface cue passes\n", 0) == 0);
    CHECK(r.out.find("  best   7 steps, score 100.0, passed, ends won (won): 3,3,3,3,3,3,1\n") !=
          std::string::npos);
    CHECK(r.out.find("  longest                  highest 5.6 (seed 0, ends lost (lost)), passes "
                     "under 0 of 8 seeds: 2,1,2,2,2,2,1\n") != std::string::npos);
    CHECK(r.out.find("  best reply is the longest: 0 of 6 (0.0 %); among the two longest: 0 of "
                     "6\n") != std::string::npos);
    CHECK(r.out.find("Endings and scores agree on every path above and every random play\n") !=
          std::string::npos);
    CHECK(r.out.find("Random play (sampled: 2000 plays, seed 1;") != std::string::npos);
    CHECK(r.out.find("Warnings: none\n") != std::string::npos);

    // Warnings (here: guessing passes too often) exit 1; validator warnings go to stderr.
    r = cli("analyze " + paths + " --json --seed 3");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("[RAP0042]") != std::string::npos);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["random"]["seed"] == 3);
    CHECK(j["exact"]["worst"]["choices"] == "2,2");

    r = cli("analyze " + clean + " " + paths + " --json --samples 0");
    CHECK(r.exitCode == 1);
    CHECK(nlohmann::json::parse(r.out).size() == 2);

    r = cli("analyze");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "rapport analyze: no scenario file given\n(see 'rapport analyze --help')\n");
    r = cli("analyze " + clean + " --samples many");
    CHECK(r.exitCode == 2);
    r = cli("analyze " + clean + " --json --table");
    CHECK(r.exitCode == 2);
    r = cli("analyze /nonexistent/scenario.json");
    CHECK(r.exitCode == 2);
    r = cli("analyze " + std::string(RAPPORT_FIXTURES_DIR) + "/invalid/bad-initial.json");
    CHECK(r.exitCode == 1);
}
