#include "core/scoring/behaviour_rules.hpp"

#include <bit>
#include <stdexcept>

namespace rapport {

namespace {

// Order rule states (2 bits).
constexpr std::uint64_t kOrderOpen = 0;
constexpr std::uint64_t kOrderFirstSeen =
    1;  // `first` shown, `then` not yet: cannot be violated any more
constexpr std::uint64_t kOrderSettled = 2;  // `then` shown: triggered (violated or not), done

}  // namespace

RuleEngine::RuleEngine(const Framework& framework, const Scenario& scenario)
    : framework_(&framework) {
    if (framework.rules.size() > 64) throw std::logic_error("RuleEngine: more than 64 rules");
    int offset = 0;
    for (const auto& r : framework.rules) {
        const int bits = r.kind == RuleKind::Order      ? 2
                         : r.kind == RuleKind::Response ? r.within
                                                        : 0;
        if (offset + bits > 64)
            throw std::logic_error(
                "RuleEngine: rule states exceed 64 bits (the loader bounds this)");
        layout_.push_back({offset, bits == 64 ? ~0ull : ((1ull << bits) - 1)});
        offset += bits;
    }
    member_.assign(framework.groups.size(), std::vector<bool>(framework.indicators.size(), false));
    for (std::size_t g = 0; g < framework.groups.size(); ++g)
        for (int i : framework.groups[g].indicators) member_[g][std::size_t(i)] = true;
    for (std::size_t v = 0; v < scenario.variables.size(); ++v) {
        const Variable& var = scenario.variables[v];
        if (var.deal == DealRole::Concession) concessions_.push_back({int(v), var.authority});
        if (var.deal == DealRole::Price) prices_.push_back({int(v), var.floor});
        if (var.deal == DealRole::Counterpart) counterparts_.push_back(int(v));
    }
    bool dealRules = false;
    for (const auto& r : framework.rules)
        dealRules = dealRules || r.kind == RuleKind::Authority || r.kind == RuleKind::Concession;
    judgesDeals_ = dealRules && !(concessions_.empty() && prices_.empty());
    nodeTriggers_.assign(scenario.nodes.size(), 0);
    for (std::size_t r = 0; r < framework.rules.size(); ++r) {
        const auto& rule = framework.rules[r];
        if (rule.kind != RuleKind::Response) continue;
        for (std::size_t n = 0; n < scenario.nodes.size(); ++n)
            for (const auto& tag : scenario.nodes[n].tags)
                if (tagMatches(rule.trigger, tag)) nodeTriggers_[n] |= 1ull << r;
    }
}

std::uint64_t RuleEngine::get(std::uint64_t state, int rule) const {
    const Layout& l = layout_[std::size_t(rule)];
    return (state >> l.offset) & l.mask;
}

void RuleEngine::set(std::uint64_t& state, int rule, std::uint64_t value) const {
    const Layout& l = layout_[std::size_t(rule)];
    state = (state & ~(l.mask << l.offset)) | ((value & l.mask) << l.offset);
}

void RuleEngine::step(std::uint64_t& state, int node, std::span<const int> indicators,
                      std::vector<RuleEvent>& events) const {
    const auto& rules = framework_->rules;
    auto shows = [&](int group) {
        if (group < 0) return false;
        for (int i : indicators)
            if (i >= 0 && member_[std::size_t(group)][std::size_t(i)]) return true;
        return false;
    };
    for (std::size_t ri = 0; ri < rules.size(); ++ri) {
        const int r = int(ri);
        const BehaviourRule& rule = rules[ri];
        if (rule.kind == RuleKind::Order) {
            std::uint64_t s = get(state, r);
            if (s == kOrderSettled) continue;
            const bool first = shows(rule.first);
            const bool then = shows(rule.then);
            if (then) {
                const bool ok = s == kOrderFirstSeen || first;
                events.push_back({r, RuleEvent::Kind::Triggered});
                events.push_back({r, ok ? RuleEvent::Kind::Satisfied : RuleEvent::Kind::Violated});
                set(state, r, kOrderSettled);
            } else if (first && s == kOrderOpen) {
                set(state, r, kOrderFirstSeen);
            }
        } else if (rule.kind == RuleKind::Response) {
            // Bit k set = an open window with k+1 decisions left (this one included). Windows open
            // at different decisions, so their remaining counts differ and one bit each suffices.
            std::uint64_t open = get(state, r);
            if (node >= 0 && (nodeTriggers_[std::size_t(node)] >> r) & 1u) {
                open |= 1ull << (rule.within - 1);
                events.push_back({r, RuleEvent::Kind::Triggered});
            }
            if (open == 0) continue;
            if (shows(rule.expect)) {
                for (int k = 0; k < std::popcount(open); ++k)
                    events.push_back({r, RuleEvent::Kind::Satisfied});
                open = 0;
            } else {
                if (open & 1u) events.push_back({r, RuleEvent::Kind::Violated});
                open >>= 1;
            }
            set(state, r, open);
        }
    }
}

void RuleEngine::dealStep(std::span<const std::int64_t> before, std::span<const std::int64_t> after,
                          std::vector<RuleEvent>& events) const {
    if (!judgesDeals_) return;
    bool conceded = false, pastLimit = false;
    for (const DealLimit& d : concessions_) {
        const auto v = std::size_t(d.variable);
        if (after[v] <= before[v]) continue;
        conceded = true;
        if (d.limit && after[v] > *d.limit) pastLimit = true;
    }
    for (const DealLimit& d : prices_) {
        const auto v = std::size_t(d.variable);
        if (after[v] >= before[v]) continue;
        conceded = true;
        if (d.limit && after[v] < *d.limit) pastLimit = true;
    }
    if (!conceded) return;
    bool traded = false;
    for (int c : counterparts_) traded = traded || after[std::size_t(c)] > before[std::size_t(c)];
    const auto& rules = framework_->rules;
    for (std::size_t ri = 0; ri < rules.size(); ++ri) {
        const RuleKind k = rules[ri].kind;
        if (k != RuleKind::Authority && k != RuleKind::Concession) continue;
        const bool violated = k == RuleKind::Authority ? pastLimit : !traded;
        events.push_back({int(ri), RuleEvent::Kind::Triggered});
        events.push_back(
            {int(ri), violated ? RuleEvent::Kind::Violated : RuleEvent::Kind::Satisfied});
    }
}

void RuleEngine::finish(std::uint64_t& state, std::vector<RuleEvent>& events) const {
    const auto& rules = framework_->rules;
    for (std::size_t ri = 0; ri < rules.size(); ++ri) {
        if (rules[ri].kind != RuleKind::Response) continue;
        const std::uint64_t open = get(state, int(ri));
        for (int k = 0; k < std::popcount(open); ++k)
            events.push_back({int(ri), RuleEvent::Kind::Violated});
        set(state, int(ri), 0);
    }
}

std::uint64_t RuleEngine::scoringKey(std::uint64_t state) const {
    // "Settled" and "first seen" differ only in whether a later `then` is reported as a
    // (satisfied) trigger, which changes no points; merging them keeps the search smaller.
    const auto& rules = framework_->rules;
    for (std::size_t ri = 0; ri < rules.size(); ++ri)
        if (rules[ri].kind == RuleKind::Order && get(state, int(ri)) == kOrderSettled)
            set(state, int(ri), kOrderFirstSeen);
    return state;
}

}  // namespace rapport
