// The surface cues a test-wise trainee reads instead of meaning: how long a reply is, whether it
// asks a question, opens with an acknowledgement or apology, quotes figures, or uses a risky word
// (a discount, a guarantee, a promise). The word lists are one data table per language
// (surface_cues.cpp, listed in docs/analysis.md); a scenario's language picks its table by the
// primary subtag ("ja-JP" reads as "ja"), and a language without a table reads as English.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct SurfaceCueTable {
    std::string language;                 // "en", "ja", "ru"
    std::vector<std::string> openers;     // acknowledgement and apology openers
    std::vector<std::string> riskyWords;  // matched anywhere in a reply, as word stems
};

// The table for a scenario's BCP 47 language tag; English when there is none for it.
const SurfaceCueTable& surfaceCuesFor(std::string_view language);

// Every table, English first (for the docs and the tests).
const std::vector<SurfaceCueTable>& surfaceCueTables();

// Length in characters: UTF-8 code points (a Japanese reply is not three times an English one).
int replyLength(std::string_view text);

// A "?" or a fullwidth "？" anywhere in the reply.
bool hasQuestionMark(std::string_view text);

// A digit in any form a reply writes figures with: 0-9 or fullwidth ０-９.
bool hasFigures(std::string_view text);

// The reply starts (after spaces and opening quotes or brackets) with one of the table's
// openers, compared without case for Latin and Cyrillic letters and with ’ read as '. An opener
// ending in a letter must end a word there: "I see" does not open "I seem".
bool opensWithAcknowledgement(std::string_view text, const SurfaceCueTable& cues);

// One of the table's risky words occurs anywhere in the reply, compared without case.
bool hasRiskyWord(std::string_view text, const SurfaceCueTable& cues);

}  // namespace rapport
