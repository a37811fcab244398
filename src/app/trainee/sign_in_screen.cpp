#include "app/trainee/sign_in_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/shell/fit.hpp"
#include "app/shell/language_picker.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/translation/ui_format.hpp"
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
    // As tall as its content, which a longer language or a long database path makes taller;
    // on a screen too low for it the card scrolls (with a scroll bar) and the language picker
    // under it stays in view.
    const float pickerH = ImGui::GetFrameHeightWithSpacing() * 2 + t.px(10);
    const float wanted = contentH > 0 ? contentH : t.px(540);
    const float height = std::max(t.px(200), std::min(wanted, avail.y - pickerH));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float cardX = origin.x + (avail.x - width) * 0.5f;
    ImGui::SetCursorScreenPos(
        ImVec2(cardX, origin.y + std::max(0.0f, (avail.y - pickerH - height) * 0.35f)));
    if (ui::BeginCard(t, "##signin", ImVec2(width, height), ImGuiWindowFlags_NavFlattened)) {
        ui::TextInFont(ui.fonts.title, p.text, tr("Welcome"));
        ui::TextWrappedColored(p.textMuted,
                               tr("Practise real client conversations and see, competency by "
                                  "competency, how you handled them."));
        ImGui::Dummy(ImVec2(0, t.px(10)));

        auto field = [&](const std::string& caption, const char* id, const char* hint,
                         std::string* value, bool& submit) {
            ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
            ImGui::TextUnformatted(std::string(visibleLabel(caption)).c_str());
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
        field(trLabel("Your name"), "##name", tr("e.g. Anna Petrova"), &draft.name, submit);
        field(trLabel("Employee ID (optional)"), "##employee", tr("e.g. 10473"), &draft.employeeId,
              submit);
        field(trLabel("Group (optional)"), "##group", tr("e.g. SME desk, spring intake"),
              &draft.group, submit);
        {
            // Russian replies agree with the speaker's gender ("понял" / "поняла").
            ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
            ImGui::TextUnformatted(rapport::tr("Address me as"));
            ImGui::PopStyleColor();
            const char* forms[] = {rapport::tr("Not specified"), rapport::tr("A man"),
                                   rapport::tr("A woman")};
            int form = int(draft.form);
            ImGui::SetNextItemWidth(-1);
            if (ui::ComboFitted("##form", form, forms, 3)) draft.form = GrammaticalForm(form);
            loc.recordLastItem("Address me as");
        }
        {
            // WCAG 2.2 SC 2.2.1: a trainee who needs more time, or none, can have it.
            ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
            ImGui::TextUnformatted(rapport::tr("Timed moments"));
            ImGui::PopStyleColor();
            const char* timings[] = {rapport::tr("Standard time"),
                                     rapport::tr("Extended: twice as long"),
                                     rapport::tr("Untimed: no countdown")};
            int timing = int(draft.timing);
            ImGui::SetNextItemWidth(-1);
            if (ui::ComboFitted("##timing", timing, timings, 3)) draft.timing = Timing(timing);
            loc.recordLastItem("Timed moments");
        }
        // A name may be in a script no scenario uses (kanji, Greek…): the shell adds its glyphs.
        actions.requireGlyphs(draft.name + draft.employeeId + draft.group);
        ImGui::Dummy(ImVec2(0, t.px(8)));

        const bool ready = draft.complete();
        if (ui::PrimaryButton(loc, t, trLabel("Start training").c_str(), ImVec2(-1, t.px(44)),
                              ready) ||
            (submit && ready))
            actions.signIn(draft);
        if (!ready) {
            ImGui::PushFont(ui.fonts.small);
            ui::TextWrappedColored(p.textMuted, tr("Enter your name to continue."));
            ImGui::PopFont();
        }
        ImGui::Dummy(ImVec2(0, t.px(6)));
        ImGui::PushFont(ui.fonts.small);
        ui::TextWrappedColored(p.textMuted,
                               uiFormat(tr("Your details stay on this computer, in {path}."),
                                        {{"path", profilePath(dataDir).string()}}));
        if (!database.empty())
            ui::TextWrappedColored(
                p.textMuted, uiFormat(tr("Your attempts are kept in {path}, so an interrupted one "
                                         "can be resumed."),
                                      {{"path", database}}));
        ImGui::PopFont();
        contentH = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    }
    ui::EndCard();
    // The interface language under the card, so the sign-in fields stay where they are.
    ImGui::SetCursorScreenPos(ImVec2(cardX, ImGui::GetCursorScreenPos().y + t.px(10)));
    ui::LanguagePicker(
        ui, dataDir, [&](std::string_view text) { actions.requireGlyphs(text); }, &languageError);
    if (!languageError.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(cardX, ImGui::GetCursorScreenPos().y));
        ImGui::PushFont(ui.fonts.small);
        ui::TextWrappedColored(p.warning, languageError);
        ImGui::PopFont();
    }
}

}  // namespace rapport::app
