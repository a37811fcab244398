#include "app/shell/fit.hpp"

#include <algorithm>
#include <string>

#include "app/shell/widgets.hpp"

namespace rapport::app::ui {

bool TextFittedColored(const ImVec4& color, std::string_view text, float maxWidth) {
    if (maxWidth <= 0) maxWidth = ImGui::GetContentRegionAvail().x;
    maxWidth = std::max(maxWidth, 1.0f);
    const std::string shown = Elide(text, maxWidth);
    const bool shortened = shown.size() != text.size();
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    if (shortened) TooltipBesideLastItem(text);
    return shortened;
}

bool TextFitted(std::string_view text, float maxWidth) {
    return TextFittedColored(ImGui::GetStyleColorVec4(ImGuiCol_Text), text, maxWidth);
}

bool BeginComboFitted(const char* id, std::string_view preview, ImGuiComboFlags flags) {
    const ImGuiStyle& st = ImGui::GetStyle();
    // The preview's room: the frame less its padding and the arrow button.
    const float room = ImGui::CalcItemWidth() - st.FramePadding.x * 2 -
                       ((flags & ImGuiComboFlags_NoArrowButton) ? 0 : ImGui::GetFrameHeight());
    const std::string shown = Elide(preview, std::max(room, 1.0f));
    const bool open = ImGui::BeginCombo(id, shown.c_str(), flags);
    if (!open && shown.size() != preview.size()) TooltipBesideLastItem(preview);
    return open;
}

bool ComboFitted(const char* id, int& current, const char* const options[], int count) {
    const char* preview = current >= 0 && current < count ? options[current] : "";
    if (!BeginComboFitted(id, preview)) return false;
    bool changed = false;
    for (int i = 0; i < count; ++i) {
        ImGui::PushID(i);
        if (ImGui::Selectable(options[i], i == current) && i != current) {
            current = i;
            changed = true;
        }
        if (i == current) ImGui::SetItemDefaultFocus();
        ImGui::PopID();
    }
    ImGui::EndCombo();
    return changed;
}

void SameLineOrWrap(float nextWidth) {
    const float lastRight = ImGui::GetItemRectMax().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (lastRight + spacing + nextWidth <= right) ImGui::SameLine();
}

float ButtonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

void TooltipBesideLastItem(std::string_view text) {
    if (!ImGui::IsItemHovered()) return;
    const ImVec2 itemMin = ImGui::GetItemRectMin(), itemMax = ImGui::GetItemRectMax();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float maxW = std::min(vp->WorkSize.x * 0.6f, ImGui::GetFontSize() * 32.0f);
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, maxW);
    const float h = size.y + pad.y * 2, w = size.x + pad.x * 2;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float left = vp->WorkPos.x, right = vp->WorkPos.x + vp->WorkSize.x;
    const float top = vp->WorkPos.y, bottom = vp->WorkPos.y + vp->WorkSize.y;
    // Beside the item, level with it, so it covers neither the item nor the rows above and
    // below (a table's tooltip used to hide the next trainee); to its left when the right is
    // too narrow; above it as the last resort.
    float x = itemMax.x + gap, y = itemMin.y;
    if (x + w > right) x = itemMin.x - gap - w;
    if (x < left) {
        x = std::clamp(itemMin.x, left, std::max(left, right - w));
        y = itemMin.y - gap - h;
        if (y < top) y = itemMax.y + gap;
    }
    y = std::clamp(y, top, std::max(top, bottom - h));
    ImGui::SetNextWindowPos(ImVec2(x, y));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + maxW);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace rapport::app::ui
