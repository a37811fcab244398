// The scenario of one alternate form: the source file's text with the alternate's texts spliced
// in (core/authoring/json_text_splice.hpp) and loaded by the normal loader. So it is a full
// Scenario with its own content hash (a record shows what the trainee saw) that validates and
// scores exactly like the original: nothing but wording changes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/checks/scenario_check.hpp"
#include "core/diagnostics/diagnostic.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

// The alternate's file text: texts replaced, "alternates" removed (an alternate has none of its
// own) and an "x-alternate" member naming the source and the alternate. `source` was loaded
// from `sourceText`; `alternate` is one of source.alternates.
std::string alternateText(const Scenario& source, std::string_view sourceText,
                          const Alternate& alternate);

// The alternate `id` of `source` prepared by the one check pipeline (core/checks/scenario_check),
// so it is played, scored and analysed like any file; its scenario has `alternate` and
// `alternateName` set. An error when the source has no such alternate (naming those it has).
ScenarioCheck checkAlternate(const Scenario& source, std::string_view sourceText,
                             std::string_view id);

// The content hash of each form, "" for the original then the alternates' ids: what tells which
// form a recorded attempt was played on (its content hash).
std::map<std::string, std::string> formHashes(const Scenario& source, std::string_view sourceText);

}  // namespace rapport
