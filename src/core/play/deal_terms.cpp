#include "core/play/deal_terms.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/play/session.hpp"
#include "core/text/number_format.hpp"
#include "core/text/separator_swap.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

std::vector<DealTerm> dealTerms(const Scenario& scenario, const std::vector<std::int64_t>& values) {
    std::vector<DealTerm> out;
    for (std::size_t i = 0; i < scenario.variables.size(); ++i) {
        const Variable& v = scenario.variables[i];
        if (v.deal == DealRole::None) continue;
        DealTerm t;
        t.variable = int(i);
        t.label = v.label.empty() ? v.id : v.label;
        t.role = v.deal;
        t.value = i < values.size() ? values[i] : v.initial;
        t.initial = v.initial;
        t.unit = v.unit;
        t.authority = v.authority;
        t.budget = v.budget;
        t.floor = v.floor;
        t.pastAuthority = v.authority && t.value > *v.authority;
        t.pastBudget = v.budget && t.value > *v.budget;
        t.belowFloor = v.floor && t.value < *v.floor;
        out.push_back(std::move(t));
    }
    // What the trainee gives, the price, what the client gives back, the deal's value: the
    // order a negotiator reads a term sheet in (the file's own order is not kept by the loader).
    std::stable_sort(out.begin(), out.end(), [](const DealTerm& a, const DealTerm& b) {
        return int(a.role) < int(b.role);
    });
    return out;
}

std::vector<DealTerm> dealTerms(const Session& session) {
    return dealTerms(session.scenario(), session.variables());
}

namespace {

std::string amount(std::int64_t n, const std::string& unit) {
    const std::uintmax_t magnitude = n < 0 ? std::uintmax_t(-(n + 1)) + 1 : std::uintmax_t(n);
    // TRANSLATORS: the separator between groups of three digits in amounts ("1,050"); a
    // no-break space in Russian.
    const std::string_view group = trc("digit group separator", ",");
    const std::string s = (n < 0 ? "-" : "") + swapSeparator(groupedDigits(magnitude), ',', group);
    return unit.empty() ? s : s + "\u00a0" + unit;
}

}  // namespace

std::string dealTermText(const DealTerm& t) {
    const std::string value = amount(t.value, t.unit);
    const auto limit = [&](const std::optional<std::int64_t>& l) {
        return l ? amount(*l, t.unit) : std::string();
    };
    const std::string authority = limit(t.authority), budget = limit(t.budget),
                      floor = limit(t.floor), initial = amount(t.initial, t.unit);
    const auto fmt = [&](const char* pattern) {
        return uiFormat(pattern, {{"label", t.label},
                                  {"amount", value},
                                  {"authority", authority},
                                  {"budget", budget},
                                  {"floor", floor},
                                  {"initial", initial}});
    };
    if (t.role == DealRole::Concession) {
        if (t.pastBudget) return fmt(tr("{label}: {amount}, above the budget of {budget}"));
        if (t.pastAuthority)
            return fmt(tr("{label}: {amount}, above your authority of {authority}"));
        if (t.authority && t.budget)
            return fmt(tr("{label}: {amount} (your authority {authority}, budget {budget})"));
        if (t.authority) return fmt(tr("{label}: {amount} (your authority {authority})"));
        if (t.budget) return fmt(tr("{label}: {amount} (budget {budget})"));
    }
    if (t.role == DealRole::Price && t.floor) {
        if (t.belowFloor) return fmt(tr("{label}: {amount}, below the floor of {floor}"));
        return fmt(tr("{label}: {amount} (floor {floor})"));
    }
    if (t.value != t.initial) return fmt(tr("{label}: {amount} (was {initial})"));
    return fmt(tr("{label}: {amount}"));
}

std::optional<std::int64_t> dealTermScale(const DealTerm& t) {
    if (t.role != DealRole::Concession) return std::nullopt;
    if (t.budget) return t.budget;
    return t.authority;
}

}  // namespace rapport
