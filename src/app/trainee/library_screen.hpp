// Scenario library: a grid of scenario cards with filters by sector and competency and a search
// box; each card starts the scenario in practice or exam mode.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "app/shell/screen_context.hpp"
#include "app/trainee/campaign_track.hpp"
#include "app/trainee/trainee_actions.hpp"
#include "core/campaign/campaign_shelf.hpp"
#include "core/library/scenario_library.hpp"
#include "core/recommendation/next_scenario.hpp"

namespace rapport::app {

struct LibraryScreen {
    LibraryFilter filter;
    bool showProblems = false;  // list of files that did not load, for trainers
    // The campaign tracks drawn above the cards (set by the trainee area before each Draw).
    const std::vector<CampaignCard>* campaigns = nullptr;
    const CampaignShelf* shelf = nullptr;  // the campaigns the cards index, for the filter

    // The cards of `library`, with the competencies named by `competencyName` and the trainee's
    // best score by scenario id from `bestScores`, and `recommended` with its reason above them.
    // A card's buttons call openScenario.
    void Draw(const ScreenContext& ui, const ScenarioLibrary& library,
              const std::function<std::string(const std::string&)>& competencyName,
              const std::map<std::string, int>& bestScores,
              const std::optional<Recommendation>& recommended, TraineeActions& actions);
};

}  // namespace rapport::app
