// What one decision changed, as the trainee is told it: the reply's feedback (one fixed text on
// a timeout) and the client's meters that moved. The app's conversation and debrief and
// `rapport play` all read these, so a timeout or a meter move is described the same everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/play/session.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

// The one text a timed-out step shows as its feedback.
extern const char* const kTimeoutFeedback;
// What stands in for the trainee's reply on a timed-out step, wherever a transcript is shown.
extern const char* const kNoAnswer;

struct MeterChange {
    std::string label;
    std::int64_t before = 0, after = 0;
};

struct StepEffect {
    bool timedOut = false;
    // The taken choice's feedback (empty when it has none); kTimeoutFeedback on a timeout.
    std::string feedback;
    std::vector<MeterChange> meters;  // meters that moved, in the scenario's meter order
};

// The meters of `scenario` whose variable differs between `before` (the variables before the
// decision) and `after`.
std::vector<MeterChange> meterChanges(const Scenario& scenario,
                                      const std::vector<std::int64_t>& before,
                                      const Session& after);

// The effect of `step`, the decision that took the session from variables `before` to `after`.
StepEffect stepEffect(const Scenario& scenario, const TranscriptStep& step,
                      const std::vector<std::int64_t>& before, const Session& after);

// The feedback the scenario gives for the reply taken at `step`; empty on a timeout or when the
// reply has none.
const std::string& replyFeedback(const Scenario& scenario, const TranscriptStep& step);
// The feedback shown for `step` (live, in a transcript, in the debrief): the reply's, or
// kTimeoutFeedback on a timeout.
std::string stepFeedback(const Scenario& scenario, const TranscriptStep& step);

// The effects of a resumed session's earlier steps, as they were shown live: each step is taken
// again on a fresh session of the same seed (the meters move as they did then). Stops at a step
// that no longer fits (resume refuses a changed scenario, so only a damaged journal gets there):
// those steps have no effect listed.
std::vector<StepEffect> replayEffects(const Session& resumed);

}  // namespace rapport
