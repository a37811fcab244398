// Who says a node's line, in one form for every place that shows or records it (conversation,
// debrief, CLI, protocol): the client, the narrator or a named speaker of "speakers".
#pragma once

#include <string>

#include "core/scenario/scenario.hpp"

namespace rapport {

struct LineSpeaker {
    std::string key;       // "client", "narrator" or the key in "speakers"
    std::string name;      // empty for the narrator
    std::string role;      // may be empty
    std::string portrait;  // as written in the scenario; may be empty
    bool narrator = false;
    bool client = false;
};

LineSpeaker lineSpeaker(const Scenario& s, const Node& n);

// "Name: " for a line the transcript prints, "" for the narrator. Scenarios without named
// speakers keep their unnamed client lines, so their printed transcripts stay as they were.
std::string speakerPrefix(const Scenario& s, const Node& n);

}  // namespace rapport
