// Where a trainee stands in a campaign, read off the attempts the results store keeps
// (AttemptRecord::campaign): which meeting is next, whether one is interrupted, the account as the
// last meeting left it and the campaign's score so far. Nothing about a run is stored apart
// from its attempts, so the library, the debrief and HR's pages cannot disagree with them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign/campaign.hpp"
#include "core/campaign/campaign_run.hpp"
#include "core/reports/report_model.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

// One carried value as the trainee reads it: "trust 62/100" (a meter) or "promised_refund yes".
struct AccountValue {
    std::string variable;  // id in the scenario it belongs to
    std::string label;     // the meter's label, else the variable's label, else its id
    std::int64_t value = 0;
    bool boolean = false;
    std::optional<std::int64_t> min, max;  // a meter's range
};

struct CampaignRunState {
    std::string run;  // the run's UUID; empty when the trainee has none yet
    // The finished attempt of each meeting played, from the first, in order.
    std::vector<AttemptRecord> meetings;
    // The next meeting's attempt still in progress (resume it), if any.
    std::optional<AttemptRecord> interrupted;
    CampaignScore score;  // scoreCampaign over `meetings`
    // What the next meeting starts from (empty for the first meeting, and once complete).
    CarriedStart nextStart;
    // The carried values as the last played meeting left them, labelled for the next meeting
    // (or, once complete, the last meeting's own), in carry order.
    std::vector<AccountValue> account;
    // Why the next meeting cannot be prepared (a meeting's scenario is missing from the
    // library); empty when it can.
    std::string problem;
    std::int64_t lastActivityMs = 0;  // newest start among the run's attempts
};

// The scenario of the library for an id; null when the library has none.
using ScenarioById = std::function<const Scenario*(const std::string&)>;

// Every run of `campaign` in `attempts` (the trainee's attempts; others and other campaigns'
// are ignored), oldest first by their first attempt. A meeting counts as played by the run's
// first finished attempt of it, and only while the meetings before it are played: meetings are
// played in order. Abandoned attempts count for nothing.
std::vector<CampaignRunState> campaignRuns(const Campaign& campaign,
                                           const std::vector<AttemptRecord>& attempts,
                                           const ScenarioById& scenarioOf);

// The run the library continues: the newest one; a fresh state (no run, meeting 1 next) when
// the trainee has none.
CampaignRunState currentCampaignRun(const Campaign& campaign,
                                    const std::vector<AttemptRecord>& attempts,
                                    const ScenarioById& scenarioOf);

// What the track offers for `state`.
enum class CampaignStep {
    Start,     // no run yet: play meeting 1
    Continue,  // meetings played, none interrupted: play the next one
    Resume,    // the next meeting was interrupted: continue that attempt
    Again,     // every meeting played: a new run from meeting 1
};
CampaignStep campaignStep(const CampaignRunState& state);

// Whether meeting `index` (0-based) may be played now: only the next one of the run, or the
// first of a new run once the run is complete.
bool mayPlayMeeting(const CampaignRunState& state, int index);

// The campaign link a new attempt of meeting `index` records: the run's UUID (`newRun` when
// the state has none or is complete), the meeting and the start it is given.
AttemptCampaign meetingLink(const Campaign& campaign, const CampaignRunState& state, int index,
                            const Scenario& original, const std::string& newRun);

}  // namespace rapport
