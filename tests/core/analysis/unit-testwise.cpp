// Test-wise players and surface cues (issue #13 item 3): the cue table in each language, the
// players' rankings, their plays of purpose-made fixtures, the best path's cue statistics and the
// search for endings that disagree with the score.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/analysis/cue_statistics.hpp"
#include "core/analysis/random_play.hpp"
#include "core/analysis/scenario_analysis.hpp"
#include "core/analysis/surface_cues.hpp"
#include "core/analysis/testwise_players.hpp"
#include "core/framework/framework_loader.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/scoring/scoring.hpp"
#include "support/analysis_fixture.hpp"

using namespace rapport;

namespace {

using Loaded = test::LoadedScenario;

Loaded loadFixture(const std::string& name) { return test::loadAnalysisFixture(name); }

const TestwisePlayer& player(const std::string& name) {
    for (const auto& p : testwisePlayers())
        if (p.name == name) return p;
    FAIL("no test-wise player " << name);
    throw 0;
}

}  // namespace

TEST_CASE("surface cues: lengths, question marks and figures in any script") {
    CHECK(replyLength("abc") == 3);
    CHECK(replyLength("夕方の検体") == 5);  // code points, not bytes
    CHECK(replyLength("Понимаю") == 7);
    CHECK(hasQuestionMark("Who decides?"));
    CHECK(hasQuestionMark("院長はいつ戻られますか？"));
    CHECK_FALSE(hasQuestionMark("I see."));
    CHECK(hasFigures("Тысяча двести, 1200 рублей"));
    CHECK(hasFigures("月に１０件"));
    CHECK_FALSE(hasFigures("月に十件"));
}

TEST_CASE("surface cues: each language's table, matched without case") {
    CHECK(surfaceCuesFor("en").language == "en");
    CHECK(surfaceCuesFor("ja-JP").language == "ja");
    CHECK(surfaceCuesFor("RU").language == "ru");
    CHECK(surfaceCuesFor("de").language == "en");  // no table: English
    CHECK(surfaceCueTables().size() == 3);

    const auto& en = surfaceCuesFor("en");
    CHECK(opensWithAcknowledgement("I understand, and that is frustrating.", en));
    CHECK(opensWithAcknowledgement("  \"I\u2019m sorry you had to wait.\"", en));  // ’ reads as '
    CHECK(opensWithAcknowledgement("of course we can do that", en));
    CHECK_FALSE(opensWithAcknowledgement("I seem to remember the figures.", en));  // a word ends
    CHECK_FALSE(opensWithAcknowledgement("We understand.", en));  // only at the start
    CHECK(hasRiskyWord("We can offer a DISCOUNT.", en));
    CHECK(hasRiskyWord("Ten % off.", en));
    CHECK_FALSE(hasRiskyWord("What would help most?", en));

    const auto& ja = surfaceCuesFor("ja");
    CHECK(opensWithAcknowledgement("「申し訳ございません。」", ja));
    CHECK(opensWithAcknowledgement("大変申し訳ございません。取引先の件です。", ja));
    CHECK(opensWithAcknowledgement("承知いたしました。", ja));
    CHECK_FALSE(opensWithAcknowledgement("弊社は承知しております。", ja));
    CHECK(hasRiskyWord("初回は無料でお試しいただけます。", ja));
    CHECK_FALSE(hasRiskyWord("検体の集配は1日に2回です。", ja));

    const auto& ru = surfaceCuesFor("ru");
    CHECK(opensWithAcknowledgement("«Понимаю, это неприятно.»", ru));
    CHECK(opensWithAcknowledgement("понимаю вас", ru));  // Cyrillic case folded
    CHECK(opensWithAcknowledgement("Согласна, сроки сорваны.", ru));
    CHECK_FALSE(opensWithAcknowledgement("Понимающе киваю.", ru));  // a word ends
    CHECK(hasRiskyWord("СКИДКА десять процентов", ru));
    CHECK(hasRiskyWord("Обещаю, что завтра всё будет.", ru));
    CHECK_FALSE(hasRiskyWord("Когда товар должен быть на РЦ?", ru));
}

TEST_CASE("test-wise players rank the replies shown by their cues, then by position") {
    const std::vector<std::string> replies = {"Short.", "The longest reply of all here.",
                                              "A middling one?", "Also middling."};
    auto top = [&](const char* name) { return rankReplies(player(name), replies, "en").front(); };
    CHECK(top("longest") == 1);
    CHECK(top("shortest") == 0);
    CHECK(top("second-longest") == 2);  // 15 characters beats 14
    CHECK(top("first") == 0);
    CHECK(top("second") == 1);
    CHECK(top("last") == 3);
    CHECK(top("question-mark") == 2);
    CHECK(top("avoid-risky") == 0);
    // Ties on length go to the earlier reply; one reply shown is taken by every player.
    CHECK(rankReplies(player("longest"), {"Same.", "Also.", "Short"}, "en") ==
          std::vector<int>{0, 1, 2});
    for (const auto& p : testwisePlayers())
        CHECK(rankReplies(p, {"Only one."}, "en") == std::vector<int>{0});
    // A combo falls back on its second cue when no reply has the first.
    CHECK(rankReplies(player("figures-longest"), {"No figures.", "No figures here either."}, "en")
              .front() == 1);
    CHECK(rankReplies(player("figures-longest"), {"It costs 10.", "No figures here either."}, "en")
              .front() == 0);
}

TEST_CASE("test-wise plays are scored like any play-through and replay under their seed") {
    const Loaded clean = loadFixture("clean.json");
    // clean.json's good reply is first, longest and the only question: those habits pass.
    const TestwisePlay longest =
        playTestwise(clean.scenario, clean.framework, player("longest"), 0);
    CHECK(longest.finished);
    CHECK(longest.choices == "1,1,1,1,1");
    CHECK(longest.score == 100.0);
    CHECK(longest.passed);
    CHECK(longest.ending == "won");
    CHECK(longest.outcome == "won");
    const TestwisePlay shortest =
        playTestwise(clean.scenario, clean.framework, player("shortest"), 0);
    CHECK(shortest.choices == "2,2,2,2,2");
    CHECK_FALSE(shortest.passed);

    // Every play replays to the same score through --choices and scoreTranscript.
    for (const TestwiseResult& r : runTestwisePlayers(clean.scenario, clean.framework)) {
        CAPTURE(r.player);
        REQUIRE(r.plays.size() == std::size(kTestwiseSeeds));
        for (const TestwisePlay& p : r.plays) {
            std::string error;
            const auto script = parseChoiceScript(p.choices, error);
            REQUIRE(script);
            ManualClock clock;
            Session session(clean.scenario, clock, p.seed);
            CHECK(playScript(session, clock, *script).empty());
            CHECK(scoreTranscript(clean.scenario, clean.framework, session.transcript()).score ==
                  p.score);
        }
        CHECK(r.plays[r.highest].score >= r.plays.front().score);
    }

    // cueless.json hides the good reply from every cue: no player gets anywhere near.
    const Loaded cueless = loadFixture("cueless.json");
    for (const TestwiseResult& r : runTestwisePlayers(cueless.scenario, cueless.framework)) {
        CAPTURE(r.player);
        CHECK(r.passedSeeds == 0);
        CHECK(r.plays[r.highest].score < 70.0 - kTestwiseMargin);
        CHECK(r.plays[r.highest].outcome == "lost");
    }
}

TEST_CASE("test-wise players stop a loop they keep taking and report no ending") {
    const Loaded l = loadFixture("paths.json");
    // paths.json's "cold" node leads back to "needs" through "recover"; no player loops for
    // ever there, and every play either ends or says it did not.
    for (const TestwiseResult& r : runTestwisePlayers(l.scenario, l.framework))
        for (const TestwisePlay& p : r.plays) {
            CAPTURE(r.player);
            CHECK(p.steps <= kMaxTestwiseSteps);
            CHECK(p.finished == !p.ending.empty());
            if (!p.finished) CHECK_FALSE(p.passed);
        }
}

TEST_CASE("cue statistics walk the best path and compare its replies with the others shown") {
    const Loaded clean = loadFixture("clean.json");
    const CueStatistics c = bestPathCueStatistics(clean.scenario, "1,1,1,1,1");
    CHECK(c.decisions == 5);
    CHECK(c.bestLongest == 5);
    CHECK(c.bestTopTwo == 5);
    CHECK(c.bestAcknowledgement == 0);
    CHECK(c.otherReplies == 10);
    CHECK(c.otherAcknowledgement == 5);  // "I see."
    CHECK(c.bestLongestShare() == 1.0);
    CHECK(c.otherAcknowledgementRate() == 0.5);
    CHECK(c.objectionDecisions == 0);  // clean.json has no objection tags

    const Loaded cueless = loadFixture("cueless.json");
    // The final "wrap" decision shows one reply and is not counted.
    const CueStatistics d = bestPathCueStatistics(cueless.scenario, "3,3,3,3,3,3,1");
    CHECK(d.decisions == 6);
    CHECK(d.bestLongest == 0);
    CHECK(d.bestTopTwo == 0);
    CHECK(d.otherReplies == 18);
    CHECK_THROWS_AS(bestPathCueStatistics(cueless.scenario, "3,3"), std::logic_error);
}

TEST_CASE("analysis keeps one witness of a won ending that fails and of a lost one that passes") {
    const Loaded clean = loadFixture("clean.json");
    const ScenarioAnalysis a = analyzeScenario(clean.scenario, clean.framework);
    REQUIRE(a.outcomeMismatches.size() == 1);
    const OutcomeMismatch& m = a.outcomeMismatches.front();
    CHECK(m.kind == "won-failing");
    CHECK(m.source == "worst path");
    CHECK(m.choices == "3,3,3,3,3");
    CHECK(m.ending == "won");
    CHECK_FALSE(m.passed);
    // The random sample found one too, with a --choices list that replays to a failing win.
    REQUIRE(a.random);
    REQUIRE(a.random->wonFailing);
    CHECK_FALSE(a.random->lostPassing);
    CHECK(a.random->wonFailing->score < 70.0);
    std::string error;
    const auto script = parseChoiceScript(a.random->wonFailing->choices, error);
    REQUIRE(script);
    ManualClock clock;
    Session session(clean.scenario, clock);
    CHECK(playScript(session, clock, *script).empty());
    CHECK(session.node().id == "won");

    // A scenario whose endings follow the score has no witness.
    const Loaded cueless = loadFixture("cueless.json");
    const ScenarioAnalysis b = analyzeScenario(cueless.scenario, cueless.framework);
    CHECK(b.outcomeMismatches.empty());
    CHECK(b.warnings.empty());
}

TEST_CASE("keeping a random-play witness does not change the sample") {
    const Loaded clean = loadFixture("clean.json");
    const StateGraph g = exploreStates(clean.scenario, kMaxScoringStates);
    const RandomPlayer p(clean.scenario, clean.framework, g, 30, -15);
    const RandomPlayStats st = sampleRandomPlay(p, 500, 9);
    std::mt19937_64 rng(9);
    int passed = 0;
    for (int i = 0; i < 500; ++i) passed += p.play(rng).passed ? 1 : 0;
    CHECK(st.passed == passed);
    CHECK(st.wonFailing);
}
