// Reply order per attempt seed: the permutation is a fixed function of (seed, node id), checked
// against expected permutations computed independently (splitmix64 and FNV-1a by hand), so a
// change of platform, compiler or code that would re-order stored attempts fails here.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/checks/scenario_check.hpp"
#include "core/play/reply_order.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"
#include "support/hub_scenario.hpp"

using namespace rapport;

namespace {

using Ints = std::vector<int>;
using Strings = std::vector<std::string>;

Strings shownIds(const Session& s) {
    Strings ids;
    for (int i : s.choices()) ids.push_back(s.node().choices[std::size_t(i)].id);
    return ids;
}

void take(Session& s, const std::string& id) {
    const Strings ids = shownIds(s);
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id) {
            REQUIRE(s.choose(int(i)));
            return;
        }
    FAIL("choice " << id << " is not shown at " << s.node().id);
}

Scenario loadPinned() {
    ScenarioCheck check =
        checkScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/session/pinned-order.json");
    REQUIRE(check.playable());
    return std::move(*check.scenario);
}

}  // namespace

TEST_SUITE_BEGIN("play");

TEST_CASE("the reply permutation is fixed for ever: expected values") {
    CHECK(replyPermutation(1, "hub", 6) == Ints{3, 1, 2, 4, 0, 5});
    CHECK(replyPermutation(7, "hub", 6) == Ints{3, 4, 2, 5, 0, 1});
    CHECK(replyPermutation(42, "pressure", 5) == Ints{3, 0, 2, 1, 4});
    CHECK(replyPermutation(12345678901234567ull, "price-objection", 4) == Ints{0, 2, 3, 1});
    CHECK(replyPermutation(~0ull, "x", 8) == Ints{3, 6, 5, 2, 4, 0, 1, 7});
    CHECK(replyPermutation(3, "topic", 4) == Ints{2, 3, 0, 1});
    // Another node under the same seed gets an order of its own.
    CHECK(replyPermutation(3, "scale", 4) == Ints{1, 2, 0, 3});
}

TEST_CASE("seed 0 is the authored order; one reply or none is never moved") {
    CHECK(replyPermutation(0, "hub", 6) == Ints{0, 1, 2, 3, 4, 5});
    CHECK(replyPermutation(0, "anything", 3) == Ints{0, 1, 2});
    CHECK(replyPermutation(99, "hub", 1) == Ints{0});
    CHECK(replyPermutation(99, "hub", 0).empty());
}

TEST_CASE("reply orders are named as transcripts and the store spell them") {
    CHECK(std::string(replyOrderName(ReplyOrder::Seeded)) == "seeded");
    CHECK(std::string(replyOrderName(ReplyOrder::Authored)) == "authored");
    CHECK(parseReplyOrder("seeded") == ReplyOrder::Seeded);
    CHECK(parseReplyOrder("authored") == ReplyOrder::Authored);
    CHECK_FALSE(parseReplyOrder("random"));
}

TEST_CASE("fresh attempt seeds are never 0 and fit a JSON number exactly") {
    bool differ = false;
    const std::uint64_t first = freshAttemptSeed();
    for (int i = 0; i < 50; ++i) {
        const std::uint64_t seed = freshAttemptSeed();
        CHECK(seed != 0);
        CHECK(seed < (1ull << 53));
        differ = differ || seed != first;
    }
    CHECK(differ);
}

TEST_CASE("a session shows its replies in the seed's order, the same on every visit") {
    const Scenario sc = test::loadHub();
    ManualClock clock;
    // hub's choices: budget needs swap drain pitch(if asked_budget) leave.
    Session authored(sc, clock, 0);
    take(authored, "greet");
    CHECK(shownIds(authored) == Strings{"budget", "needs", "swap", "drain", "leave"});

    Session s(sc, clock, 3);  // hub under seed 3: needs pitch leave swap budget drain
    CHECK(s.seed() == 3);
    CHECK(s.replyOrder() == ReplyOrder::Seeded);
    take(s, "greet");
    CHECK(shownIds(s) == Strings{"needs", "leave", "swap", "budget", "drain"});
    take(s, "swap");  // back to the hub: nothing moves
    CHECK(shownIds(s) == Strings{"needs", "leave", "swap", "budget", "drain"});
    // The once-question drops out and pitch appears, each where the permutation puts it.
    take(s, "budget");
    CHECK(shownIds(s) == Strings{"needs", "pitch", "leave", "swap", "drain"});
    const TranscriptStep& step = s.transcript().steps.back();
    CHECK(step.choicesShown == Strings{"needs", "leave", "swap", "budget", "drain"});
    CHECK(step.choiceNumber == 4);  // the position as shown, not in the file
    CHECK(s.transcript().replyOrder == ReplyOrder::Seeded);

    // Another seed, another order; the same seed, the same order.
    Session other(sc, clock, 8);
    take(other, "greet");
    CHECK(shownIds(other) != shownIds(authored));
    Session again(sc, clock, 3);
    take(again, "greet");
    CHECK(shownIds(again) == Strings{"needs", "leave", "swap", "budget", "drain"});
}

TEST_CASE("an authored-order session ignores its seed (attempts made before shuffling)") {
    const Scenario sc = test::loadHub();
    ManualClock clock;
    Session s(sc, clock, 3, ReplyOrder::Authored);
    take(s, "greet");
    CHECK(shownIds(s) == Strings{"budget", "needs", "swap", "drain", "leave"});
    CHECK(s.transcript().replyOrder == ReplyOrder::Authored);
    // Saved and resumed, it stays authored.
    const Session r = Session::resume(sc, clock, s.save());
    CHECK(r.replyOrder() == ReplyOrder::Authored);
    CHECK(shownIds(r) == Strings{"budget", "needs", "swap", "drain", "leave"});
}

TEST_CASE("\"shuffle\": false pins a node's replies under every seed") {
    const Scenario sc = loadPinned();
    CHECK_FALSE(sc.nodes[std::size_t(*sc.findNode("scale"))].shuffle);
    CHECK(sc.nodes[std::size_t(*sc.findNode("topic"))].shuffle);
    ManualClock clock;
    for (std::uint64_t seed : {0ull, 1ull, 3ull, 8ull, 12345ull, ~0ull}) {
        CAPTURE(seed);
        Session s(sc, clock, seed);
        CHECK(shownIds(s) == Strings{"one", "two", "three", "four"});
    }
    Session s(sc, clock, 3);
    take(s, "two");
    CHECK(shownIds(s) == Strings{"delivery", "support", "price", "terms"});
}

TEST_CASE("\"shuffle\" must be true or false") {
    const LoadResult r = loadScenarioText(R"({
      "format": "rapport-scenario/1", "id": "s", "version": "1", "title": "T", "language": "en",
      "framework": "account-manager", "client": {"name": "C"}, "start": "a",
      "nodes": [{"id": "a", "speaker": "client", "text": "Hi", "shuffle": "no",
                 "choices": [{"id": "x", "text": "X", "next": "e"}]},
                {"id": "e", "speaker": "narrator", "text": "End",
                 "ending": {"outcome": "won", "title": "E", "summary": "E"}}]})",
                                          "inline.json");
    bool found = false;
    for (const auto& d : r.diagnostics.items())
        found = found || (d.pointer == "/nodes/0/shuffle" && d.severity == Severity::Error);
    CHECK(found);
}

TEST_CASE("transcripts record the reply order; records without it read as authored") {
    const Scenario sc = test::loadHub();
    ManualClock clock;
    Session s(sc, clock, 3);
    take(s, "greet");
    take(s, "swap");
    nlohmann::json j = transcriptToJson(s.transcript());
    CHECK(j.at("replyOrder") == "seeded");
    CHECK(transcriptFromJson(j).replyOrder == ReplyOrder::Seeded);
    // A record written before replies were shuffled has no "replyOrder".
    j.erase("replyOrder");
    CHECK(transcriptFromJson(j).replyOrder == ReplyOrder::Authored);
    j["replyOrder"] = "authored";
    CHECK(transcriptFromJson(j).replyOrder == ReplyOrder::Authored);
    j["replyOrder"] = "random";
    CHECK_THROWS_WITH_AS(transcriptFromJson(j), doctest::Contains("replyOrder"), SessionError);
    j["replyOrder"] = 1;
    CHECK_THROWS_AS(transcriptFromJson(j), SessionError);
    // Under seed 0 both orders are file order: the record stays as it always was.
    Session zero(sc, clock, 0);
    take(zero, "greet");
    CHECK_FALSE(transcriptToJson(zero.transcript()).contains("replyOrder"));
}

TEST_CASE("a shuffled session saves and resumes in the same order") {
    const Scenario sc = test::loadHub();
    ManualClock clock;
    Session s(sc, clock, 3);
    take(s, "greet");
    take(s, "budget");
    const nlohmann::json saved = s.save();
    CHECK(saved.at("transcript").at("replyOrder") == "seeded");
    const Session r = Session::resume(sc, clock, saved);
    CHECK(r.replyOrder() == ReplyOrder::Seeded);
    CHECK(shownIds(r) == shownIds(s));
    CHECK(shownIds(r) == Strings{"needs", "pitch", "leave", "swap", "drain"});
}

TEST_SUITE_END();
