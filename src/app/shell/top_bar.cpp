#include "app/shell/top_bar.hpp"

#include <imgui.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

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
    const ImGuiStyle& st = ImGui::GetStyle();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float rowH = theme.px(56);
    const float gap = theme.px(16);
    const float buttonGap = theme.px(10);

    // The buttons, right to left. Named after the theme a press switches to: light, dark, high
    // contrast, light again.
    struct BarButton {
        const char* id;  // msgid, also the widget's label
        std::function<void()> press;
    };
    std::vector<BarButton> buttons;
    buttons.push_back({trNoop("About"), [] { ImGui::OpenPopup(kAboutId); }});
    buttons.push_back({theme.mode == ThemeMode::Light  ? trNoop("Dark theme")
                       : theme.mode == ThemeMode::Dark ? trNoop("High contrast")
                                                       : trNoop("Light theme"),
                       actions.toggleTheme});
    if (view.screen != ScreenId::Conversation &&
        (view.offerAuthor || view.screen == ScreenId::Author)) {
        if (view.screen == ScreenId::Author)
            buttons.push_back({trNoop("Leave author"), actions.leaveAuthor});
        else
            buttons.push_back({trNoop("Author"), actions.openAuthor});
    }
    // HR reports from anywhere but a running conversation (its countdown would keep going).
    if (!view.inHr && view.screen != ScreenId::Conversation && view.offerHr)
        buttons.push_back({trNoop("HR reports"), actions.openHr});
    if (view.signedIn) buttons.push_back({trNoop("Sign out"), actions.signOut});
    float buttonsW = 0;
    for (const auto& b : buttons)
        buttonsW += ImGui::CalcTextSize(tr(b.id)).x + st.FramePadding.x * 2 + buttonGap;

    ImGui::PushFont(ctx.fonts.heading);
    const float titleW = ImGui::CalcTextSize("Rapport").x;
    const float titleH = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    // At a large text size or in a long language the buttons do not fit beside the title: they
    // take a row of their own under it rather than covering it.
    const bool twoRows = titleW + gap + buttonsW > width;
    const float buttonH = ImGui::GetFrameHeight();
    const float height = twoRows ? rowH + buttonH + theme.px(10) : rowH;
    const float buttonsY = twoRows ? pos.y + rowH - theme.px(4) : pos.y + (rowH - buttonH) * 0.5f;

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
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + (rowH - titleH) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::TextUnformatted("Rapport");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    // The subtitle and the trainee's name share what the buttons leave: drawn last, the subtitle
    // only when everything fits, the name shortened with "…" when even it alone does not.
    const float leftX = twoRows ? pos.x : ImGui::GetCursorScreenPos().x;
    const float bodyH = ImGui::GetTextLineHeight();
    const char* subtitle = tr("client conversation trainer");
    const float subtitleW = ImGui::CalcTextSize(subtitle).x;

    float x = pos.x + width;
    for (const auto& b : buttons) {
        x -= ImGui::CalcTextSize(tr(b.id)).x + st.FramePadding.x * 2;
        ImGui::SetCursorScreenPos(ImVec2(x, buttonsY));
        x -= buttonGap;
        if (ui::Button(ctx.locator, trLabel(b.id).c_str()) && b.press) b.press();
    }
    drawAbout(ctx);  // opened by the About button, in the same ID scope
    const float textY =
        twoRows ? buttonsY + (buttonH - bodyH) * 0.5f : pos.y + (rowH - bodyH) * 0.5f;
    if (view.signedIn) {
        std::string who = view.trainee;
        if (!view.group.empty()) who += "  ·  " + view.group;
        const float room = x - leftX - gap;
        who = ui::Elide(who, room);
        const float tw = ImGui::CalcTextSize(who.c_str()).x;
        if (room > ImGui::CalcTextSize("…").x) {
            x -= tw;
            ImGui::SetCursorScreenPos(ImVec2(x, textY));
            ImGui::TextUnformatted(who.c_str());
        }
    }
    // Beside the title on one row; on two rows the title's row has room for it on its own.
    const float subtitleX = twoRows ? pos.x + titleW + gap : leftX;
    const float subtitleLimit = twoRows ? pos.x + width : x;
    if (subtitleX + subtitleW + gap <= subtitleLimit) {
        ImGui::SetCursorScreenPos(ImVec2(subtitleX, pos.y + (rowH - bodyH) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        ImGui::TextUnformatted(subtitle);
        ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height + theme.px(14)));
}

}  // namespace rapport::app
