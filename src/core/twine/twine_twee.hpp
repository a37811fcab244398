// Reads Twee 3 source (the text format of Twine stories; extwee, Tweego and Twine 2.6+ write it)
// into the neutral TwineStory.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics/diagnostic.hpp"
#include "core/twine/twine_story.hpp"

namespace rapport {

// Reads passages (":: Name [tags] {metadata}" and the lines below), StoryTitle and StoryData.
// `text` must be valid UTF-8. A broken header, tag list or metadata is reported (RAP0071) and
// read as far as it goes; returns nothing, with RAP0070, when the text holds no passage at all.
std::optional<TwineStory> parseTwee(std::string_view text, const std::string& file,
                                    DiagnosticList& diags);

// True when `text` nests JSON brackets no deeper than `limit`, so parsing it stays cheap.
bool jsonNestingWithin(std::string_view text, int limit);

}  // namespace rapport
