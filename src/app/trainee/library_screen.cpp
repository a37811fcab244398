#include "app/trainee/library_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/campaign/campaign_shelf.hpp"
#include "core/recommendation/recommendation_text.hpp"
#include "core/translation/ui_format.hpp"

namespace rapport::app {
namespace {

bool FilterCombo(WidgetLocator& loc, const char* id, const char* anyLabel,
                 const std::vector<std::string>& options, std::string& value,
                 const std::function<std::string(const std::string&)>& name, float width) {
    bool changed = false;
    const std::string preview = value.empty() ? anyLabel : name(value);
    ImGui::SetNextItemWidth(width);
    if (ui::BeginComboFitted(id, preview)) {
        if (ImGui::Selectable(anyLabel, value.empty())) value.clear(), changed = true;
        loc.recordLastItem(anyLabel);
        for (const auto& o : options) {
            const std::string label = name(o);
            if (ImGui::Selectable(label.c_str(), value == o)) value = o, changed = true;
            loc.recordLastItem(label);
        }
        ImGui::EndCombo();
    }
    loc.recordLastItem(id);
    return changed;
}

}  // namespace

void LibraryScreen::Draw(const ScreenContext& ui, const ScenarioLibrary& library,
                         const std::function<std::string(const std::string&)>& competencyName,
                         const std::map<std::string, int>& bestScores,
                         const std::optional<Recommendation>& recommended,
                         TraineeActions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ui.locator;
    const ScenarioLibrary& lib = library;

    ui::TextInFont(ui.fonts.title, p.text, tr("Scenario library"));
    // Wrapped: at large text sizes and in longer languages one line runs off the window.
    ui::TextWrappedColored(p.textMuted, tr("Choose a conversation. Practice shows feedback after "
                                           "every reply; exam mode keeps it for the debrief."));
    ImGui::Dummy(ImVec2(0, t.px(4)));

    // The recommendation, when the library still has its scenario (core/recommendation).
    int recommendedEntry = -1;
    if (recommended)
        for (int i = 0; i < int(lib.entries.size()); ++i)
            if (lib.entries[i].playable() &&
                lib.entries[i].scenario->id == recommended->scenarioId) {
                recommendedEntry = i;
                break;
            }
    if (recommendedEntry >= 0) {
        RecommendationReason reason = recommended->reason;
        // The competency as the interface language names it, like the cards below.
        if (!reason.competencyId.empty())
            reason.competencyName = competencyName(reason.competencyId);
        ui::TextWrappedColored(
            p.text, uiFormat(tr("Recommended next: {title}"), {{"title", recommended->title}}));
        // Overdue in the warning colour as well as in words.
        ui::TextWrappedColored(reason.overdue ? p.warning : p.textMuted,
                               describeRecommendation(reason));
        actions.requireGlyphs(reason.assignedBy);  // a trainer's name in any script
        if (!reason.note.empty()) {
            ui::TextWrappedColored(p.textMuted, uiFormat(tr("Note from your trainer: {note}"),
                                                         {{"note", reason.note}}));
            actions.requireGlyphs(reason.note);
        }
        if (ui::PrimaryButton(loc, t, trLabel("Practise the recommended scenario").c_str()))
            actions.openScenario(recommendedEntry, AttemptMode::Practice);
        ImGui::Dummy(ImVec2(0, t.px(6)));
    }

    // Filter row.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float comboW = std::min(t.px(240), avail * 0.25f);
    ImGui::SetNextItemWidth(std::max(t.px(160), avail - comboW * 2 - t.px(20)));
    ImGui::InputTextWithHint("##search", tr("Search title, client, sector…"), &filter.search);
    loc.recordLastItem("Search");
    actions.requireGlyphs(filter.search);
    ImGui::SameLine();
    auto same = [](const std::string& s) { return s; };
    FilterCombo(loc, "##sector", tr("All sectors"), lib.sectors(), filter.sector, same, comboW);
    ImGui::SameLine();
    FilterCombo(loc, "##competency", tr("All competencies"), lib.competencies(), filter.competency,
                competencyName, comboW);
    ImGui::Dummy(ImVec2(0, t.px(6)));

    std::vector<int> shown;
    for (int i = 0; i < int(lib.entries.size()); ++i)
        if (matchesFilter(lib.entries[i], filter)) shown.push_back(i);
    const int problems = int(lib.entries.size() - lib.playable().size());

    // Flattened for keyboard navigation: the arrow keys go straight from the filters to the
    // cards' Practice and Exam buttons, without first entering the list and then each card.
    ImGui::BeginChild("##cards", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    if (campaigns) {
        // The filter narrows the tracks as it narrows the cards (core's rule).
        std::vector<CampaignCard> matching;
        for (const CampaignCard& c : *campaigns)
            if (!shelf || campaignMatchesFilter(*shelf, std::size_t(c.index), lib, filter))
                matching.push_back(c);
        drawCampaignTracks(ui, matching, actions);
    }
    if (lib.playable().empty()) {
        ui::TextWrappedColored(p.textMuted,
                               tr("No playable scenarios were found. Start Rapport with "
                                  "--scenarios FOLDER, or check the files listed below with "
                                  "'rapport validate'."));
    } else if (shown.empty()) {
        ui::TextWrappedColored(p.textMuted, tr("No scenario matches these filters."));
        if (ui::Button(loc, trLabel("Clear filters").c_str())) filter = {};
    }

    const float gap = t.px(16);
    const float full = ImGui::GetContentRegionAvail().x;
    const int columns = std::max(1, int((full + gap) / (t.px(360) + gap)));
    const float cardW = std::floor((full - gap * float(columns - 1)) / float(columns));
    // Every block has a fixed number of lines, clipped, so cards in a row line up and the
    // buttons always sit at the same place whatever the texts' lengths.
    ImFont* heading = ui.fonts.heading ? ui.fonts.heading : ImGui::GetFont();
    ImFont* small = ui.fonts.small ? ui.fonts.small : ImGui::GetFont();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float headingLine = heading->FontSize;
    const float bodyLine = ImGui::GetFontSize();
    const float smallLine = small->FontSize;
    const float titleH = headingLine * 2 + t.px(2);
    const float clientH = bodyLine * 2 + t.px(2);
    const float summaryH = smallLine * 3 + t.px(2);
    const float assessH = smallLine * 2 + t.px(2);
    const float cardH = t.px(14) * 2 + titleH + (smallLine + t.px(6)) + clientH + summaryH +
                        assessH + smallLine + ImGui::GetFrameHeight() + st.ItemSpacing.y * 7 +
                        t.px(6);
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const int index = shown[k];
        const Scenario& s = *lib.entries[index].scenario;
        if (k % std::size_t(columns) != 0) ImGui::SameLine(0, gap);
        ImGui::PushID(index);
        if (ui::BeginCard(t, "##card", ImVec2(cardW, cardH),
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened)) {
            ui::ClippedText(heading, p.text, s.title, titleH);
            ImGui::PushFont(small);
            std::string meta;
            if (s.expectedMinutes)
                meta += uiFormat(tr("~{minutes} min"),
                                 {{"minutes", std::to_string(*s.expectedMinutes)}}) +
                        "   ";
            meta += uiFormat(tr("pass {score}"), {{"score", std::to_string(s.passScore)}});
            // A long sector gives way to the dots and the figures, which must stay whole.
            const float dotsW = t.px(4) * 2 + t.px(4) * 2.6f * 4;
            const float chipTextW = ImGui::GetContentRegionAvail().x - dotsW -
                                    ImGui::CalcTextSize(meta.c_str()).x - st.ItemSpacing.x * 2 -
                                    t.px(16);
            ui::Chip(t, ui::Elide(s.sector, chipTextW), mix(p.surface, p.accent, 0.14f), p.accent);
            ImGui::SameLine();
            ui::DifficultyDots(t, s.difficulty, 5);
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
            ImGui::TextUnformatted(meta.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();

            ui::ClippedText(nullptr, p.text,
                            s.client.name + " · " + s.client.role + ", " + s.client.company,
                            clientH);
            ui::ClippedText(small, p.textMuted, s.summary, summaryH);
            std::string names;
            for (std::size_t i = 0; i < s.assesses.size(); ++i)
                names += (i ? tr(", ") : "") + competencyName(s.assesses[i]);
            const std::string assesses =
                uiFormat(tr("Assesses: {competencies}"), {{"competencies", names}});
            ui::ClippedText(small, p.text, assesses, assessH);
            const auto best = bestScores.find(s.id);
            ImGui::PushFont(small);
            ui::TextWrappedColored(
                p.textMuted,
                best != bestScores.end()
                    ? uiFormat(tr("Your best: {score}"), {{"score", std::to_string(best->second)}})
                    : std::string(tr("No attempts yet")));
            ImGui::PopFont();

            // Buttons pinned to the card's bottom edge.
            const float bh = ImGui::GetFrameHeight();
            ImGui::SetCursorPosY(
                std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - bh - t.px(14)));
            const float bw = (ImGui::GetContentRegionAvail().x - t.px(10)) * 0.5f;
            const std::string practice =
                trc("mode", "Practice") + std::string("###Practice##") + s.id;
            const std::string exam = trc("mode", "Exam") + std::string("###Exam##") + s.id;
            if (ui::PrimaryButton(loc, t, practice.c_str(), ImVec2(bw, 0)))
                actions.openScenario(index, AttemptMode::Practice);
            ImGui::SameLine(0, t.px(10));
            if (ui::Button(loc, exam.c_str(), ImVec2(bw, 0)))
                actions.openScenario(index, AttemptMode::Exam);
        }
        ui::EndCard();
        ImGui::PopID();
        if (k % std::size_t(columns) == std::size_t(columns - 1))
            ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    }

    if (problems > 0) {
        ImGui::Dummy(ImVec2(0, t.px(10)));
        const std::string label =
            uiFormat(trn("{n} scenario file could not be loaded",
                         "{n} scenario files could not be loaded", (unsigned long)problems),
                     {{"n", std::to_string(problems)}}) +
            "###problems";
        ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
        if (ImGui::CollapsingHeader(label.c_str())) {
            ImGui::PopStyleColor();
            ImGui::PushFont(ui.fonts.small);
            for (const auto& e : lib.entries) {
                if (e.playable()) continue;
                for (const auto& d : e.diagnostics.items()) {
                    if (d.severity != Severity::Error) continue;
                    ui::TextWrappedColored(p.textMuted, formatDiagnostic(d));
                }
            }
            ImGui::PopFont();
        } else {
            ImGui::PopStyleColor();
        }
        loc.recordLastItem(label);
    }
    ImGui::EndChild();
}

}  // namespace rapport::app
