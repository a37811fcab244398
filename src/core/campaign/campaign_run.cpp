#include "core/campaign/campaign_run.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rapport {

namespace {

const Meter* meterOf(const Scenario& s, int variable) {
    for (const auto& m : s.meters)
        if (m.variable == variable) return &m;
    return nullptr;
}

}  // namespace

CarriedStart carriedStart(const CampaignMeeting& meeting, const Scenario& previous,
                          const std::vector<std::int64_t>& finalValues) {
    CarriedStart out;
    for (const auto& c : meeting.carry) {
        const auto from = previous.findVariable(c.from);
        if (!from || std::size_t(*from) >= finalValues.size())
            throw std::invalid_argument("\"" + previous.id + "\" has no variable \"" + c.from +
                                        "\" to carry");
        out.emplace_back(c.to, finalValues[std::size_t(*from)]);
    }
    return out;
}

Scenario startingFrom(const Scenario& scenario, const CarriedStart& start) {
    Scenario s = scenario;
    for (const auto& [id, value] : start) {
        const auto i = s.findVariable(id);
        if (!i)
            throw std::invalid_argument("\"" + scenario.id + "\" declares no variable \"" + id +
                                        "\"");
        auto& v = s.variables[std::size_t(*i)];
        std::int64_t x = v.type == ValueType::Boolean ? (value != 0 ? 1 : 0) : value;
        if (const Meter* m = meterOf(s, *i)) x = std::clamp(x, m->min, m->max);
        v.initial = x;
    }
    return s;
}

bool startsFrom(const Scenario& scenario, const CarriedStart& start) {
    const Scenario expected = startingFrom(scenario, start);
    for (std::size_t i = 0; i < scenario.variables.size(); ++i)
        if (scenario.variables[i].initial != expected.variables[i].initial) return false;
    return true;
}

Scenario meetingScenario(const Scenario& original, const AttemptRecord& attempt) {
    if (!attempt.campaign) return original;
    return startingFrom(original, carriedStartFromJson(original, attempt.campaign->carriedStart));
}

nlohmann::json variablesToJson(const Scenario& scenario, const std::vector<std::int64_t>& values) {
    CarriedStart all;
    for (std::size_t i = 0; i < scenario.variables.size() && i < values.size(); ++i)
        all.emplace_back(scenario.variables[i].id, values[i]);
    return carriedStartToJson(scenario, all);
}

std::vector<std::int64_t> variablesFromJson(const Scenario& scenario, const nlohmann::json& j) {
    std::vector<std::int64_t> out;
    for (const auto& v : scenario.variables) {
        std::int64_t x = v.initial;
        if (j.is_object()) {
            const auto it = j.find(v.id);
            if (it != j.end() && it->is_boolean())
                x = it->get<bool>() ? 1 : 0;
            else if (it != j.end() && it->is_number_integer())
                x = it->get<std::int64_t>();
        }
        out.push_back(x);
    }
    return out;
}

nlohmann::json carriedStartToJson(const Scenario& scenario, const CarriedStart& start) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [id, value] : start) {
        const auto i = scenario.findVariable(id);
        if (i && scenario.variables[std::size_t(*i)].type == ValueType::Boolean)
            j[id] = value != 0;
        else
            j[id] = value;
    }
    return j;
}

CarriedStart carriedStartFromJson(const Scenario& scenario, const nlohmann::json& j) {
    if (!j.is_object()) throw std::invalid_argument("a carried start is an object");
    CarriedStart out;
    for (const auto& [id, value] : j.items()) {
        const auto i = scenario.findVariable(id);
        if (!i)
            throw std::invalid_argument("\"" + scenario.id + "\" declares no variable \"" + id +
                                        "\"");
        if (value.is_boolean())
            out.emplace_back(id, value.get<bool>() ? 1 : 0);
        else if (value.is_number_integer())
            out.emplace_back(id, value.get<std::int64_t>());
        else
            throw std::invalid_argument("carried \"" + id +
                                        "\" is neither a whole number nor a "
                                        "boolean");
    }
    return out;
}

CampaignScore scoreCampaign(const Campaign& campaign, const std::vector<ScoreReport>& reports,
                            const Scenario* lastScenario,
                            const std::vector<std::int64_t>& lastFinal) {
    std::vector<CampaignMeetingResult> played;
    for (const auto& r : reports) played.push_back({"", r.score, r.passed});
    return scoreCampaignResults(campaign, played, lastScenario, lastFinal);
}

CampaignScore scoreCampaignResults(const Campaign& campaign,
                                   const std::vector<CampaignMeetingResult>& played,
                                   const Scenario* lastScenario,
                                   const std::vector<std::int64_t>& lastFinal) {
    CampaignScore out;
    out.meetings = int(campaign.meetings.size());
    out.played = int(std::min(played.size(), campaign.meetings.size()));
    double sum = 0;
    bool allPassed = true;
    for (int i = 0; i < out.meetings; ++i) {
        CampaignMeetingResult r;
        r.scenarioId = campaign.meetings[std::size_t(i)].scenario;
        if (i < out.played) {
            r.score = played[std::size_t(i)].score.value_or(0.0);
            r.passed = played[std::size_t(i)].passed;
            sum += *r.score;
            allPassed = allPassed && r.passed;
        }
        out.results.push_back(std::move(r));
    }
    if (out.played > 0) out.score = std::round(sum / out.played * 10.0) / 10.0;
    out.complete = out.played == out.meetings;
    out.passed = out.complete && allPassed;
    if (!out.complete) out.nextMeeting = out.played;
    // The account as the campaign sees it: what the next meeting would be handed, or, after the
    // last one, the values the last meeting's own carry names.
    if (lastScenario && out.played > 0) {
        const std::size_t carrier =
            out.complete ? std::size_t(out.played - 1) : std::size_t(out.played);
        for (const auto& c : campaign.meetings[carrier].carry) {
            const std::string& name = out.complete ? c.to : c.from;
            const auto v = lastScenario->findVariable(name);
            if (v && std::size_t(*v) < lastFinal.size())
                out.accountState.emplace_back(name, lastFinal[std::size_t(*v)]);
        }
    }
    return out;
}

nlohmann::json campaignScoreToJson(const Campaign& campaign, const CampaignScore& score) {
    nlohmann::json meetings = nlohmann::json::array();
    for (std::size_t i = 0; i < score.results.size(); ++i) {
        const auto& r = score.results[i];
        nlohmann::json m = {{"step", i + 1},
                            {"scenario", r.scenarioId},
                            {"weeksAfter", campaign.meetings[i].weeksAfter}};
        if (!campaign.meetings[i].deskTask.empty()) m["deskTask"] = campaign.meetings[i].deskTask;
        m["score"] = r.score ? nlohmann::json(*r.score) : nlohmann::json(nullptr);
        m["passed"] = r.passed;
        meetings.push_back(std::move(m));
    }
    nlohmann::json state = nlohmann::json::object();
    for (const auto& [id, v] : score.accountState) state[id] = v;
    return {{"campaign",
             {{"id", campaign.id},
              {"version", campaign.version},
              {"title", campaign.title},
              {"contentHash", campaign.contentHash}}},
            {"meetings", meetings},
            {"played", score.played},
            {"complete", score.complete},
            {"score", score.score ? nlohmann::json(*score.score) : nlohmann::json(nullptr)},
            {"passed", score.passed},
            {"nextMeeting",
             score.nextMeeting ? nlohmann::json(*score.nextMeeting + 1) : nlohmann::json(nullptr)},
            {"accountState", state}};
}

}  // namespace rapport
