#include "core/campaign/campaign_progress.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace rapport {

namespace {

AccountValue accountValue(const Scenario* s, const std::string& id, std::int64_t value) {
    AccountValue a;
    a.variable = id;
    a.label = id;
    a.value = value;
    if (!s) return a;
    const auto i = s->findVariable(id);
    if (!i) return a;
    const Variable& v = s->variables[std::size_t(*i)];
    a.boolean = v.type == ValueType::Boolean;
    if (!v.label.empty()) a.label = v.label;
    for (const auto& m : s->meters)
        if (m.variable == *i) {
            if (!m.label.empty()) a.label = m.label;
            a.min = m.min;
            a.max = m.max;
        }
    return a;
}

CampaignRunState stateOf(const Campaign& c, const std::string& run,
                         const std::vector<const AttemptRecord*>& attempts,
                         const ScenarioById& scenarioOf) {
    CampaignRunState st;
    st.run = run;
    for (const AttemptRecord* a : attempts)
        st.lastActivityMs = std::max(st.lastActivityMs, a->startedAtMs);
    const int n = int(c.meetings.size());
    for (int i = 0; i < n; ++i) {
        const AttemptRecord* done = nullptr;
        for (const AttemptRecord* a : attempts)
            if (a->campaign->meeting == i && a->status == AttemptStatus::Finished && a->score) {
                done = a;
                break;
            }
        if (!done) break;
        st.meetings.push_back(*done);
    }
    const int played = int(st.meetings.size());
    if (played < n)
        for (auto it = attempts.rbegin(); it != attempts.rend(); ++it)
            if ((*it)->campaign->meeting == played && (*it)->status == AttemptStatus::InProgress) {
                st.interrupted = **it;
                break;
            }

    std::vector<CampaignMeetingResult> results;
    for (const auto& m : st.meetings)
        results.push_back({m.scenarioId, m.score, m.passed.value_or(false)});
    const Scenario* last = nullptr;
    std::vector<std::int64_t> lastFinal;
    if (played > 0) {
        const std::string& id = c.meetings[std::size_t(played - 1)].scenario;
        last = scenarioOf ? scenarioOf(id) : nullptr;
        if (last)
            lastFinal = variablesFromJson(*last, st.meetings.back().finalState);
        else
            st.problem = "the library has no scenario \"" + id + "\"";
    }
    st.score = scoreCampaignResults(c, results, last, lastFinal);
    if (played > 0 && played < n && last) {
        const CampaignMeeting& next = c.meetings[std::size_t(played)];
        const Scenario* nextScenario = scenarioOf ? scenarioOf(next.scenario) : nullptr;
        if (!nextScenario) st.problem = "the library has no scenario \"" + next.scenario + "\"";
        try {
            st.nextStart = carriedStart(next, *last, lastFinal);
        } catch (const std::invalid_argument& e) {
            st.problem = e.what();
        }
        for (const auto& [id, v] : st.nextStart)
            st.account.push_back(accountValue(nextScenario, id, v));
    } else if (played == n && last) {
        for (const auto& [id, v] : st.score.accountState)
            st.account.push_back(accountValue(last, id, v));
    }
    return st;
}

}  // namespace

std::vector<CampaignRunState> campaignRuns(const Campaign& campaign,
                                           const std::vector<AttemptRecord>& attempts,
                                           const ScenarioById& scenarioOf) {
    // Runs in the order of their first attempt; each run's attempts by (start, id).
    std::vector<const AttemptRecord*> mine;
    for (const auto& a : attempts)
        if (a.campaign && a.campaign->id == campaign.id && !a.campaign->run.empty())
            mine.push_back(&a);
    std::stable_sort(mine.begin(), mine.end(), [](const AttemptRecord* x, const AttemptRecord* y) {
        return std::pair(x->startedAtMs, x->id) < std::pair(y->startedAtMs, y->id);
    });
    std::vector<std::string> order;
    std::map<std::string, std::vector<const AttemptRecord*>> byRun;
    for (const AttemptRecord* a : mine) {
        auto& list = byRun[a->campaign->run];
        if (list.empty()) order.push_back(a->campaign->run);
        list.push_back(a);
    }
    std::vector<CampaignRunState> out;
    for (const auto& run : order) out.push_back(stateOf(campaign, run, byRun[run], scenarioOf));
    return out;
}

CampaignRunState currentCampaignRun(const Campaign& campaign,
                                    const std::vector<AttemptRecord>& attempts,
                                    const ScenarioById& scenarioOf) {
    auto runs = campaignRuns(campaign, attempts, scenarioOf);
    if (runs.empty()) return stateOf(campaign, "", {}, scenarioOf);
    // The newest activity, not the newest first attempt: a run resumed after another was begun
    // is the one the trainee is in.
    auto it = std::max_element(runs.begin(), runs.end(), [](const auto& x, const auto& y) {
        return x.lastActivityMs < y.lastActivityMs;
    });
    return std::move(*it);
}

CampaignStep campaignStep(const CampaignRunState& state) {
    if (state.run.empty()) return CampaignStep::Start;
    if (state.score.complete) return CampaignStep::Again;
    if (state.interrupted) return CampaignStep::Resume;
    return state.meetings.empty() ? CampaignStep::Start : CampaignStep::Continue;
}

bool mayPlayMeeting(const CampaignRunState& state, int index) {
    if (state.run.empty() || state.score.complete) return index == 0;
    return state.score.nextMeeting && *state.score.nextMeeting == index && state.problem.empty();
}

AttemptCampaign meetingLink(const Campaign& campaign, const CampaignRunState& state, int index,
                            const Scenario& original, const std::string& newRun) {
    if (!mayPlayMeeting(state, index))
        throw std::logic_error("meetingLink: meeting " + std::to_string(index + 1) +
                               " may not be played now");
    AttemptCampaign link;
    link.id = campaign.id;
    link.version = campaign.version;
    const bool fresh = state.run.empty() || state.score.complete;
    link.run = fresh ? newRun : state.run;
    link.meeting = index;
    link.carriedStart = carriedStartToJson(original, fresh ? CarriedStart{} : state.nextStart);
    return link;
}

}  // namespace rapport
