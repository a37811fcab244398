#include "core/play/resume_check.hpp"

namespace rapport {

ResumeRefusal resumeRefusal(const AttemptRecord& attempt, const Scenario& scenario) {
    if (attempt.status != AttemptStatus::InProgress) return ResumeRefusal::NotInProgress;
    if (attempt.scenarioId != scenario.id) return ResumeRefusal::OtherScenario;
    if (attempt.contentHash != scenario.contentHash) return ResumeRefusal::ScenarioChanged;
    return ResumeRefusal::None;
}

}  // namespace rapport
