#include "core/translation/mo_file.hpp"

#include <cstdint>
#include <fstream>
#include <iterator>

namespace rapport {

namespace {

// The .mo layout (gettext manual, "The Format of GNU MO Files"): a magic number that also tells
// the byte order, then the count of strings and the offsets of the two (length, offset) tables.
constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

std::uint32_t swap(std::uint32_t v) {
    return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

}  // namespace

std::string moTranslationsText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto word = [&](std::size_t at, bool swapped, std::uint32_t& out) {
        if (at + 4 > data.size()) return false;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= std::uint32_t(std::uint8_t(data[at + i])) << (8 * i);
        out = swapped ? swap(v) : v;
        return true;
    };
    std::uint32_t magic = 0;
    if (!word(0, false, magic) || (magic != kMagic && magic != kMagicSwapped)) return {};
    const bool swapped = magic == kMagicSwapped;
    std::uint32_t count = 0, translations = 0;
    if (!word(8, swapped, count) || !word(16, swapped, translations)) return {};
    std::string out;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t length = 0, offset = 0;
        if (!word(translations + std::size_t(i) * 8, swapped, length) ||
            !word(translations + std::size_t(i) * 8 + 4, swapped, offset))
            break;
        if (std::size_t(offset) + length > data.size()) break;
        // Plural forms are separated by NUL, which would end the text for a C API (ImGui's glyph
        // ranges): a newline stands in, the glyphs are what matters.
        for (std::size_t k = offset; k < std::size_t(offset) + length; ++k)
            out.push_back(data[k] == '\0' ? '\n' : data[k]);
        out.push_back('\n');
    }
    return out;
}

}  // namespace rapport
