// What the HR pages take from the rest of the app: the loaded scenarios (titles for the filter;
// the played file of a stored attempt), their frameworks, and the debrief body the attempt page
// shares with the trainee's debrief.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "app/trainee/debrief_screen.hpp"
#include "core/campaign/campaign.hpp"
#include "core/framework/framework.hpp"
#include "core/library/scenario_library.hpp"

namespace rapport::app {

struct HrSources {
    const ScenarioLibrary& library;
    // The scenario's framework; nullptr when not found.
    std::function<const Framework*(const Scenario&)> frameworkFor;
    std::function<void(const DebriefContent&)> drawDebrief;
    // The library's frameworks, for competency and level names in the reader's language.
    std::vector<std::shared_ptr<const Framework>> frameworks = {};
    // The library's account campaigns, for the trainee page's campaign runs.
    const std::vector<Campaign>* campaigns = nullptr;
};

}  // namespace rapport::app
