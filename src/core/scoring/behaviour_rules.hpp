// Behaviour rules evaluated over the sequence of decisions (framework `rules`): `order` (an
// indicator of group X before any of group Y) and `response` (after a node tagged T, an
// indicator of group X within K decisions). A rule counts only when its trigger occurs.
// The state of all rules packs into one 64-bit word, so the exact best-path search can treat
// it as part of the scenario state; scoring a transcript and that search share this code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct RuleEvent {
    enum class Kind { Triggered, Satisfied, Violated };
    int rule = -1;
    Kind kind = Kind::Triggered;
};

class RuleEngine {
public:
    // Matches every response rule's trigger against every node's tags once, up front.
    RuleEngine(const Framework& framework, const Scenario& scenario);

    static constexpr std::uint64_t initial() { return 0; }

    // One decision at `node` that showed `indicators` (a choice's evidence, or the timeout
    // indicator). Appends one event per rule triggered here and per violation found here.
    // Order rule: triggers at the first indicator of `then`; violated unless an indicator of
    // `first` came earlier or in the same decision. Response rule: triggers at a node whose tag
    // matches; the decision there is the first of its `within`; an indicator of `expect`
    // satisfies every open window; a window that closes without one is violated.
    void step(std::uint64_t& state, int node, std::span<const int> indicators,
              std::vector<RuleEvent>& events) const;

    // Deal rules (`authority`, `concession`) over the step that took the scenario's variables
    // from `before` to `after`: a Triggered event and then a Satisfied or Violated one per deal
    // rule, when the step conceded (a concession variable up or a price variable down).
    void dealStep(std::span<const std::int64_t> before, std::span<const std::int64_t> after,
                  std::vector<RuleEvent>& events) const;
    // Whether dealStep can ever add an event: the framework has a deal rule and the scenario a
    // concession or price variable.
    bool judgesDeals() const { return judgesDeals_; }

    // At an ending: every response window still open is violated (the conversation ended
    // before the expected behaviour came); one Violated event each.
    void finish(std::uint64_t& state, std::vector<RuleEvent>& events) const;

    // The state with distinctions that cannot change any future violation removed (an order
    // rule already satisfied and one already settled behave alike), for the best-path search.
    std::uint64_t scoringKey(std::uint64_t state) const;

    const Framework& framework() const { return *framework_; }

private:
    struct Layout {
        int offset = 0;
        std::uint64_t mask = 0;  // bits of this rule, unshifted
    };
    std::uint64_t get(std::uint64_t state, int rule) const;
    void set(std::uint64_t& state, int rule, std::uint64_t value) const;

    const Framework* framework_;
    std::vector<Layout> layout_;
    std::vector<std::vector<bool>> member_;    // [group][indicator]
    std::vector<std::uint64_t> nodeTriggers_;  // per node: bit r set if response rule r triggers
    struct DealLimit {
        int variable;
        std::optional<std::int64_t> limit;  // concession: authority; price: floor
    };
    std::vector<DealLimit> concessions_, prices_;
    std::vector<int> counterparts_;
    bool judgesDeals_ = false;
};

}  // namespace rapport
