// An unfinished attempt found when the trainee opened a scenario: the resume prompt offers to
// resume it or start over.
#pragma once

#include <string>

#include "core/play/attempt_mode.hpp"
#include "core/reports/report_model.hpp"

namespace rapport::app {

struct ResumeOffer {
    int entry = -1;
    AttemptMode requested = AttemptMode::Practice;  // the mode the trainee clicked
    AttemptRecord attempt;
    std::string problem;  // why it cannot be resumed (scenario file changed, …); empty if it can
};

}  // namespace rapport::app
