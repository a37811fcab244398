// Playing a scenario from a list of choices, as `rapport play --choices` and the golden
// transcript tests do. The rules of a script live here so the CLI and the tests share them.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/play/clock.hpp"
#include "core/play/session.hpp"

namespace rapport {

// One entry of a script: a 1-based position among the choices shown at that step, or "t" to let
// the timer of a timed node run out.
struct ScriptEntry {
    bool timeout = false;
    int position = 0;  // 1-based; 0 when timeout
};

// Parses "2,1,t,3" (spaces allowed around entries; empty text = empty script). Returns nullopt
// and sets `error` when an entry is neither a positive number nor "t".
std::optional<std::vector<ScriptEntry>> parseChoiceScript(std::string_view text,
                                                          std::string& error);

// Simulated time per answer in scripted play: each numbered choice is taken this long after its
// node was entered, so transcripts show plausible, reproducible times.
inline constexpr std::int64_t kScriptedAnswerMs = 1000;

// Takes one script entry on `session` (not finished) at its simulated time: a numbered choice
// kScriptedAnswerMs after the node was entered, a "t" at the node's time limit. Returns an empty
// string when it was taken, otherwise why not ("step 4: choice 5 is not shown at node \"price\"
// (1-3 are)"), the session unchanged.
std::string playScriptEntry(Session& session, ManualClock& clock, const ScriptEntry& entry);

// Plays `script` on `session` (driven by `clock`). A "t" advances the clock to the node's time
// limit and takes the timeout. Returns an empty string when the script reached an ending with
// no entries left, otherwise a message naming the step ("step 4: choice 5 is not shown at node
// \"price\" (1-3 are)"); the session is left where the script stopped. `afterStep`, when given, is
// called after each decision the script makes (a recording front end journals it there); what it
// throws propagates.
std::string playScript(Session& session, ManualClock& clock, const std::vector<ScriptEntry>& script,
                       const std::function<void(const Session&)>& afterStep = {});

// The document `rapport play --json` prints: {"scenario": {id, version, title, contentHash},
// "seed", "replyOrder"? (as the transcript writes it), "ending": {node, outcome, title} or null,
// "transcript": [steps], "variables": {...}}.
nlohmann::json playResultToJson(const Session& session);

}  // namespace rapport
