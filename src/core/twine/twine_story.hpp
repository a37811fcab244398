// The neutral model of a Twine story that both readers (Twee 3 and Twine 2 published HTML)
// produce and the importer turns into a scenario. It keeps where each passage came from, so
// everything the importer reports points at a line of the original file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"

namespace rapport {

struct TwinePassage {
    std::string name;
    std::vector<std::string> tags;
    std::string text;       // decoded passage text, lines joined with '\n'
    SourcePosition header;  // the ":: Name" line or the <tw-passagedata> tag
    // Where each line of `text` starts: its byte offset in `text` and its place in the file.
    // Always at least one entry; both vectors have the same size.
    std::vector<std::size_t> lineOffsets;
    std::vector<SourcePosition> lineStarts;
    std::optional<std::pair<double, double>> mapPosition;  // the passage's place on Twine's map

    // Place in the file of the byte at `offset` in `text` (column counted in code points).
    SourcePosition positionOf(std::size_t offset) const;
};

struct TwineStory {
    std::string title;             // StoryTitle / <tw-storydata name>; may be empty
    std::string start;             // name of the start passage; empty when none was given
    SourcePosition startDeclared;  // where the start was declared (or the story begins)
    std::string ifid, format, formatVersion;
    std::vector<TwinePassage> passages;  // in file order, StoryTitle and StoryData excluded
};

}  // namespace rapport
