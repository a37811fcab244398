// One attempt at a scenario from start to ending, the same for the app and `rapport play`: it
// owns the session, applies the late-answer and timeout rules, keeps what every step changed,
// says what the mode lets the trainee see, and hands each decision to the journal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/play/attempt_journal.hpp"
#include "core/play/attempt_mode.hpp"
#include "core/play/clock.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/play/step_effect.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

// Starting over: every attempt of `scenarioId` the trainee left unfinished is set aside
// (abandoned at `nowMs`), so the new attempt is the only one offered for resume later, whichever
// front end started it. Returns the attempts abandoned, newest first. What the archive throws
// propagates (the attempts marked before it stay marked).
std::vector<AttemptRecord> abandonUnfinished(AttemptArchive& archive, const std::string& trainee,
                                             const std::string& scenarioId, std::int64_t nowMs);

class AttemptFlow {
public:
    // A new attempt of `scenario` (which must outlive the flow) on `clock`. `journal`, when
    // given, must outlive the flow too; without it nothing is kept. `timing`: how the trainee's
    // timed moments run (timing.hpp).
    AttemptFlow(const Scenario& scenario, const Clock& clock, AttemptMode mode,
                std::uint64_t seed = 0, AttemptJournal* journal = nullptr,
                Timing timing = Timing::Standard);
    // Continues an attempt from `session`, rebuilt from its journaled steps (the store checks
    // they fit: resume_check.hpp). The earlier steps' effects are replayed as they were shown.
    static AttemptFlow resumed(Session session, AttemptMode mode,
                               AttemptJournal* journal = nullptr);

    const Session& session() const { return session_; }
    const Scenario& scenario() const { return session_.scenario(); }
    AttemptMode mode() const { return mode_; }
    bool finished() const { return session_.finished(); }
    // What each decision changed, one per transcript step.
    const std::vector<StepEffect>& effects() const { return effects_; }
    // Whether the trainee sees the replies' feedback, and the client's meters, now: always once
    // the conversation has ended, during it only as the mode says.
    bool feedbackVisible() const { return feedbackShownDuringPlay(mode_) || finished(); }
    bool metersVisible() const { return metersShownDuringPlay(mode_) || finished(); }

    // The late-answer rule: on a timed node whose limit has passed, an answer counts as no
    // answer (the client did not wait).
    bool answerTooLate() const;

    enum class Result {
        Taken,     // the reply was taken (effects().back() says what it changed)
        TimedOut,  // the answer came too late: the timeout was taken instead
        Refused,   // finished, or no such shown choice: nothing changed
        Failed     // the reply's `set` failed at run time: nothing changed, see lastError()
    };
    // Answers with the shown choice at `position` (0-based among session().choices()), then
    // journals the decision, unless it reached the ending: that last decision is the finish's to
    // journal, with the score, in one transaction (AttemptRecorder::finish).
    Result choose(int position);
    // Takes the timeout when the current node is timed and its limit has passed, then journals
    // it; false (nothing changed) otherwise.
    bool expireIfDue();
    // Takes the current timed node's timeout now (scripted play lets a timer run out). Throws
    // SessionError when the node is not timed.
    void timeout();
    const std::string& lastError() const { return session_.lastError(); }
    // Scripted play (scripted_play.hpp) on this attempt: each answer is taken at its simulated
    // time, so the late-answer rule does not apply; each decision is kept and journaled. Returns
    // what playScript returns.
    std::string playScript(ManualClock& clock, const std::vector<ScriptEntry>& script);
    // One scripted answer (playScriptEntry) on this attempt, kept and journaled like a choice:
    // for front ends where time is simulated, such as the play protocol. Returns what
    // playScriptEntry returns; nothing changes on an error. Refused (an error) when finished.
    std::string playEntry(ManualClock& clock, const ScriptEntry& entry);

private:
    AttemptFlow(Session session, AttemptMode mode, AttemptJournal* journal);
    void stepped(const std::vector<std::int64_t>& before);

    Session session_;
    AttemptMode mode_;
    AttemptJournal* journal_;
    std::vector<StepEffect> effects_;
};

}  // namespace rapport
