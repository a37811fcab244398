// What happened in a session, step by step: the record that scoring, the results store and the
// debrief all read. Self-contained (ids and texts, not indices) so it survives on disk.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/play/reply_order.hpp"
#include "core/play/timing.hpp"

namespace rapport {

struct Scenario;
struct Choice;

struct TranscriptStep {
    int step = 0;                           // 1-based
    std::string node;                       // node id where the decision was made
    std::string textShown;                  // the client's line as shown (after variants)
    std::vector<std::string> choicesShown;  // ids of the choices offered, in display order
    std::string choice;                     // id of the choice taken; empty on a timeout
    int choiceNumber = 0;                   // 1-based position among choicesShown; 0 on a timeout
    std::string choiceText;                 // the trainee's line; empty on a timeout
    std::int64_t timeTakenMs = 0;           // from entering the node to answering
    bool timedOut = false;
    std::string next;  // node id entered afterwards
};

struct Transcript {
    std::string scenarioId;
    std::string scenarioVersion;
    std::string contentHash;
    // The alternate form played (Scenario::alternate); empty for the original, and in records
    // made before scenarios had alternates.
    std::string alternate;
    std::uint64_t seed = 0;
    // How the replies were ordered (reply_order.hpp). Records made before replies were shuffled
    // carry no order and read as Authored.
    ReplyOrder replyOrder = ReplyOrder::Seeded;
    // How timed moments ran (timing.hpp): the trainee's choice, a condition of the attempt.
    Timing timing = Timing::Standard;
    std::vector<TranscriptStep> steps;
    std::string endingNode;  // empty while unfinished
};

// The JSON form used by saved sessions, `rapport play --json`, scoring and the results store:
// {"scenario","version","contentHash","alternate"?,"seed","replyOrder"?,"steps":[{step,node,textShown,
// choicesShown,choice,choiceNumber,choiceText,timeTakenMs,timedOut,next}],"endingNode": id or
// null}. "replyOrder": "seeded" is written when the seed is not 0; under seed 0 both orders are
// file order, so the record stays as it always was. Absent, it reads as "authored".
// "alternate" is written only for an alternate form, so records of originals are unchanged.
// "timing": "extended-x2" | "untimed" is written when timed moments were adjusted; absent, it
// reads as "standard".
nlohmann::json transcriptToJson(const Transcript& t);
// Strict inverse of transcriptToJson; throws SessionError naming the bad field on malformed input
// (wrong types, unknown keys other than "x-…", steps that do not follow on from each other).
Transcript transcriptFromJson(const nlohmann::json& j);

// The scenario's choice the trainee took at `step` (for its feedback and evidence); nullptr on a
// timeout, or when the scenario no longer has that node or choice.
const Choice* takenChoice(const Scenario& scenario, const TranscriptStep& step);

}  // namespace rapport
