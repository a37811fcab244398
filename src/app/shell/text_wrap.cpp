#include "app/shell/text_wrap.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the window's current text wrap position

#include <cfloat>
#include <cstdint>
#include <unordered_map>

#include "core/text/line_break.hpp"

namespace rapport::app::ui {

namespace {

// Bounded: screens show a few hundred texts; a long session (the HR pages, many transcripts)
// starts over rather than grow without end.
constexpr std::size_t kMaxCached = 4096;

std::string cacheKey(std::string_view text, float width, float fontSize) {
    const ImFont* font = ImGui::GetFont();
    std::string key;
    key.reserve(text.size() + 48);
    key += std::to_string(reinterpret_cast<std::uintptr_t>(font));
    key += '|';
    key += std::to_string(static_cast<int>(fontSize * 10));
    key += '|';
    key += std::to_string(static_cast<int>(width));
    key += '|';
    key += text;
    return key;
}

TextMeasure measureAt(float size) {
    ImFont* font = ImGui::GetFont();
    return [font, size](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    };
}

}  // namespace

std::string wrappedText(std::string_view text, float width) {
    return wrappedText(text, width, ImGui::GetFontSize());
}

float widestWord(std::string_view text, float fontSize) {
    return widestUnbreakable(text, measureAt(fontSize));
}

std::string wrappedText(std::string_view text, float width, float size) {
    static std::unordered_map<std::string, std::string> cache;
    std::string key = cacheKey(text, width, size);
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= kMaxCached) cache.clear();
    const TextMeasure measure = measureAt(size);
    // Whole pixels, as the cache key: a width that moves by a fraction re-wraps nothing.
    std::string lines = wrapText(text, static_cast<float>(static_cast<int>(width)), measure);
    return cache.emplace(std::move(key), std::move(lines)).first->second;
}

float wrapWidthAtCursor() {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float wrapPos = window->DC.TextWrapPos;
    return ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrapPos < 0 ? 0.0f : wrapPos);
}

}  // namespace rapport::app::ui
