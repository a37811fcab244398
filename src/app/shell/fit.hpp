// Making screens fit from 1024×700 up: the one way a line of text that may not fit is shown
// (shortened with "…", the whole text on hover) and the one way a row of buttons wraps instead
// of running off the right edge. Every screen uses these rather than its own arithmetic.
#pragma once

#include <imgui.h>

#include <string_view>

namespace rapport::app::ui {

// `text` on one line, at most `maxWidth` wide (≤ 0: up to the content region's right edge). When
// it is shortened, hovering it shows the whole text in a tooltip placed beside the pointer.
// Returns true when it was shortened.
bool TextFitted(std::string_view text, float maxWidth = 0);
// The same in `color`.
bool TextFittedColored(const ImVec4& color, std::string_view text, float maxWidth = 0);

// ImGui::BeginCombo with its preview shortened with "…" to the combo's width (ImGui cuts it
// mid-letter), the whole preview on hover while closed. For the width set by SetNextItemWidth.
bool BeginComboFitted(const char* id, std::string_view preview, ImGuiComboFlags flags = 0);

// A combo of `count` fixed options (already in the interface language), its preview shortened
// with "…" and the whole text on hover like BeginComboFitted; true when the choice changed.
bool ComboFitted(const char* id, int& current, const char* const options[], int count);

// Call between the items of a toolbar, before an item `nextWidth` wide: it stays on this line
// when it fits before the content region's right edge, else it starts the next line.
void SameLineOrWrap(float nextWidth);
// The width ImGui's Button(label) takes in the current font and style.
float ButtonWidth(const char* label);

// The whole of `text` in a tooltip when the last item is hovered, kept within the window and
// clear of the item itself (beside it, level with it; above it when neither side has room), so
// it never hides what it explains or the row under it.
void TooltipBesideLastItem(std::string_view text);

}  // namespace rapport::app::ui
