#include "core/play/attempt_flow.hpp"

namespace rapport {

std::vector<AttemptRecord> abandonUnfinished(AttemptArchive& archive, const std::string& trainee,
                                             const std::string& scenarioId, std::int64_t nowMs) {
    std::vector<AttemptRecord> open = archive.incomplete(trainee, scenarioId);
    for (const AttemptRecord& a : open) archive.markAbandoned(a.id, nowMs);
    return open;
}

AttemptFlow::AttemptFlow(const Scenario& scenario, const Clock& clock, AttemptMode mode,
                         std::uint64_t seed, AttemptJournal* journal, Timing timing)
    : AttemptFlow(Session(scenario, clock, seed, ReplyOrder::Seeded, timing), mode, journal) {}

AttemptFlow::AttemptFlow(Session session, AttemptMode mode, AttemptJournal* journal)
    : session_(std::move(session)), mode_(mode), journal_(journal) {}

AttemptFlow AttemptFlow::resumed(Session session, AttemptMode mode, AttemptJournal* journal) {
    AttemptFlow flow(std::move(session), mode, journal);
    flow.effects_ = replayEffects(flow.session_);
    return flow;
}

bool AttemptFlow::answerTooLate() const {
    return !finished() && session_.timed() && session_.timeExpired();
}

void AttemptFlow::stepped(const std::vector<std::int64_t>& before) {
    effects_.push_back(
        stepEffect(scenario(), session_.transcript().steps.back(), before, session_));
    // The decision that reaches the ending is journaled by the finish, in the same transaction
    // as the score: journaled now, a kill while scoring would leave an attempt "in progress"
    // with every step on disk, which HR reads as incomplete.
    if (journal_ && !finished()) journal_->record(session_);
}

AttemptFlow::Result AttemptFlow::choose(int position) {
    if (finished() || position < 0 || position >= int(session_.choices().size()))
        return Result::Refused;
    if (answerTooLate()) {
        timeout();
        return Result::TimedOut;
    }
    const auto before = session_.variables();
    if (!session_.choose(position)) return Result::Failed;
    stepped(before);
    return Result::Taken;
}

bool AttemptFlow::expireIfDue() {
    if (!answerTooLate()) return false;
    timeout();
    return true;
}

void AttemptFlow::timeout() {
    const auto before = session_.variables();
    session_.timeout();
    stepped(before);
}

std::string AttemptFlow::playScript(ManualClock& clock, const std::vector<ScriptEntry>& script) {
    std::vector<std::int64_t> before = session_.variables();
    return rapport::playScript(session_, clock, script, [&](const Session&) {
        stepped(before);
        before = session_.variables();
    });
}

std::string AttemptFlow::playEntry(ManualClock& clock, const ScriptEntry& entry) {
    if (finished()) return "the conversation has ended";
    const auto before = session_.variables();
    std::string error = playScriptEntry(session_, clock, entry);
    if (error.empty()) stepped(before);
    return error;
}

}  // namespace rapport
