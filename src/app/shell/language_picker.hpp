// The interface language buttons of the sign-in screen: each language named in its own script
// (English, 日本語, Русский), the current one highlighted. A click switches the whole interface
// at once and remembers the choice (language_setting.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "app/shell/screen_context.hpp"

namespace rapport::app::ui {

// Draws the row at the cursor. `requireGlyphs` receives the text of a newly chosen language so
// the shell loads its characters before the next frame. A failure to remember the choice goes
// to `error` (the switch itself still happens).
void LanguagePicker(const ScreenContext& ui, const std::filesystem::path& dataDir,
                    const std::function<void(std::string_view)>& requireGlyphs, std::string* error);

}  // namespace rapport::app::ui
