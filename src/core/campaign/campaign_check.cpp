#include "core/campaign/campaign_check.hpp"

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/source/json_reader.hpp"

namespace rapport {

namespace {

// The range a variable's value can take: a meter's, or unbounded for a plain variable, which
// is how the session clamps it (core/play/session.cpp).
struct Range {
    bool bounded = false;
    std::int64_t min = 0;
    std::int64_t max = 0;
    bool operator==(const Range&) const = default;
};

Range rangeOf(const Scenario& s, int variable) {
    for (const auto& m : s.meters)
        if (m.variable == variable) return {true, m.min, m.max};
    return {};
}

std::string describe(const Scenario& s, int variable) {
    const auto& v = s.variables[std::size_t(variable)];
    if (v.type == ValueType::Boolean) return "a boolean";
    const Range r = rangeOf(s, variable);
    if (!r.bounded) return "an integer without a meter";
    return "an integer meter " + std::to_string(r.min) + ".." + std::to_string(r.max);
}

std::vector<std::string> variableNames(const Scenario& s) {
    std::vector<std::string> out;
    for (const auto& v : s.variables) out.push_back(v.id);
    return out;
}

}  // namespace

std::vector<const Scenario*> campaignScenarios(const Campaign& campaign,
                                               const std::vector<const Scenario*>& scenarios) {
    std::vector<const Scenario*> out;
    for (const auto& m : campaign.meetings) {
        const Scenario* found = nullptr;
        for (const auto* s : scenarios)
            if (s->id == m.scenario) found = s;
        out.push_back(found);
    }
    return out;
}

void checkCampaign(const Campaign& campaign, const std::vector<const Scenario*>& scenarios,
                   DiagnosticList& diagnostics) {
    JsonReader r(campaign.sourcePath, campaign.sourceMap, diagnostics);
    std::vector<std::string> ids;
    for (const auto* s : scenarios) ids.push_back(s->id);
    const auto chain = campaignScenarios(campaign, scenarios);
    for (std::size_t i = 0; i < campaign.meetings.size(); ++i) {
        const auto& m = campaign.meetings[i];
        if (!chain[i]) {
            r.error(codes::CampaignUnknownScenario, childPointer(m.pointer, "scenario"),
                    "no playable scenario has the id \"" + m.scenario + "\"" +
                        didYouMean(m.scenario, ids));
            continue;
        }
        if (i == 0 || !chain[i - 1]) continue;
        const Scenario& prev = *chain[i - 1];
        const Scenario& next = *chain[i];
        for (const auto& c : m.carry) {
            const auto to = next.findVariable(c.to);
            const auto from = prev.findVariable(c.from);
            if (!to)
                r.errorAtKey(codes::CampaignCarryUnknown, c.pointer,
                             "\"" + next.id + "\" declares no variable \"" + c.to + "\"" +
                                 didYouMean(c.to, variableNames(next)));
            if (!from)
                r.error(codes::CampaignCarryUnknown, c.pointer,
                        "\"" + prev.id + "\" declares no variable \"" + c.from + "\"" +
                            didYouMean(c.from, variableNames(prev)));
            if (!to || !from) continue;
            const auto& tv = next.variables[std::size_t(*to)];
            const auto& fv = prev.variables[std::size_t(*from)];
            if (tv.type != fv.type || rangeOf(next, *to) != rangeOf(prev, *from))
                r.error(codes::CampaignCarryMismatch, c.pointer,
                        "\"" + c.from + "\" of \"" + prev.id + "\" is " + describe(prev, *from) +
                            " but \"" + c.to + "\" of \"" + next.id + "\" is " +
                            describe(next, *to) +
                            ": a carried value must fit the next meeting exactly");
        }
    }
}

}  // namespace rapport
