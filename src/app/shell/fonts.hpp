// Fonts: DejaVu Sans (Latin, Cyrillic) merged with a CJK font, both found with fontconfig, holding
// only the glyphs the loaded scenarios and the UI actually use, so Japanese keeps the atlas small.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/scenario.hpp"

namespace rapport::app {

struct FontFiles {
    std::string text;   // Latin + Cyrillic; empty when not found
    int textIndex = 0;  // face index inside a .ttc
    std::string cjk;    // Japanese / Chinese; empty when not found
    int cjkIndex = 0;
};

// Asks fontconfig for a sans font covering Cyrillic and one covering Japanese. A font that is
// missing leaves its path empty and adds a line to `warnings`; never throws.
FontFiles findFontFiles(std::vector<std::string>& warnings);

struct FontSet {
    ImFont* body = nullptr;     // conversation text, buttons
    ImFont* small = nullptr;    // captions, metadata
    ImFont* heading = nullptr;  // card titles, section heads
    ImFont* title = nullptr;    // screen titles, scores
};

// Appends every text a trainee may see in `s` (titles, client card, lines, choices, feedback,
// endings, meter labels) to `out`, so the atlas can hold exactly their glyphs.
void collectScenarioText(const Scenario& s, std::string& out);

// UI strings beyond ASCII (symbols the screens draw), always added to the glyph set.
std::string_view uiExtraGlyphs();

// Clears `atlas` and loads the four sizes at `scale`, with glyphs for ASCII, Latin-1, Cyrillic
// (plus kana and CJK punctuation when a CJK font exists) and every character in `texts`.
// `ranges` must outlive the atlas build (ImGui keeps a pointer).
// Falls back to ImGui's built-in font (ASCII only) with a warning when no text font exists.
FontSet loadFonts(ImFontAtlas& atlas, const FontFiles& files, float scale, std::string_view texts,
                  ImVector<ImWchar>& ranges, std::vector<std::string>& warnings);

}  // namespace rapport::app
