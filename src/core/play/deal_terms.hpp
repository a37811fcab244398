// The deal as it stands at a point of a session: every declared deal variable (docs/
// scenario-format.md, "Deal state") with its value and limits, for the client card and
// `rapport play`. The trainee set these figures by their own replies, so they are shown in exam
// mode too; the client's mood (the meters) is what exam mode hides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario/scenario.hpp"

namespace rapport {

class Session;

struct DealTerm {
    int variable = -1;  // index into Scenario::variables
    std::string label;  // the variable's label, or its name when it has none
    DealRole role = DealRole::None;
    std::int64_t value = 0;
    std::int64_t initial = 0;
    std::string unit;
    std::optional<std::int64_t> authority;  // concession
    std::optional<std::int64_t> budget;     // concession
    std::optional<std::int64_t> floor;      // price
    // Past a limit: a concession above the trainee's authority or the company's budget, a
    // price under its floor. The same comparisons the framework's deal rules make.
    bool pastAuthority = false;
    bool pastBudget = false;
    bool belowFloor = false;
    // Any of them: what the client card and `rapport play` mark with "!".
    bool pastLimit() const { return pastAuthority || pastBudget || belowFloor; }
};

// The deal terms for `values` (one per scenario variable): concessions, then prices, then what
// the client gives back, then the deal's value, by name within each; empty when the scenario
// declares none.
std::vector<DealTerm> dealTerms(const Scenario& scenario, const std::vector<std::int64_t>& values);
std::vector<DealTerm> dealTerms(const Session& session);

// One line for people in the interface language: "Discount: 250 bp — your authority 500, budget
// 800", "Price: 1,050 RUB — floor 1,050", "Volume: 90 million RUB (was 84)".
std::string dealTermText(const DealTerm& term);

// Where a bar for the term ends: the budget of a concession (or its authority without one);
// nothing for other kinds or a concession without limits.
std::optional<std::int64_t> dealTermScale(const DealTerm& term);

}  // namespace rapport
