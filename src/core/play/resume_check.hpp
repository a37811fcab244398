// Whether a stored, unfinished attempt may be continued on the scenario as loaded now, and the
// session it continues from. The app's resume offer and the store's AttemptRecorder::resume ask
// these functions; each words the refusal for its reader.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "core/play/transcript.hpp"
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

// The session an unfinished attempt continues from, rebuilt from its journal: the journal is the
// truth, the saved state only a copy. A fresh session of the journal's seed takes every
// journaled decision again, from the start, at the time each took; each must be one the replay
// shows, made at the node, with the line and the choices the journal recorded. `saved` (the
// Session::save() journaled with the last step; null when no step was journaled) must then be
// exactly the state the replay reached, but for the time already spent in the current node,
// which it supplies. The returned session runs on `clock`. Throws SessionError saying what does
// not match (an edited or damaged record): nothing may be continued from it.
Session resumeFromJournal(const Scenario& scenario, const Clock& clock, const Transcript& journal,
                          const nlohmann::json& saved);

}  // namespace rapport
