// Whether a stored, unfinished attempt may be continued on the scenario as loaded now. The app's
// resume offer and the store's AttemptRecorder::resume ask this one function; each words the
// refusal for its reader.
#pragma once

#include "core/reports/report_model.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

enum class ResumeRefusal {
    None,            // it can be continued
    NotInProgress,   // finished or abandoned already
    OtherScenario,   // an attempt of another scenario id
    ScenarioChanged  // made on another version of the file (content hash): choices may not fit
};

ResumeRefusal resumeRefusal(const AttemptRecord& attempt, const Scenario& scenario);

}  // namespace rapport
