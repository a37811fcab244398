// Playing a campaign: how one meeting's final state becomes the next meeting's start, and how
// the meetings' score reports add up to the campaign's (docs/campaign-format.md, "Scoring").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/campaign/campaign.hpp"
#include "core/reports/report_model.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/score_report.hpp"

namespace rapport {

// The variables a meeting starts with other than their declared initial values, in the
// campaign's carry order: (variable id of the meeting's scenario, value).
using CarriedStart = std::vector<std::pair<std::string, std::int64_t>>;

// What `meeting` starts from when the meeting before it (`previous`) ended with `finalValues`
// (Session::variables()). The campaign must have passed checkCampaign.
CarriedStart carriedStart(const CampaignMeeting& meeting, const Scenario& previous,
                          const std::vector<std::int64_t>& finalValues);

// A copy of `scenario` whose variables start from `start` (clamped to a meter's range, as play
// clamps). Playing, resuming and scoring this copy is exact for the carried start: the best and
// worst paths are searched from it, not from the file's initial values. Throws
// std::invalid_argument when `start` names a variable the scenario does not declare.
Scenario startingFrom(const Scenario& scenario, const CarriedStart& start);

// Whether `scenario`'s variables start where startingFrom(…, start) makes them start: true for
// the copy a meeting was played on, false for the file's own scenario under a carried start
// that changes something.
bool startsFrom(const Scenario& scenario, const CarriedStart& start);

// The scenario a recorded attempt was played on: `original` itself for a lone attempt, and for a
// campaign meeting the copy starting from the attempt's recorded carried start, so a resume
// replays and the score is searched from the start the trainee really had. Throws
// std::invalid_argument when the recorded start does not fit `original`.
Scenario meetingScenario(const Scenario& original, const AttemptRecord& attempt);

// All of `scenario`'s variables by id, {"trust": 71, "promised_refund": false}: how a record
// keeps an attempt's final state.
nlohmann::json variablesToJson(const Scenario& scenario, const std::vector<std::int64_t>& values);
// The values in `scenario`'s variable order: the declared initial values, overlaid by what `j`
// holds for declared variables (others are ignored: the scenario may have changed since).
std::vector<std::int64_t> variablesFromJson(const Scenario& scenario, const nlohmann::json& j);

// {"trust": 12, "promised_refund": true} — how a record keeps a carried start.
nlohmann::json carriedStartToJson(const Scenario& scenario, const CarriedStart& start);
// Throws std::invalid_argument on a value that is not an object of declared variables.
CarriedStart carriedStartFromJson(const Scenario& scenario, const nlohmann::json& j);

struct CampaignMeetingResult {
    std::string scenarioId;
    std::optional<double> score;  // absent while not played
    bool passed = false;
};

struct CampaignScore {
    int meetings = 0;
    int played = 0;                              // meetings with a finished report, from the first
    std::optional<double> score;                 // mean of the played meetings' scores, one decimal
    bool complete = false;                       // every meeting played
    bool passed = false;                         // complete and every meeting passed on its own
    std::optional<int> nextMeeting;              // 0-based index of the meeting to play next
    std::vector<CampaignMeetingResult> results;  // one per meeting, in order
    CarriedStart accountState;  // the last played meeting's final values of what the campaign
                                // carries, by that meeting's variable names
};

// `reports` holds the finished meetings' reports in order (fewer than the meetings while the
// campaign is under way); `lastFinal` the last of them's final variables, `lastScenario` its
// scenario. No competency levels are averaged: each meeting's report gives its own, on its own
// evidence.
CampaignScore scoreCampaign(const Campaign& campaign, const std::vector<ScoreReport>& reports,
                            const Scenario* lastScenario,
                            const std::vector<std::int64_t>& lastFinal);
// The same from the played meetings' scores and pass marks only (as the results store keeps
// them: each element's scenarioId, score and passed; score must be set).
CampaignScore scoreCampaignResults(const Campaign& campaign,
                                   const std::vector<CampaignMeetingResult>& played,
                                   const Scenario* lastScenario,
                                   const std::vector<std::int64_t>& lastFinal);

nlohmann::json campaignScoreToJson(const Campaign& campaign, const CampaignScore& score);

}  // namespace rapport
