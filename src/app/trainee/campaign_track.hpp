// An account campaign as the trainee sees it: in the library one track with its meetings in
// order, the progress and the account carried, and the one button the run allows (start,
// continue, resume, play again); in a meeting's debrief the campaign's progress and score so
// far. The rules (which meeting is next, what may be played, the score) are core's
// (core/campaign/campaign_progress.hpp); these functions only draw what it says.
#pragma once

#include <string>
#include <vector>

#include "app/shell/screen_context.hpp"
#include "app/trainee/trainee_actions.hpp"
#include "core/campaign/campaign.hpp"
#include "core/campaign/campaign_progress.hpp"

namespace rapport::app {

struct CampaignCard {
    const Campaign* campaign = nullptr;
    int index = -1;                   // the campaign's index in the shelf (openCampaign's)
    CampaignRunState state;           // the trainee's current run
    std::vector<std::string> titles;  // each meeting's scenario title, in order
};

// "Trust 62/100", "Refund promised: yes": the carried values, joined with " · ".
std::string accountText(const std::vector<AccountValue>& account);

// The library's campaign tracks, one full-width card each, in the order given; a card's button
// calls actions.openCampaign(card.index). Draws nothing when `cards` is empty.
void drawCampaignTracks(const ScreenContext& ui, const std::vector<CampaignCard>& cards,
                        TraineeActions& actions);

// The campaign block of a meeting's debrief: the meetings played with their scores, the
// campaign's score so far, what carries into the next meeting.
void drawCampaignProgress(const ScreenContext& ui, const CampaignCard& card);

}  // namespace rapport::app
