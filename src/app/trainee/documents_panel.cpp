#include "app/trainee/documents_panel.hpp"

#include <algorithm>

#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/play/open_documents.hpp"
#include "core/translation/ui_format.hpp"

namespace rapport::app {

namespace {

const char* kindLabel(DocumentKind k) {
    switch (k) {
        case DocumentKind::Briefing:
            return tr("Briefing");
        case DocumentKind::ClientFile:
            return tr("Client file");
        case DocumentKind::Crm:
            return tr("CRM");
        case DocumentKind::PriceList:
            return tr("Price list");
        case DocumentKind::Authority:
            return tr("Authority");
        case DocumentKind::Competitor:
            return tr("Competitor");
        case DocumentKind::Email:
            return tr("Email");
        case DocumentKind::Other:
            return tr("Document");
    }
    return tr("Document");
}

// Paragraphs ("\n\n") with a little air between them.
void documentText(const Theme& t, const ImVec4& color, const std::string& text) {
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t gap = text.find("\n\n", from);
        const std::string para =
            text.substr(from, gap == std::string::npos ? std::string::npos : gap - from);
        ui::TextWrappedColored(color, para);
        if (gap == std::string::npos) break;
        ImGui::Dummy(ImVec2(0, t.px(6)));
        from = gap + 2;
    }
}

}  // namespace

bool DocumentsPanel::isRead(int document) const {
    return std::find(read.begin(), read.end(), document) != read.end();
}

void DocumentsPanel::open(int document) {
    reading = document;
    if (!isRead(document)) read.push_back(document);
}

void DocumentsPanel::DrawList(const ScreenContext& ui, const Session& session) {
    const Scenario& s = session.scenario();
    if (s.documents.empty()) return;
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    const auto opened = openDocuments(session);
    ImGui::PushFont(ui.fonts.small);
    ui::TextWrappedColored(p.textMuted, tr("Documents"));
    ImGui::PopFont();
    for (int d : opened) {
        const Document& doc = s.documents[std::size_t(d)];
        ImGui::PushID(d);
        const bool unread = !isRead(d);
        // The newest first catches the eye: a dot and the title in the accent colour.
        // A long title is shortened with "…" to the card's width and shown whole on hover.
        const std::string full = (unread ? "● " : "") + doc.title;
        const std::string label = ui::Elide(full, ImGui::GetContentRegionAvail().x);
        ImGui::PushStyleColor(ImGuiCol_Text, unread ? p.accent : p.text);
        if (ImGui::Selectable(label.c_str(), reading == d)) open(d);
        ImGui::PopStyleColor();
        if (label != full) ui::TooltipBesideLastItem(doc.title);
        ui.locator.recordLastItem("Document " + doc.title);
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(0, t.px(4)));
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, t.px(4)));
}

void DocumentsPanel::DrawReader(const ScreenContext& ui, const Session& session) {
    const Scenario& s = session.scenario();
    if (reading < 0 || std::size_t(reading) >= s.documents.size()) return;
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    const char* id = "##document";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(vp->WorkSize.x - t.px(40), t.px(640));
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
        ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->WorkSize.y - t.px(60)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.px(24), t.px(20)));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, p.surface);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    if (ImGui::BeginPopupModal(id, nullptr, flags)) {
        const Document& doc = s.documents[std::size_t(reading)];
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - t.px(48));
        ImGui::PushFont(ui.fonts.small);
        ui::TextWrappedColored(p.textMuted, kindLabel(doc.kind));
        ImGui::PopFont();
        ui::TextInFont(ui.fonts.heading, p.text, doc.title);
        ImGui::Dummy(ImVec2(0, t.px(6)));
        documentText(t, p.text, doc.text);
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, t.px(10)));
        if (ui::PrimaryButton(ui.locator, t, trLabel("Close document").c_str()) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            reading = -1;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

bool hasBriefing(const Scenario& s) {
    return std::any_of(s.documents.begin(), s.documents.end(),
                       [](const Document& d) { return d.kind == DocumentKind::Briefing; });
}

bool DrawBriefing(const ScreenContext& ui, const Session& session, ImTextureID portrait) {
    const Scenario& s = session.scenario();
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    const float width = std::min(ImGui::GetContentRegionAvail().x, t.px(760));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    bool start = false;
    if (ui::BeginCard(t, "##briefing",
                      ImVec2(width, ImGui::GetContentRegionAvail().y - t.px(16)))) {
        ImGui::PushFont(ui.fonts.small);
        ui::TextWrappedColored(p.textMuted, tr("Briefing"));
        ImGui::PopFont();
        ui::TextInFont(ui.fonts.heading, p.text, s.title);
        ImGui::Dummy(ImVec2(0, t.px(8)));
        const float avatar = t.px(64);
        ImGui::BeginGroup();
        if (portrait)
            ImGui::Image(portrait, ImVec2(avatar, avatar));
        else
            ui::InitialsAvatar(t, ui.fonts.heading, s.client.name, avatar);
        ImGui::EndGroup();
        ImGui::SameLine(0, t.px(14));
        ImGui::BeginGroup();
        ui::TextInFont(ui.fonts.heading, p.text, s.client.name);
        ui::TextWrappedColored(p.text, s.client.role + ", " + s.client.company);
        ImGui::PushFont(ui.fonts.small);
        ui::TextWrappedColored(p.textMuted, s.client.description);
        ImGui::PopFont();
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, t.px(10)));
        for (const Document& d : s.documents) {
            if (d.kind != DocumentKind::Briefing || d.hidden) continue;
            ImGui::Separator();
            ImGui::Dummy(ImVec2(0, t.px(6)));
            ui::TextInFont(ui.fonts.heading, p.text, d.title);
            documentText(t, p.text, d.text);
            ImGui::Dummy(ImVec2(0, t.px(8)));
        }
        ImGui::Dummy(ImVec2(0, t.px(6)));
        start = ui::PrimaryButton(ui.locator, t, trLabel("Start the conversation").c_str());
    }
    ui::EndCard();
    return start;
}

}  // namespace rapport::app
