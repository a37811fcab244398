// A scenario's texts as a translation catalogue, and a localised scenario made from one
// (`rapport strings export|import`, docs/translation.md).
//
// Every text a trainee or HR reads has a stable id, its msgctxt: "node/hello/text",
// "node/hub/choice/ask-budget/feedback", "node/won/ending/title", "client/description", … Ids
// come from node and choice ids, so a catalogue survives reordering and edits elsewhere; an
// entry changes only when its own source text does. Each entry carries context for the
// translator: who speaks, the line before, the competency a reply evidences, the source length.
//
// A localised scenario is the source file with only its texts replaced, spliced into the
// author's own text (comments and layout kept), its `language` and `id` set, and an
// `x-translation` member naming the source: it validates and scores exactly like its source
// because nothing else changes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/scenario/scenario.hpp"
#include "core/translation/po_file.hpp"

namespace rapport {

struct ScenarioString {
    std::string context;             // stable id (msgctxt)
    std::string pointer;             // JSON pointer of the string in the scenario file
    std::string text;                // the source text
    std::vector<std::string> notes;  // for the translator (#. lines)
    int line = 0;                    // line in the scenario file, for the #: reference
};

// Every translatable text of a loaded scenario, in file order of nodes.
std::vector<ScenarioString> scenarioStrings(const Scenario& scenario);

// A fresh catalogue for translating `scenario` into `language`: a header naming the scenario,
// its version and both languages, and one untranslated entry per text. `reference` is the file
// name the #: lines give.
PoFile scenarioCatalogue(const Scenario& scenario, const std::string& language,
                         const std::string& reference);

// After msgmerge, the catalogue is reconciled by msgctxt, the text's stable id, which msgmerge
// does not use for matching:
// - a fuzzy guess msgmerge took from ANOTHER text (a different msgctxt) is not a translation of
//   this one: dropped, the entry left untranslated;
// - an entry whose own source text changed too much for msgmerge's similarity match gets its
//   old translation back, marked fuzzy with the previous source text, and the obsolete copy
//   msgmerge made of it is removed.
// So exactly the texts whose source changed are fuzzy, new texts are untranslated, and every
// other translation stays. `previous` is the catalogue as it was before the merge.
struct Reconciled {
    std::size_t droppedGuesses = 0;
    std::size_t recovered = 0;
};
Reconciled reconcileByContext(PoFile& merged, const PoFile& previous);

// The catalogue's language from its "Language:" header as a BCP 47 tag: gettext's "ru_RU" and
// "ru-RU" name the same language, and a "@modifier" is dropped. Empty when the header has none.
std::string catalogueLanguage(const PoFile& po);

struct CatalogueCounts {
    std::size_t entries = 0;     // texts of the scenario
    std::size_t translated = 0;  // with a current, non-fuzzy translation
    std::size_t fuzzy = 0;       // whose source changed since translated
    std::size_t untranslated = 0;
};
CatalogueCounts countCatalogue(const PoFile& po);

struct LocaliseOptions {
    std::string id;      // of the localised scenario; empty = "<source id>-<language>"
    std::string poName;  // the catalogue's file name, for diagnostics and x-translation
};

struct Localisation {
    std::string text;            // the localised scenario file; empty when it cannot be made
    std::string language;        // from the catalogue's Language header
    DiagnosticList diagnostics;  // about the catalogue (located in it)
    CatalogueCounts counts;
    std::size_t stale = 0;  // translations of an older source text, not used
};

// Makes the localised scenario from `source` (loaded from `sourceText`) and catalogue `po`.
// Untranslated, fuzzy and stale entries keep the source text and are reported as warnings;
// a catalogue without a language, or in the source's own language, is an error.
Localisation localiseScenario(const Scenario& source, std::string_view sourceText, const PoFile& po,
                              const LocaliseOptions& options);

}  // namespace rapport
