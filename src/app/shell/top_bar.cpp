#include "app/shell/top_bar.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/platform/version.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

namespace {

constexpr const char* kAboutId = "About Rapport";

// The About box: the version from project() and the licence, as the package states them.
void drawAbout(const ScreenContext& ctx) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
        ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x - t.px(40), t.px(440)), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.px(24), t.px(20)));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, p.surface);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    if (ImGui::BeginPopupModal(kAboutId, nullptr, flags)) {
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        ImGui::TextUnformatted("Rapport");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::TextUnformatted(uiFormat(tr("Version {version}"), {{"version", version()}}).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        ui::TextWrapped(tr("Client conversation trainer for account managers."));
        ImGui::PopStyleColor();
        ImGui::Spacing();
        ui::TextWrapped(uiFormat(tr("Licence: {licence}"), {{"licence", licenceSummary()}}));
        ImGui::Spacing();
        if (ui::Button(ctx.locator, (std::string(tr("Close")) + "###Close##about").c_str()) ||
            ImGui::IsKeyPressed(ImGuiKey_Escape))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

}  // namespace

void drawTopBar(const ScreenContext& ctx, const TopBarView& view, const TopBarActions& actions) {
    const Theme& theme = ctx.theme;
    const Palette& p = theme.palette;
    const float height = theme.px(56);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 vp = ImGui::GetMainViewport()->Pos;
    const ImVec2 vs = ImGui::GetMainViewport()->Size;
    // The bar spans the whole window, beyond the padding the window clips its content to.
    ImGui::PushClipRect(vp, ImVec2(vp.x + vs.x, vp.y + vs.y), false);
    dl->AddRectFilled(vp, ImVec2(vp.x + vs.x, pos.y + height), toU32(p.surface));
    dl->AddLine(ImVec2(vp.x, pos.y + height), ImVec2(vp.x + vs.x, pos.y + height), toU32(p.border));
    ImGui::PopClipRect();

    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.heading);
    const float lineH = ImGui::GetTextLineHeight();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + (height - lineH) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::TextUnformatted("Rapport");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    // The subtitle and the trainee's name share what the buttons leave: drawn last, the subtitle
    // only when everything fits, the name shortened with "…" when even it alone does not.
    const float leftX = ImGui::GetCursorScreenPos().x;
    const float bodyH = ImGui::GetTextLineHeight();
    const char* subtitle = tr("client conversation trainer");
    const float subtitleW = ImGui::CalcTextSize(subtitle).x;
    const float gap = theme.px(16);

    // Right side, laid out from the right edge.
    const float buttonH = ImGui::GetFrameHeight();
    // Named after the theme a press switches to: light, dark, high contrast, light again.
    const char* themeId = theme.mode == ThemeMode::Light  ? trNoop("Dark theme")
                          : theme.mode == ThemeMode::Dark ? trNoop("High contrast")
                                                          : trNoop("Light theme");
    const char* themeLabel = tr(themeId);
    float x = pos.x + width;
    auto placeRight = [&](float w) {
        x -= w;
        ImGui::SetCursorScreenPos(ImVec2(x, pos.y + (height - buttonH) * 0.5f));
        x -= theme.px(10);
    };
    const ImGuiStyle& st = ImGui::GetStyle();
    placeRight(ImGui::CalcTextSize(tr("About")).x + st.FramePadding.x * 2);
    if (ui::Button(ctx.locator, trLabel("About").c_str())) ImGui::OpenPopup(kAboutId);
    drawAbout(ctx);
    placeRight(ImGui::CalcTextSize(themeLabel).x + st.FramePadding.x * 2);
    if (ui::Button(ctx.locator, trLabel(themeId).c_str())) actions.toggleTheme();
    if (view.screen != ScreenId::Conversation &&
        (view.offerAuthor || view.screen == ScreenId::Author)) {
        const char* authorId =
            view.screen == ScreenId::Author ? trNoop("Leave author") : trNoop("Author");
        const char* authorLabel = tr(authorId);
        placeRight(ImGui::CalcTextSize(authorLabel).x + st.FramePadding.x * 2);
        if (ui::Button(ctx.locator, trLabel(authorId).c_str()))
            view.screen == ScreenId::Author ? actions.leaveAuthor() : actions.openAuthor();
    }
    // HR reports from anywhere but a running conversation (its countdown would keep going).
    if (!view.inHr && view.screen != ScreenId::Conversation && view.offerHr) {
        placeRight(ImGui::CalcTextSize(tr("HR reports")).x + st.FramePadding.x * 2);
        if (ui::Button(ctx.locator, trLabel("HR reports").c_str())) actions.openHr();
    }
    if (view.signedIn) {
        placeRight(ImGui::CalcTextSize(tr("Sign out")).x + st.FramePadding.x * 2);
        if (ui::Button(ctx.locator, trLabel("Sign out").c_str())) actions.signOut();
        std::string who = view.trainee;
        if (!view.group.empty()) who += "  ·  " + view.group;
        const float room = x - leftX - gap;
        who = ui::Elide(who, room);
        const float tw = ImGui::CalcTextSize(who.c_str()).x;
        if (room > ImGui::CalcTextSize("…").x) {
            x -= tw;
            ImGui::SetCursorScreenPos(ImVec2(x, pos.y + (height - bodyH) * 0.5f));
            ImGui::TextUnformatted(who.c_str());
        }
    }
    if (leftX + subtitleW + gap <= x) {
        ImGui::SetCursorScreenPos(ImVec2(leftX, pos.y + (height - bodyH) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        ImGui::TextUnformatted(subtitle);
        ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height + theme.px(14)));
}

}  // namespace rapport::app
