#include "app/trainee/resume_prompt.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/shell/local_time.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/translation/ui_format.hpp"

namespace rapport::app {

void ResumePrompt::Draw(const ScreenContext& ui, const std::optional<ResumeOffer>& offer,
                        TraineeActions& actions) {
    if (!offer) return;
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ui.locator;
    const std::string title = trLabel("Unfinished attempt");
    const char* id = title.c_str();
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(vp->WorkSize.x - t.px(40), t.px(520));
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
        ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.px(24), t.px(20)));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, p.surface);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    if (ImGui::BeginPopupModal(id, nullptr, flags)) {
        const auto& a = offer->attempt;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - t.px(48));
        ui::TextInFont(ui.fonts.heading, p.text, tr("You have an unfinished attempt"));
        const bool exam = a.mode == AttemptMode::Exam;
        const unsigned long steps = (unsigned long)a.steps;
        const char* pattern =
            exam ? trn("“{scenario}”, exam mode, started {time}, {n} reply in.",
                       "“{scenario}”, exam mode, started {time}, {n} replies in.", steps)
                 : trn("“{scenario}”, practice mode, started {time}, {n} reply in.",
                       "“{scenario}”, practice mode, started {time}, {n} replies in.", steps);
        const std::string what = uiFormat(pattern, {{"scenario", a.scenarioTitle},
                                                    {"time", localDateTime(a.startedAtMs)},
                                                    {"n", std::to_string(a.steps)}});
        ui::TextWrappedColored(p.textMuted, what);
        if (offer->requested != a.mode)
            ui::TextWrappedColored(p.textMuted,
                                   exam ? tr("Resuming continues it in exam mode.")
                                        : tr("Resuming continues it in practice mode."));
        if (!offer->problem.empty())
            ui::TextWrappedColored(p.warning, offer->problem);
        else
            ui::TextWrappedColored(p.text,
                                   tr("Resume where you stopped, or start over: the unfinished "
                                      "attempt is then kept as abandoned."));
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, t.px(8)));
        const float bw = t.px(140);
        if (ui::PrimaryButton(loc, t, trLabel("Resume").c_str(), ImVec2(bw, 0),
                              offer->problem.empty()))
            actions.resumeAttempt();
        ImGui::SameLine(0, t.px(10));
        if (ui::Button(loc, trLabel("Start over").c_str(), ImVec2(bw, 0))) actions.startOver();
        ImGui::SameLine(0, t.px(10));
        if (ui::Button(loc, trLabel("Cancel").c_str(), ImVec2(bw, 0)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
            actions.cancelResume();
        if (!offer) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

}  // namespace rapport::app
