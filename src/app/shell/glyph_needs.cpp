#include "app/shell/glyph_needs.hpp"

#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace rapport::app {

void GlyphNeeds::require(std::string_view text, const ImFont* font) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        const std::string_view bytes(p, std::size_t(n));
        p += n;
        // ImWchar is 16 bits in Debian's build: nothing beyond the BMP can be in the atlas.
        if (c < 0x80 || c > 0xFFFF) continue;
        if (font && font->FindGlyphNoFallback(ImWchar(c))) continue;
        if (requested_.find(char32_t(c)) != std::u32string::npos) continue;
        requested_ += char32_t(c);
        text_ += bytes;
        ++revision_;
    }
}

}  // namespace rapport::app
