// The validator's checks of a scenario's alternate forms: every key names a text of the
// scenario that an alternate may change, and the replacement text is checked as the
// original's is (text variables). Shape problems (types, empty texts, duplicate ids) are the
// loader's.
#pragma once

#include <string_view>

#include "core/diagnostics/diagnostic.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

// True for the ids of the texts an alternate may replace: the lines of the client, the narrator
// and the speakers (and their variants), the replies' wording, their feedback and the endings'
// titles and summaries, and the client's description in the briefing (it says what manner to
// expect). Never the scenario's card, documents, labels or evidence notes: they carry the facts
// and the scoring key, which are the same in every alternate.
bool isAlternateText(std::string_view stringId);

void checkAlternates(const Scenario& scenario, DiagnosticList& diags);

}  // namespace rapport
