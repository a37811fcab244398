// The JSON Lines play protocol (`rapport play FILE --protocol`, docs/cli.md): one attempt driven
// by answers one per line, told as events, one JSON object each, for bots, tests and other
// tools. The rules live here; a front end only moves lines between its streams and this class.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/play/attempt_flow.hpp"
#include "core/play/clock.hpp"

namespace rapport {

class PlayProtocol {
public:
    // Events are ordered_json: their keys keep the documented order, "event" first.
    using Emit = std::function<void(const nlohmann::ordered_json& event)>;
    // The score report of the ended session, as the "report" of the ending event.
    using Report = std::function<nlohmann::json(const Session& ended)>;

    // Drives `flow`, whose clock must be `clock`: time is simulated as in scripted play (an
    // answer is taken 1 s after its question, a timeout at the limit), so a bot may answer when
    // it likes and the transcript is the same however fast it was. Every argument must outlive
    // the protocol.
    PlayProtocol(AttemptFlow& flow, ManualClock& clock, Emit emit, Report report);

    // Emits "start", then the current node: a "document" for each document open so far, its
    // "line", and "choose" or "ending".
    void start();
    // Takes one answer line: {"choice": ID} (a choice shown now) or {"timeout": true} (on a
    // timed node). Then, in practice mode, "feedback", and the next node's events. An answer that
    // does not fit gets an "error" event and the same "choose" again, nothing changed. Ignored
    // once finished.
    void answer(std::string_view line);
    bool finished() const { return flow_->finished(); }

private:
    void emitNode();
    void emitDocuments();
    void emitChoose();
    void error(const std::string& message);

    AttemptFlow* flow_;
    ManualClock* clock_;
    Emit emit_;
    Report report_;
    std::size_t documentsSent_ = 0;  // open documents already told (the list only grows)
};

}  // namespace rapport
