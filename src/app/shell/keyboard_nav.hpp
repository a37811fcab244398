// Keyboard use beyond what Dear ImGui 1.86 gives: its navigation presses a focused button with
// Space only (Enter is "text input"), while people expect Enter to press the button the focus
// ring is on, as every desktop toolkit does.
#pragma once

#include <imgui.h>

namespace rapport::app {

// Called once per frame before ImGui::NewFrame, after the key state for the frame is set: Enter
// (main or keypad) also counts as navigation's "activate". A text field being edited still gets
// its Enter (ImGui ignores activation while a widget is active).
void enterActivatesFocus(ImGuiIO& io);

}  // namespace rapport::app
