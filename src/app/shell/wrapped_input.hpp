// A multi-line text field that wraps its text to its width, which Dear ImGui 1.86's
// InputTextMultiline does not: the buffer shown holds soft line breaks (core/authoring/soft_wrap,
// "\r\n", which ImGui draws and measures as a plain line break), re-flowed by the project's
// line breaking after every edit with the cursor kept on its character; the value handed back
// never contains them.
#pragma once

#include <imgui.h>

#include <string>

namespace rapport::app::ui {

// Like ImGui::InputTextMultiline(id, &value, size): true when the value was edited this frame.
// `size.x` <= 0 takes the content region's width.
bool InputTextWrapped(const char* id, std::string& value, ImVec2 size);

}  // namespace rapport::app::ui
