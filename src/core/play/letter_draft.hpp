// The written reply being assembled at a compose part (scenario.hpp, Letter): who it goes to,
// its subject and the paragraphs chosen for the parts before this one, derived from the
// transcript like every other view of the path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

class Session;

struct LetterDraft {
    const Letter* letter = nullptr;
    int part = 0;                         // the part being decided now (0-based)
    std::vector<std::string> paragraphs;  // chosen so far, one per earlier part
};

// The draft when `node` is a part of a written reply; nullopt on any other node.
std::optional<LetterDraft> letterDraft(const Scenario& scenario, const Transcript& transcript,
                                       int node);
std::optional<LetterDraft> letterDraft(const Session& session);

// The whole letter as text: "To: …", "Subject: …", a blank line, then the paragraphs, each
// followed by a blank line; for the CLI and the debrief.
std::string letterText(const LetterDraft& draft);

}  // namespace rapport
