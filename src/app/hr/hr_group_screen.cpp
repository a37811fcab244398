#include "app/hr/hr_group_screen.hpp"

#include <imgui.h>

#include <cstdio>
#include <map>

#include "app/hr/hr_charts.hpp"
#include "app/hr/hr_controls.hpp"
#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/reports/group_statistics.hpp"
#include "core/reports/report_time.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"

namespace rapport::app {

void HrGroupScreen::Draw(const ScreenContext& ctx, HrData& hr, HrActions& actions) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    const std::string& group = hr.group();
    const std::string shown = group.empty() ? tr("(no group)") : group;

    if (drawHrHeader(ctx, uiFormat(tr("Group · {group}"), {{"group", shown}}),
                     describeFilter(hr.filter()), trNoop("Back to table"))) {
        actions.openPage(ScreenId::HrTable);
        return;
    }
    const auto& job = hr.groupAttempts();
    const auto& table = hr.table();
    std::vector<PassSummary> who;
    if (job.value()) who = passSummaries(job.value()->attempts);
    const PassTotals totals = passTotals(who);
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.0f", job.value() ? job.value()->queryMs : 0.0);
    const std::string ready = uiFormat(
        tr("{trainees} · {attempts} · {passed} passed · query {ms} ms"),
        {{"trainees", uiFormat(trn("{n} trainee", "{n} trainees", (unsigned long)(totals.trainees)),
                               {{"n", std::to_string(totals.trainees)}})},
         {"attempts", uiFormat(trn("{n} finished attempt", "{n} finished attempts",
                                   (unsigned long)(totals.finished)),
                               {{"n", std::to_string(totals.finished)}})},
         {"passed", std::to_string(totals.passed)},
         {"ms", ms}});
    const bool ok = drawHrStatus(ctx.theme, job.running() || table.running(),
                                 job.error().empty() ? table.error() : job.error(),
                                 job.value().has_value() && table.value().has_value(), ready);
    drawExportBar(ctx, hr, storeFilter(hr.filter(), {}, group),
                  uiFormat(tr("Rapport results: group {group}"), {{"group", shown}}));
    if (!ok) return;

    ImGui::BeginChild("##group", ImVec2(0, 0), false);
    // Distribution of trainees' means: the group's table cells (the store's competency table,
    // the same cells the HTML report builds from the attempts).
    std::vector<CompetencyCell> cells;
    for (const auto& c : job.value()->cells)
        if (c.group == group) cells.push_back(c);
    const auto dists = competencyDistributions(cells);
    ui::TextInFont(ctx.fonts.heading, p.text,
                   tr("Distribution per competency (trainees by mean score)"));
    if (dists.empty())
        ui::TextWrappedColored(p.textMuted,
                               tr("No assessed competency in this group under this filter."));
    if (!dists.empty() && ImGui::BeginTable("##distribution", 5,
                                            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                                ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Competency"), 0, 2.0f);
        ImGui::TableSetupColumn(tr("Trainees"), 0, 0.6f);
        ImGui::TableSetupColumn(tr("Median (IQR)"), 0, 1.0f);
        ImGui::TableSetupColumn(tr("Histogram 0–100"), 0, 1.6f);
        ImGui::TableSetupColumn(tr("Box: min · quartiles · max"), 0, 2.0f);
        ImGui::TableHeadersRow();
        for (std::size_t c = 0; c < dists.size(); ++c) {
            const Distribution& d = dists[c].means;
            ImGui::PushID(int(c));
            ImGui::TableNextRow(0, t.px(52));
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ui::TextFitted(dists[c].name);
            ImGui::TableSetColumnIndex(1);
            ImGui::Text("%d", d.count);
            ImGui::TableSetColumnIndex(2);
            const std::string median =
                scoreText(d.median) + " (" + scoreText(d.q1) + "–" + scoreText(d.q3) + ")";
            ImGui::TextUnformatted(median.c_str());
            ImGui::TableSetColumnIndex(3);
            ui::Histogram(t, d.bins, ImVec2(ImGui::GetContentRegionAvail().x, t.px(48)),
                          ctx.fonts.small);
            ImGui::TableSetColumnIndex(4);
            ui::BoxPlot(t, d, ImVec2(ImGui::GetContentRegionAvail().x, t.px(48)), ctx.fonts.small);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    ImGui::Dummy(ImVec2(0, t.px(10)));
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Who passed"));
    if (ImGui::BeginTable("##who", 6,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                              ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Trainee"), 0, 2.0f);
        ImGui::TableSetupColumn(tr("Finished"), 0, 0.7f);
        ImGui::TableSetupColumn(tr("Passed"), 0, 0.7f);
        ImGui::TableSetupColumn(tr("Best"), 0, 0.6f);
        ImGui::TableSetupColumn(tr("Last"), 0, 0.6f);
        ImGui::TableSetupColumn(tr("Last attempt (UTC)"), 0, 1.6f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(int(who.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const PassSummary& s = who[std::size_t(i)];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                if (ImGui::Selectable("##who", false, ImGuiSelectableFlags_SpanAllColumns)) {
                    hr.openTrainee(s.trainee);
                    actions.openPage(ScreenId::HrTrainee);
                }
                loc.recordLastItem(s.trainee + "##who");
                ImGui::SameLine(0, 0);
                ui::TextFitted(s.trainee);
                ImGui::TableSetColumnIndex(1);
                ImGui::Text("%d", s.finished);
                ImGui::TableSetColumnIndex(2);
                ImGui::PushStyleColor(ImGuiCol_Text, s.passed > 0 ? p.success : p.danger);
                ImGui::Text("%s %d", s.passed > 0 ? "✓" : "✗", s.passed);
                ImGui::PopStyleColor();
                ImGui::TableSetColumnIndex(3);
                ImGui::TextUnformatted(scoreText(s.best).c_str());
                ImGui::TableSetColumnIndex(4);
                ImGui::TextUnformatted(scoreText(s.last).c_str());
                ImGui::TableSetColumnIndex(5);
                if (s.lastAttempt) {
                    const std::string when =
                        formatDateTimeShort(s.lastAttempt->startedAtMs) + " · " +
                        (s.lastAttempt->passed.value_or(false) ? tr("passed") : tr("not passed"));
                    ui::TextFitted(when);
                } else {
                    ImGui::TextUnformatted("—");
                }
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace rapport::app
