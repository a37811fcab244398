#include "app/trainee/sign_in_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/shell/widgets.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

void SignInScreen::Draw(const ScreenContext& ui, const std::optional<TraineeProfile>& remembered,
                        const std::filesystem::path& dataDir, const std::string& database,
                        TraineeActions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ui.locator;
    if (!prefilled) {
        if (remembered) draft = *remembered;
        prefilled = true;
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = std::min(avail.x, t.px(460));
    const float height = t.px(470);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + (avail.x - width) * 0.5f,
                                     origin.y + std::max(0.0f, (avail.y - height) * 0.35f)));
    if (ui::BeginCard(t, "##signin", ImVec2(width, height))) {
        ui::TextInFont(ui.fonts.title, p.text, "Welcome");
        ui::TextWrappedColored(p.textMuted,
                               "Practise real client conversations and see, competency by "
                               "competency, how you handled them.");
        ImGui::Dummy(ImVec2(0, t.px(10)));

        auto field = [&](const char* caption, const char* id, const char* hint, std::string* value,
                         bool& submit) {
            ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
            ImGui::TextUnformatted(caption);
            ImGui::PopStyleColor();
            ImGui::SetNextItemWidth(-1);
            if (ImGui::InputTextWithHint(id, hint, value, ImGuiInputTextFlags_EnterReturnsTrue))
                submit = true;
            loc.recordLastItem(caption);
        };

        bool submit = false;
        if (focusName) {
            ImGui::SetKeyboardFocusHere();
            focusName = false;
        }
        field("Your name", "##name", "e.g. Anna Petrova", &draft.name, submit);
        field("Employee ID (optional)", "##employee", "e.g. 10473", &draft.employeeId, submit);
        field("Group (optional)", "##group", "e.g. SME desk, spring intake", &draft.group, submit);
        {
            // Russian replies agree with the speaker's gender ("понял" / "поняла").
            ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
            ImGui::TextUnformatted(rapport::tr("Address me as"));
            ImGui::PopStyleColor();
            const char* forms[] = {rapport::tr("Not specified"), rapport::tr("A man"),
                                   rapport::tr("A woman")};
            int form = int(draft.form);
            ImGui::SetNextItemWidth(-1);
            if (ImGui::Combo("##form", &form, forms, 3)) draft.form = GrammaticalForm(form);
            loc.recordLastItem("Address me as");
        }
        // A name may be in a script no scenario uses (kanji, Greek…): the shell adds its glyphs.
        actions.requireGlyphs(draft.name + draft.employeeId + draft.group);
        ImGui::Dummy(ImVec2(0, t.px(8)));

        const bool ready = draft.complete();
        if (ui::PrimaryButton(loc, t, "Start training", ImVec2(-1, t.px(44)), ready) ||
            (submit && ready))
            actions.signIn(draft);
        if (!ready) {
            ImGui::PushFont(ui.fonts.small);
            ui::TextWrappedColored(p.textMuted, "Enter your name to continue.");
            ImGui::PopFont();
        }
        ImGui::Dummy(ImVec2(0, t.px(6)));
        ImGui::PushFont(ui.fonts.small);
        ui::TextWrappedColored(p.textMuted, "Your details stay on this computer, in " +
                                                profilePath(dataDir).string() + ".");
        if (!database.empty())
            ui::TextWrappedColored(p.textMuted, "Your attempts are kept in " + database +
                                                    ", so an interrupted one can be resumed.");
        ImGui::PopFont();
    }
    ui::EndCard();
}

}  // namespace rapport::app
