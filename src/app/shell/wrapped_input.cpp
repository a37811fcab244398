#include "app/shell/wrapped_input.hpp"

#include <imgui_stdlib.h>

#include "core/authoring/soft_wrap.hpp"

namespace rapport::app::ui {

namespace {

float measure(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }

// After every edit: take the soft breaks out, wrap again, put the cursor back on its character.
int reflow(ImGuiInputTextCallbackData* d) {
    const float width = *static_cast<const float*>(d->UserData);
    const std::string_view shown(d->Buf, std::size_t(d->BufTextLen));
    const std::size_t cursor = plainOffset(shown, std::size_t(d->CursorPos));
    const std::string again = softWrap(stripSoftBreaks(shown), width, measure);
    if (again == shown) return 0;
    d->DeleteChars(0, d->BufTextLen);
    d->InsertChars(0, again.data(), again.data() + again.size());
    d->CursorPos = int(shownOffset(again, cursor));
    d->SelectionStart = d->SelectionEnd = d->CursorPos;
    return 0;
}

}  // namespace

bool InputTextWrapped(const char* id, std::string& value, ImVec2 size) {
    const ImGuiStyle& st = ImGui::GetStyle();
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    // The text's room: the frame less its padding and a vertical scroll bar, which appears
    // once the text is taller than the field.
    float width = size.x - st.FramePadding.x * 2 - st.ScrollbarSize;
    std::string shown = softWrap(value, width, measure);
    const bool changed = ImGui::InputTextMultiline(
        id, &shown, size, ImGuiInputTextFlags_CallbackEdit, reflow, &width);
    if (changed) value = stripSoftBreaks(shown);
    return changed;
}

}  // namespace rapport::app::ui
