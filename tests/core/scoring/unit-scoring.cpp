// Scoring rules: hand-computed reports for fixture scenarios. The arithmetic of each expected
// value is written beside it so a reader can check it against docs/scoring.md. The report's
// JSON, re-scoring and properties over the bundled library are in unit-score-report.cpp.
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
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/scoring/evidence_table.hpp"
#include "core/scoring/score_report.hpp"
#include "core/scoring/scoring.hpp"
#include "support/build_paths.hpp"
#include "support/scoring_fixtures.hpp"

using namespace rapport;
using rapport::test::kScoring;
using rapport::test::load;
using rapport::test::Loaded;
using rapport::test::play;

namespace {

const CompetencyScore& comp(const ScoreReport& r, const std::string& id) {
    for (const auto& c : r.competencies)
        if (c.id == id) return c;
    FAIL("no competency " << id);
    throw 0;
}

void checkComp(const ScoreReport& r, const std::string& id, double score, std::int64_t earned,
               std::int64_t available, int opportunities, const std::string& level) {
    CAPTURE(id);
    const CompetencyScore& c = comp(r, id);
    REQUIRE(c.assessed);
    CHECK(*c.score == doctest::Approx(score));
    CHECK(c.earned == earned);
    CHECK(c.available == available);
    CHECK(c.opportunities == opportunities);
    CHECK(c.levelName == level);
    CHECK(c.confidence == (opportunities < 3 ? "low" : "sufficient"));
}

void checkNotAssessed(const ScoreReport& r, const std::string& id) {
    CAPTURE(id);
    const CompetencyScore& c = comp(r, id);
    CHECK_FALSE(c.assessed);
    CHECK_FALSE(c.score);
    CHECK(c.level == -1);
    CHECK(c.evidence.empty());
    const auto j = reportToJson(r);
    for (const auto& jc : j["competencies"])
        if (jc["id"] == id) {
            CHECK(jc["score"].is_null());
            CHECK(jc["level"].is_null());
            CHECK(jc["assessed"] == false);
        }
}

}  // namespace

TEST_CASE("question hub with once-choices: both normalisations by hand") {
    const Loaded l = load(kScoring + "hub.json");
    // Weights: discovery 2, pitch 1. Best path: ask (2×2) + q1 (2×2) + q2 (1×2) + done (2×1) = 12,
    // and the order rule is satisfied because the first offer comes after a question.
    auto opt = computeOptimum(l.scenario, l.framework);
    REQUIRE(opt.problem == OptimumOutcome::Problem::None);
    CHECK(opt.optimum->best == 12);
    CHECK(opt.optimum->bestPath == "1,1,1,1");

    SUBCASE("ask, summarise, offer") {
        const ScoreReport r = scoreTranscript(l.scenario, l.framework, play(l.scenario, "1,2,2"));
        // Scenario: ask 4 + q2 2 + done 2 = 8, between the worst total 0 (pitch, then done) and
        // the best 12 -> 66.7; pass mark 60.
        CHECK(r.earned == 8);
        CHECK(r.best == 12);
        CHECK(r.worst == 0);  // pitch first (-2), then done at once (+2)
        CHECK(r.score == doctest::Approx(66.7));
        // Discovery, step 1: best shown 2 (ask), earned 2. Step 2 (q1, q2, done): best 2, earned 1.
        // Step 3 (q1, done): best 2, earned 0. The order rule triggers at step 3 (satisfied): one
        // more opportunity, no points. 3 of 6 = 50.0 -> Mid.
        checkComp(r, "discovery", 50.0, 3, 6, 4, "Mid");
        // Pitch: step 1 best 2 (pitch) earned 0; step 2 best 2 (done) earned 0; step 3 earned 2.
        checkComp(r, "pitch", 33.3, 2, 6, 3, "Low");
        checkNotAssessed(r, "objections");
        checkNotAssessed(r, "conduct");
        CHECK(r.passed);
        CHECK(r.reasons.empty());
        REQUIRE(r.rules.size() == 1);
        CHECK(r.rules[0].rule == "ask_before_offer");
        CHECK(r.rules[0].step == 3);
        CHECK_FALSE(r.rules[0].violated);
        const auto& ev = comp(r, "discovery").evidence;
        REQUIRE(ev.size() == 2);
        CHECK(ev[0].step == 1);
        CHECK(ev[0].indicator == "discovery.asks");
        CHECK(ev[0].points == 2);
        CHECK(ev[0].line == "What problem are you trying to solve?");
        CHECK(ev[1].step == 2);
        CHECK(ev[1].indicator == "discovery.summarises");
    }
    SUBCASE("pitch first, then leave the hub at once") {
        const ScoreReport r = scoreTranscript(l.scenario, l.framework, play(l.scenario, "2,3"));
        // Scenario: pitch 2 + order violation (-2×2 = -4) + done 2 = 0, the worst total -> 0.
        CHECK(r.earned == 0);
        CHECK(r.score == 0.0);
        // Discovery: step 1 best 2, earned 0; rule triggered and violated: -2; step 2 best 2,
        // earned 0. -2 of 4 clamps to 0.
        checkComp(r, "discovery", 0.0, -2, 4, 3, "Low");
        checkComp(r, "pitch", 100.0, 4, 4, 2, "Top");
        CHECK_FALSE(r.passed);
        CHECK(r.reasons ==
              std::vector<std::string>{"scenario score 0.0 is below the pass mark of 60",
                                       "Discovery (a primary competency of this scenario) is at "
                                       "Low; it must reach Mid or above"});
        REQUIRE(r.rules.size() == 1);
        CHECK(r.rules[0].violated);
        const auto& ev = comp(r, "discovery").evidence;
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].source == "rule");
        CHECK(ev[0].rule == "ask_before_offer");
        CHECK(ev[0].indicator == "discovery.pitches_early");
        CHECK(ev[0].step == 1);
        CHECK(ev[0].line == "Let me tell you about our offer.");
    }
    SUBCASE("the best path scores 100") {
        const ScoreReport r =
            scoreTranscript(l.scenario, l.framework, play(l.scenario, opt.optimum->bestPath));
        CHECK(r.score == 100.0);
        CHECK(r.bestPath == "1,1,1,1");
        checkComp(r, "discovery", 100.0, 5, 5, 4, "Top");
    }
}

TEST_CASE("order and response rules change the scores only when triggered") {
    const Loaded l = load(kScoring + "rules.json");
    // Best: ask (2×2) + ack (2×1) + ask2 (2×2) = 10.
    SUBCASE("pitch, answer without acknowledging, then ask") {
        const ScoreReport r = scoreTranscript(l.scenario, l.framework, play(l.scenario, "1,2,2"));
        CHECK(r.best == 10);
        CHECK(r.bestPath == "2,1,2");
        // pitch +2, pitches_early -2×2, answer +1, brushes_aside -1, ask2 +2×2 = 2; the worst
        // total is 0 (pitch, answer, offer) and the best 10 -> 20.0.
        CHECK(r.earned == 2);
        CHECK(r.worst == 0);
        CHECK(r.score == 20.0);
        // Discovery: step 1 available 2 earned 0; rule -2 (+1 opportunity); step 3 available 2
        // earned 2.
        checkComp(r, "discovery", 0.0, 0, 4, 3, "Low");
        // Objections: step 2 available 2 earned 1; response rule triggered (+1), violated -1.
        checkComp(r, "objections", 0.0, 0, 2, 2, "Low");
        // Pitch: step 1 earned 2 of 2; step 3 offer was shown (2), not taken.
        checkComp(r, "pitch", 50.0, 2, 4, 2, "Mid");
        REQUIRE(r.rules.size() == 2);
        CHECK(r.rules[0].rule == "ask_before_offer");
        CHECK(r.rules[0].violated);
        CHECK(r.rules[1].rule == "acknowledge_objection");
        CHECK(r.rules[1].step == 2);
        CHECK(r.rules[1].violated);
        CHECK_FALSE(r.passed);
    }
    SUBCASE("ask, acknowledge, offer: both rules satisfied") {
        const ScoreReport r = scoreTranscript(l.scenario, l.framework, play(l.scenario, "2,1,1"));
        // 4 + 2 + 2 = 8 between 0 and 10.
        CHECK(r.earned == 8);
        CHECK(r.score == 80.0);
        // Discovery: step 1 2/2, step 3 0/2, order rule triggered at step 3 (satisfied).
        checkComp(r, "discovery", 50.0, 2, 4, 3, "Mid");
        checkComp(r, "objections", 100.0, 2, 2, 2, "Top");
        checkComp(r, "pitch", 50.0, 2, 4, 2, "Mid");
        REQUIRE(r.rules.size() == 2);
        CHECK(r.rules[0].rule == "acknowledge_objection");
        CHECK_FALSE(r.rules[0].violated);
        CHECK(r.rules[1].rule == "ask_before_offer");
        CHECK(r.rules[1].step == 3);
        CHECK_FALSE(r.rules[1].violated);
        CHECK(r.passed);
    }
}

TEST_CASE("a timeout is evidence against composure; no other timing counts") {
    const Loaded l = load(kScoring + "timeout.json");
    SUBCASE("let the timer run out, then recover") {
        const ScoreReport r = scoreTranscript(l.scenario, l.framework, play(l.scenario, "t,1"));
        // Scenario: freezes -1 + recover +1 = 0 of the best 1 (answer calmly at once); the worst
        // total is 0 too (rush, or this path) -> 0.0.
        CHECK(r.best == 1);
        CHECK(r.bestPath == "1");
        CHECK(r.earned == 0);
        CHECK(r.worst == 0);
        CHECK(r.score == 0.0);
        // Conduct: step 1 options calm (+1), rush (0), timeout (-1): available 1, earned -1;
        // step 2 available 1, earned 1.
        checkComp(r, "conduct", 0.0, 0, 2, 2, "Low");
        const auto& ev = comp(r, "conduct").evidence;
        REQUIRE(ev.size() == 2);
        CHECK(ev[0].source == "timeout");
        CHECK(ev[0].indicator == "conduct.freezes");
        CHECK(ev[0].points == -1);
        CHECK(ev[0].line.empty());
        CHECK(r.outcome == "partial");
    }
    SUBCASE("answering slowly but in time costs nothing") {
        ManualClock clock;
        Session session(l.scenario, clock);
        clock.advance(9'999);
        REQUIRE(session.choose(0));
        const ScoreReport r = scoreTranscript(l.scenario, l.framework, session.transcript());
        CHECK(r.score == 100.0);
        checkComp(r, "conduct", 100.0, 1, 1, 1, "Top");
        CHECK(r.passed);
    }
}

TEST_CASE("a critical indicator fails the attempt and caps its competency at the lowest level") {
    const Loaded l = load(kScoring + "critical.json");
    const ScoreReport r = scoreTranscript(l.scenario, l.framework, play(l.scenario, "1,2,1"));
    // Scenario: ask 4 + (offer 2, overpromises overridden to -1) 1 + thank 1 = 6, which is also
    // the lowest total any path can reach (the only other path, honest, totals 7) -> 0.0.
    CHECK(r.best == 7);
    CHECK(r.worst == 6);
    CHECK(r.earned == 6);
    CHECK(r.score == 0.0);
    // Pitch: earned 1 of 2 = 50.0 would be Mid; the critical indicator caps it at Low.
    const CompetencyScore& pitch = comp(r, "pitch");
    CHECK(*pitch.score == 50.0);
    CHECK(pitch.critical);
    CHECK(pitch.levelName == "Low");
    REQUIRE(r.critical.size() == 1);
    CHECK(r.critical[0].indicator == "pitch.overpromises");
    CHECK(r.critical[0].step == 2);
    CHECK(r.critical[0].points == -1);
    CHECK(r.critical[0].note == "No product never fails.");
    CHECK_FALSE(r.passed);
    CHECK(r.reasons == std::vector<std::string>{
                           "scenario score 0.0 is below the pass mark of 70",
                           "critical error at step 2: promises what the product cannot do.",
                           "Pitch (a primary competency of this scenario) is at Low; it must "
                           "reach Mid or above"});
    REQUIRE_FALSE(r.developmentAreas.empty());
    CHECK(r.developmentAreas[0].competency == "pitch");
    CHECK(r.developmentAreas[0].text.find("critical") != std::string::npos);
    const auto j = reportToJson(r);
    CHECK(j["critical"].size() == 1);
    CHECK(j["overall"]["passed"] == false);
}

TEST_CASE("a transcript that does not fit the scenario is refused with the step") {
    const Loaded l = load(kScoring + "hub.json");
    Transcript t = play(l.scenario, "1,2,2");
    Transcript wrongChoice = t;
    wrongChoice.steps[1].choice = "q9";
    CHECK_THROWS_WITH_AS(scoreTranscript(l.scenario, l.framework, wrongChoice),
                         "transcript step 2: choice \"q9\" is not shown at node \"hub\"",
                         ScoringError);
    Transcript wrongNode = t;
    wrongNode.steps[0].node = "elsewhere";
    CHECK_THROWS_WITH_AS(scoreTranscript(l.scenario, l.framework, wrongNode),
                         "transcript step 1: made at node \"elsewhere\", but the scenario is at "
                         "node \"open\" there: "
                         "the transcript does not fit this version of the scenario",
                         ScoringError);
    Transcript shown = t;
    shown.steps[2].choicesShown = {"q1", "q2", "done"};
    CHECK_THROWS_AS(scoreTranscript(l.scenario, l.framework, shown), ScoringError);
    Transcript timeout = t;
    timeout.steps[0].timedOut = true;
    CHECK_THROWS_WITH_AS(
        scoreTranscript(l.scenario, l.framework, timeout),
        "transcript step 1: records a timeout at node \"open\", which has no time limit",
        ScoringError);
}

TEST_CASE("an unfinished transcript is scored as far as it goes and does not pass") {
    const Loaded l = load(kScoring + "hub.json");
    ManualClock clock;
    Session session(l.scenario, clock);
    REQUIRE(session.choose(0));
    const ScoreReport r = scoreTranscript(l.scenario, l.framework, session.transcript());
    CHECK_FALSE(r.finished);
    CHECK_FALSE(r.passed);
    CHECK(r.reasons.front() == "the conversation did not reach an ending");
    CHECK(reportToJson(r)["ending"].is_null());
}

TEST_CASE(
    "a loop that earns points is rejected by the validator side; the state bound is reported") {
    auto loaded = loadScenarioText(R"({
  "format": "rapport-scenario/1", "id": "loop", "version": "1", "title": "t", "language": "en",
  "summary": "s", "sector": "test", "difficulty": 1, "passScore": 70, "framework": "scoring-test",
  "client": {"name": "n", "role": "r", "company": "c", "description": "d"},
  "variables": {"n": {"type": "integer", "initial": 0}},
  "start": "a",
  "nodes": [
    {"id": "a", "speaker": "client", "text": "Hi", "variants": [{"if": "n > 2", "text": "Again?"}], "choices": [
      {"id": "again", "text": "Tell me more", "next": "a", "set": {"n": "n + 1"}},
      {"id": "ask", "text": "Why?", "next": "a", "evidence": [{"indicator": "discovery.asks"}]},
      {"id": "bye", "text": "Bye", "next": "b"}]},
    {"id": "b", "speaker": "client", "text": "Bye", "ending": {"outcome": "won", "title": "t", "summary": "s"}}
  ]
})",
                                   kScoring + "loop.json");
    REQUIRE(loaded.scenario);
    DiagnosticList diags;
    auto f = checkScenarioScoring(*loaded.scenario, diags);
    REQUIRE(f);
    // `n` grows without bound, so the state space is cut off at the bound first.
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == "RAP0053");
    CHECK(diags.items()[0].message.find("more than 200000 distinct states") != std::string::npos);

    loaded.scenario->nodes[0].choices[0].set.clear();  // now a finite loop through "ask"
    DiagnosticList loop;
    checkScoringStateSpace(*loaded.scenario, *f, loop);
    REQUIRE(loop.items().size() == 1);
    CHECK(formatDiagnostic(loop.items()[0]) == kScoring +
                                                   "loop.json:10:62: error: choice \"ask\" of node "
                                                   "\"a\" earns points inside a loop, so a trainee "
                                                   "could collect them again and again; make it "
                                                   "\"once\" or move its evidence out of the loop "
                                                   "[RAP0059] at /nodes/0/choices/1/evidence");

    // A loop that earns nothing is fine: the best path leaves it.
    loaded.scenario->nodes[0].choices[1].evidence.clear();
    loaded.scenario->nodes[0].choices[2].evidence.push_back({"discovery.asks", std::nullopt, ""});
    auto o = computeOptimum(*loaded.scenario, *f);
    REQUIRE(o.problem == OptimumOutcome::Problem::None);
    CHECK(o.optimum->best == 4);
    CHECK(o.optimum->bestPath == "3");
}

TEST_CASE("a level needs the framework's minimum of opportunities; below it, not rated") {
    const Loaded l = load(kScoring + "hub.json");
    const Transcript t = play(l.scenario, "1,2,2");  // discovery 4 opportunities, pitch 3
    SUBCASE("both rated at the default of 1") {
        CHECK(l.framework.minOpportunities == 1);
        const ScoreReport r = scoreTranscript(l.scenario, l.framework, t);
        CHECK(comp(r, "discovery").rated);
        CHECK(comp(r, "pitch").rated);
    }
    SUBCASE("four: pitch is assessed but not rated, and gets no remark") {
        Framework f = l.framework;
        f.minOpportunities = 4;
        const ScoreReport r = scoreTranscript(l.scenario, f, t);
        checkComp(r, "discovery", 50.0, 3, 6, 4, "Mid");
        const CompetencyScore& pitch = comp(r, "pitch");
        CHECK(pitch.assessed);
        CHECK_FALSE(pitch.rated);
        CHECK_FALSE(pitch.score);
        CHECK(pitch.level == -1);
        CHECK(pitch.levelName.empty());
        CHECK(pitch.opportunities == 3);
        CHECK(pitch.evidence.size() == 1);  // the evidence is still listed
        for (const auto& remark : r.developmentAreas) CHECK(remark.competency != "pitch");
        for (const auto& remark : r.strengths) CHECK(remark.competency != "pitch");
        CHECK(r.passed);  // pitch is not primary
        const auto j = reportToJson(r);
        for (const auto& jc : j["competencies"])
            if (jc["id"] == "pitch") {
                CHECK(jc["assessed"] == true);
                CHECK(jc["rated"] == false);
                CHECK(jc["score"].is_null());
                CHECK(jc["level"].is_null());
                CHECK(jc["anchor"].is_null());
            }
        CHECK(debriefText(r).find("Pitch") != std::string::npos);
        CHECK(debriefText(r).find("not rated \u2014 too little evidence (3 opportunities)") !=
              std::string::npos);
        // Read back from the store's JSON, it is still not rated.
        const ScoreReport back = reportFromJson(j);
        CHECK_FALSE(comp(back, "pitch").rated);
        CHECK(comp(back, "discovery").rated);
    }
    SUBCASE("five: the primary competency is not rated, so the attempt cannot pass") {
        Framework f = l.framework;
        f.minOpportunities = 5;
        const ScoreReport r = scoreTranscript(l.scenario, f, t);
        CHECK_FALSE(comp(r, "discovery").rated);
        CHECK_FALSE(r.passed);
        CHECK(r.reasons == std::vector<std::string>{
                               "Discovery (a primary competency of this scenario) is not rated: "
                               "too little evidence on this path (4 of the 5 opportunities a "
                               "level needs)"});
        CHECK(r.strengths.empty());
    }
    SUBCASE("a critical error is evidence enough for the lowest level") {
        const Loaded c = load(kScoring + "critical.json");
        Framework f = c.framework;
        f.minOpportunities = 5;
        const ScoreReport r = scoreTranscript(c.scenario, f, play(c.scenario, "1,2,1"));
        const CompetencyScore& pitch = comp(r, "pitch");
        CHECK(pitch.opportunities == 1);
        CHECK(pitch.rated);
        CHECK(pitch.levelName == "Low");
    }
}

TEST_CASE("an older report without \"rated\" reads as rated wherever it had a score") {
    const nlohmann::json old = {
        {"competencies",
         {{{"id", "a"}, {"assessed", true}, {"score", 40.0}, {"level", "Low"}},
          {{"id", "b"}, {"assessed", false}, {"score", nullptr}}}}};
    const ScoreReport r = reportFromJson(old);
    CHECK(r.competencies[0].rated);
    CHECK_FALSE(r.competencies[1].rated);
}

TEST_CASE("the scenario score places a path between the worst and the best total") {
    // range.json, weights discovery 2, objections 1, pitch 1. open: ask 2×2 = 4, or pitch 2×1
    // with the ask-before-offer rule violated (-2×2) = -2; mid: summarise 1×2 = 2, or argue
    // -2×1 = -2; close: offer 2 (after a pitch the rule is not charged again). Best 4 + 2 + 2 =
    // 8; worst -2 - 2 + 2 = -2.
    const Loaded l = load(kScoring + "range.json");
    auto score = [&](const char* choices) {
        return scoreTranscript(l.scenario, l.framework, play(l.scenario, choices));
    };
    const ScoreReport best = score("1,1,1");
    CHECK(best.best == 8);
    CHECK(best.worst == -2);
    CHECK(best.score == 100.0);
    CHECK(score("1,2,1").score == 60.0);  // 4 - 2 + 2 = 4: (4 + 2) ÷ 10
    CHECK(score("2,1,1").score == 40.0);  // -2 + 2 + 2 = 2: (2 + 2) ÷ 10
    const ScoreReport worst = score("2,2,1");
    CHECK(worst.earned == -2);
    CHECK(worst.score == 0.0);
    CHECK(reportToJson(worst)["overall"]["worst"] == -2);
}

TEST_CASE(
    "typed deal state: framework rules derive exceeds-authority and unconditional concessions") {
    const Loaded l = load(kScoring + "deal.json");
    auto indicators = [&](const std::string& choices) {
        const ScoreReport r = scoreTranscript(l.scenario, l.framework, play(l.scenario, choices));
        std::vector<std::string> out;
        for (const auto& e : comp(r, "negotiation").evidence)
            out.push_back(e.indicator + (e.source == "rule" ? " (" + e.rule + ")" : ""));
        return std::pair{r, out};
    };
    // 5 % for nothing: inside the authority of 5, but conceded without a counterpart moving.
    auto [five, fiveEv] = indicators("1");
    CHECK(fiveEv ==
          std::vector<std::string>{"negotiation.unconditional_discount (trade_every_concession)"});
    CHECK(five.critical.empty());
    // The decision itself and one trigger of each deal rule.
    CHECK(comp(five, "negotiation").opportunities == 3);
    // 3 % for 95 million committed: traded, within authority; only the choice's own evidence.
    auto [trade, tradeEv] = indicators("2");
    CHECK(tradeEv == std::vector<std::string>{"negotiation.trades_concessions"});
    REQUIRE(trade.rules.size() == 2);
    CHECK_FALSE(trade.rules[0].violated);
    CHECK_FALSE(trade.rules[1].violated);
    // 10 %: past the authority of 5 (critical) and for nothing.
    auto [ten, tenEv] = indicators("3");
    CHECK(tenEv ==
          std::vector<std::string>{"negotiation.exceeds_authority (stay_within_authority)",
                                   "negotiation.unconditional_discount (trade_every_concession)"});
    REQUIRE(ten.critical.size() == 1);
    CHECK_FALSE(ten.passed);
    // A price of 1,000 under the floor of 1,050 is the same breach as a discount past authority.
    auto [cut, cutEv] = indicators("4");
    CHECK(cutEv == tenEv);
    // Holding the price concedes nothing: no deal rule is triggered.
    auto [hold, holdEv] = indicators("5");
    CHECK(hold.rules.empty());
    // The exact search sees the derived points too: the traded reply is the best path and 10 %
    // (or the price under the floor) the worst.
    CHECK(trade.score == 100.0);
    CHECK(trade.earned == trade.best);
    CHECK(ten.earned == ten.worst);
    CHECK(ten.score == 0.0);
}

TEST_CASE("a hand tag on a deal move that the deal rules derive is a warning (RAP0086)") {
    LoadResult r =
        loadScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/scoring-invalid/deal-tag.json");
    REQUIRE(r.scenario);
    DiagnosticList diags;
    REQUIRE(checkScenarioScoring(*r.scenario, diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == std::string("RAP0086"));
    CHECK(diags.items()[0].severity == Severity::Warning);
    CHECK(diags.items()[0].pointer == "/nodes/0/choices/0/evidence/0/indicator");
}

TEST_CASE("a scenario too large to search is scored against bounds, never over 100 (RAP0053)") {
    // `n` grows without bound and a variant reads it, so the exact search stops at its bound.
    auto loaded = loadScenarioText(R"({
  "format": "rapport-scenario/1", "id": "bound", "version": "1", "title": "t", "language": "en",
  "summary": "s", "sector": "test", "difficulty": 1, "passScore": 70, "framework": "scoring-test",
  "client": {"name": "n", "role": "r", "company": "c", "description": "d"},
  "variables": {"n": {"type": "integer", "initial": 0}},
  "start": "a",
  "nodes": [
    {"id": "a", "speaker": "client", "text": "Hi", "variants": [{"if": "n > 2", "text": "Again?"}], "choices": [
      {"id": "again", "text": "Tell me more", "next": "a", "set": {"n": "n + 1"}},
      {"id": "ask", "text": "Why?", "next": "a", "once": true, "evidence": [{"indicator": "discovery.asks"}]},
      {"id": "bye", "text": "Bye", "next": "b"}]},
    {"id": "b", "speaker": "client", "text": "Bye", "ending": {"outcome": "won", "title": "t", "summary": "s"}}
  ]
})",
                                   kScoring + "bound.json");
    REQUIRE(loaded.scenario);
    DiagnosticList diags;
    auto f = checkScenarioScoring(*loaded.scenario, diags);
    REQUIRE(f);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == "RAP0053");
    CHECK(diags.items()[0].severity == Severity::Warning);
    CHECK_FALSE(diags.hasErrors());

    DiagnosticList again;
    const std::optional<ScenarioOptimum> o = checkScoringStateSpace(*loaded.scenario, *f, again);
    REQUIRE(o);
    CHECK_FALSE(o->exact);
    CHECK(o->bestPath.empty());
    // The once-reply in the loop counts once in the bound; the worst path skips it.
    const std::int64_t asks =
        weightedPoints(*f, *f->findIndicator("discovery.asks"),
                       f->indicators[*f->findIndicator("discovery.asks")].points);
    CHECK(o->best == asks);
    CHECK(o->worst == 0);

    // Scoring works without the optimum passed in, against the same bounds.
    const ScoreReport best = scoreTranscript(*loaded.scenario, *f, play(*loaded.scenario, "2,2"));
    CHECK(best.best == asks);
    CHECK(best.bestPath.empty());
    CHECK(best.score == 100.0);
    const ScoreReport low = scoreTranscript(*loaded.scenario, *f, play(*loaded.scenario, "3"));
    CHECK(low.score == 0.0);
    CHECK(debriefText(best).find("upper bound") != std::string::npos);
}
