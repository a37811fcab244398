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

std::string cacheKey(std::string_view text, float width) {
    const ImFont* font = ImGui::GetFont();
    std::string key;
    key.reserve(text.size() + 48);
    key += std::to_string(reinterpret_cast<std::uintptr_t>(font));
    key += '|';
    key += std::to_string(static_cast<int>(ImGui::GetFontSize() * 10));
    key += '|';
    key += std::to_string(static_cast<int>(width));
    key += '|';
    key += text;
    return key;
}

}  // namespace

std::string wrappedText(std::string_view text, float width) {
    static std::unordered_map<std::string, std::string> cache;
    std::string key = cacheKey(text, width);
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= kMaxCached) cache.clear();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const auto measure = [font, size](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    };
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
