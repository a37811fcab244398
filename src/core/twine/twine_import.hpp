// Turns a Twine story (Twee 3 source or Twine 2 published HTML) into a rapport-scenario/1
// document: passages become nodes, links become choices, passage tags node tags, passages
// without links endings. What cannot be mapped (story-format code, broken links, scripts) is
// reported as warnings located in the Twine file. The result still needs a trainer's work —
// client, evidence, feedback — but it loads and validates as it is.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics/diagnostic.hpp"
#include "core/twine/twine_story.hpp"

namespace rapport {

struct TwineImportOptions {
    std::string framework = "account-manager";  // the scenario's "framework"
    std::string id;                             // scenario id; empty = made from the story title
    std::string language = "en";                // Twine does not record the story's language
};

struct TwineImport {
    std::optional<nlohmann::ordered_json> scenario;  // set unless the file held no usable story
    DiagnosticList diagnostics;                      // located in the Twine file
    bool unreadable = false;                         // the file could not be read (RAP0001)
    std::size_t passages = 0, nodes = 0, choices = 0, endings = 0;
};

// Reads `path` (at most the scenario loader's 16 MiB) and imports it. A name ending in
// .html/.htm is read as Twine HTML, .twee/.tw as Twee; otherwise the content decides.
TwineImport importTwineFile(const std::string& path, const TwineImportOptions& options);
// The same for text in memory; `name` names the file in diagnostics and picks the format.
TwineImport importTwineText(std::string_view text, const std::string& name,
                            const TwineImportOptions& options);
// The scenario for a story a reader has produced; adds the mapping's diagnostics to `diags`.
nlohmann::ordered_json twineStoryToScenario(const TwineStory& story, const std::string& name,
                                            const TwineImportOptions& options,
                                            DiagnosticList& diags, TwineImport* counts = nullptr);

// The scenario as file text: indented by two like the bundled scenarios, or compact when the
// indented text would be over the loader's 16 MiB limit (a very large story), so it still loads.
std::string twineScenarioText(const nlohmann::ordered_json& scenario);

// A node or scenario id made from a Twine name: lowercase ASCII letters and digits, other runs
// turned into '-', at most 120 characters; "passage-<hash>" when nothing ASCII is left. The same
// name always gives the same slug.
std::string twineSlug(std::string_view name);

// Whether `id` is a valid scenario id (lowercase letters, digits, '-', '_', '.', at most 128).
bool isValidScenarioId(std::string_view id);

}  // namespace rapport
