// Behaviour rules on their own: the order and response rule semantics, step by step.
#include <doctest/doctest.h>

#include "core/framework/framework_loader.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/scoring/behaviour_rules.hpp"

using namespace rapport;

namespace {

using Kind = RuleEvent::Kind;

Framework testFramework(int within) {
    auto r = loadFrameworkText(R"({
  "format": "rapport-framework/1", "id": "rules-test", "version": "1", "name": "Rules test",
  "levels": [{"id": "low", "name": "Low", "min": 0, "max": 50}, {"id": "high", "name": "High", "min": 50, "max": 100}],
  "competencies": [{"id": "c", "name": "C", "description": "d", "weight": 1, "anchors": {"low": "l", "high": "h"},
    "indicators": [
      {"id": "c.ask", "polarity": "positive", "points": 1, "description": "asks"},
      {"id": "c.pitch", "polarity": "positive", "points": 1, "description": "pitches"},
      {"id": "c.ack", "polarity": "positive", "points": 1, "description": "acknowledges"},
      {"id": "c.early", "polarity": "negative", "points": -1, "description": "pitches early"},
      {"id": "c.ignores", "polarity": "negative", "points": -1, "description": "ignores"}]}],
  "groups": {"ask": ["c.ask"], "pitch": ["c.pitch"], "ack": ["c.ack"]},
  "rules": [
    {"id": "order", "kind": "order", "first": "ask", "then": "pitch", "violation": "c.early"},
    {"id": "respond", "kind": "response", "trigger": "objection:*", "expect": "ack", "within": )" +
                                   std::to_string(within) + R"(, "violation": "c.ignores"}]
})",
                               "rules-test.json");
    for (const auto& d : r.diagnostics.items()) INFO(formatDiagnostic(d));
    REQUIRE(r.framework);
    return std::move(*r.framework);
}

// Nodes 0..2: node 1 carries an objection tag, the others none.
Scenario taggedScenario() {
    Scenario s;
    s.nodes.resize(3);
    s.nodes[0].id = "plain";
    s.nodes[1].id = "objection";
    s.nodes[1].tags = {"objection:price"};
    s.nodes[2].id = "other";
    s.nodes[2].tags = {"objectionable"};
    return s;
}

constexpr int kAsk = 0, kPitch = 1, kAck = 2;

std::vector<std::pair<int, Kind>> run(const RuleEngine& e, std::uint64_t& state, int node,
                                      std::vector<int> inds) {
    std::vector<RuleEvent> ev;
    e.step(state, node, inds, ev);
    std::vector<std::pair<int, Kind>> out;
    for (const auto& x : ev) out.emplace_back(x.rule, x.kind);
    return out;
}

using Events = std::vector<std::pair<int, Kind>>;

}  // namespace

TEST_CASE(
    "order rule: a `then` without an earlier `first` is one violation, and only the first counts") {
    const Framework f = testFramework(1);
    const Scenario s = taggedScenario();
    const RuleEngine e(f, s);
    std::uint64_t st = RuleEngine::initial();
    CHECK(run(e, st, 0, {}) == Events{});
    CHECK(run(e, st, 0, {kPitch}) == Events{{0, Kind::Triggered}, {0, Kind::Violated}});
    CHECK(run(e, st, 0, {kPitch}) == Events{});  // settled: later pitches are not counted again
    CHECK(run(e, st, 0, {kAsk}) == Events{});
}

TEST_CASE(
    "order rule: `first` earlier or in the same decision satisfies it; no `then`, no trigger") {
    const Framework f = testFramework(1);
    const Scenario s = taggedScenario();
    const RuleEngine e(f, s);
    std::uint64_t st = RuleEngine::initial();
    CHECK(run(e, st, 0, {kAsk}) == Events{});
    CHECK(run(e, st, 0, {kPitch}) == Events{{0, Kind::Triggered}, {0, Kind::Satisfied}});
    std::uint64_t same = RuleEngine::initial();
    CHECK(run(e, same, 0, {kPitch, kAsk}) == Events{{0, Kind::Triggered}, {0, Kind::Satisfied}});
    std::uint64_t never = RuleEngine::initial();
    CHECK(run(e, never, 0, {kAsk}) == Events{});
    std::vector<RuleEvent> end;
    e.finish(never, end);
    CHECK(end.empty());
}

TEST_CASE(
    "response rule: triggered by a matching tag, satisfied within the window, else violated") {
    const Framework f = testFramework(2);
    const Scenario s = taggedScenario();
    const RuleEngine e(f, s);
    SUBCASE("acknowledged at the second decision of a window of 2") {
        std::uint64_t st = RuleEngine::initial();
        CHECK(run(e, st, 1, {}) == Events{{1, Kind::Triggered}});
        CHECK(run(e, st, 0, {kAck}) == Events{{1, Kind::Satisfied}});
        CHECK(st == RuleEngine::initial());
    }
    SUBCASE("never acknowledged: violated when the window closes") {
        std::uint64_t st = RuleEngine::initial();
        CHECK(run(e, st, 1, {kPitch}) ==
              Events{{0, Kind::Triggered}, {0, Kind::Violated}, {1, Kind::Triggered}});
        CHECK(run(e, st, 0, {}) == Events{{1, Kind::Violated}});
        CHECK(run(e, st, 0, {}) == Events{});
    }
    SUBCASE("two overlapping windows: the older closes first, one acknowledgement satisfies both") {
        std::uint64_t st = RuleEngine::initial();
        CHECK(run(e, st, 1, {}) == Events{{1, Kind::Triggered}});
        CHECK(run(e, st, 1, {}) == Events{{1, Kind::Triggered}, {1, Kind::Violated}});
        std::uint64_t both = RuleEngine::initial();
        run(e, both, 1, {});
        CHECK(run(e, both, 1, {kAck}) ==
              Events{{1, Kind::Triggered}, {1, Kind::Satisfied}, {1, Kind::Satisfied}});
    }
    SUBCASE("a window still open at the ending is violated") {
        std::uint64_t st = RuleEngine::initial();
        run(e, st, 1, {});
        std::vector<RuleEvent> end;
        e.finish(st, end);
        REQUIRE(end.size() == 1);
        CHECK(end[0].rule == 1);
        CHECK(end[0].kind == Kind::Violated);
    }
    SUBCASE("a tag that only starts like the pattern does not trigger it") {
        std::uint64_t st = RuleEngine::initial();
        CHECK(run(e, st, 2, {}) == Events{});
    }
}

TEST_CASE("scoringKey merges only order-rule states that no future can tell apart") {
    const Framework f = testFramework(1);
    const Scenario s = taggedScenario();
    const RuleEngine e(f, s);
    std::uint64_t asked = RuleEngine::initial(), settled = RuleEngine::initial();
    run(e, asked, 0, {kAsk});
    run(e, settled, 0, {kPitch});
    CHECK(asked != settled);
    CHECK(e.scoringKey(asked) == e.scoringKey(settled));
    CHECK(e.scoringKey(RuleEngine::initial()) != e.scoringKey(asked));
}
