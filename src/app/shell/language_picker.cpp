#include "app/shell/language_picker.hpp"

#include <imgui.h>

#include <string>

#include "app/shell/language_setting.hpp"
#include "app/shell/widgets.hpp"
#include "core/translation/interface_language.hpp"

namespace rapport::app::ui {

void LanguagePicker(const ScreenContext& ui, const std::filesystem::path& dataDir,
                    const std::function<void(std::string_view)>& requireGlyphs,
                    std::string* error) {
    const Palette& p = ui.theme.palette;
    const auto& choices = interfaceLanguageChoices();
    // The names are always drawn, whatever language the atlas was built for.
    std::string names;
    for (const auto& c : choices) names += c.nativeName;
    requireGlyphs(names);
    bool first = true;
    for (const auto& c : choices) {
        if (!first) ImGui::SameLine(0, ui.theme.px(6));
        first = false;
        const bool current = interfaceLanguage() == c.code;
        // The id stays "language-xx" so the row keeps its state and scripts can click
        // "language-ru" whatever is shown.
        const std::string label = std::string(c.nativeName) + "###language-" + c.code;
        ImGui::PushStyleColor(ImGuiCol_Button,
                              current ? mix(p.surface, p.accent, 0.22f) : p.surface);
        ImGui::PushStyleColor(ImGuiCol_Text, current ? p.accent : p.textMuted);
        const bool clicked = Button(ui.locator, label.c_str());
        ImGui::PopStyleColor(2);
        if (clicked && !current) {
            setInterfaceLanguage(c.code);
            requireGlyphs(interfaceLanguageText());
            saveLanguageSetting(dataDir, c.code, error);
        }
    }
}

}  // namespace rapport::app::ui
