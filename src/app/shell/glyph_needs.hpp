// Characters typed or loaded at run time (a trainee's name, a search) that the font atlas may
// lack: noted once each, so the shell rebuilds the atlas with them before the next frame.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace rapport::app {

class GlyphNeeds {
public:
    // Notes the characters of `text` that `font` (may be null: none) has no glyph for and that
    // were not asked for before. ASCII and characters beyond the BMP are never noted.
    void require(std::string_view text, const ImFont* font);
    // Every character noted, as UTF-8.
    const std::string& text() const { return text_; }
    // Changes each time a character is noted.
    std::uint64_t revision() const { return revision_; }

private:
    std::string text_;
    std::u32string requested_;  // so no character is asked for twice
    std::uint64_t revision_ = 0;
};

}  // namespace rapport::app
