#include "app/hr/hr_campaign_runs.hpp"

#include <imgui.h>

#include "app/shell/widgets.hpp"
#include "core/campaign/campaign_progress.hpp"
#include "core/reports/report_time.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

void drawCampaignRuns(const ScreenContext& ctx, const std::vector<AttemptRecord>& attempts,
                      const std::vector<Campaign>& campaigns, HrData& hr, HrActions& actions) {
    struct Row {
        const Campaign* campaign;
        CampaignRunState state;
        std::int64_t startedAt;
    };
    std::vector<Row> rows;
    for (const Campaign& c : campaigns)
        for (auto& st : campaignRuns(c, attempts, nullptr)) {
            std::int64_t first = st.lastActivityMs;
            for (const auto& a : attempts)
                if (a.campaign && a.campaign->run == st.run && a.startedAtMs < first)
                    first = a.startedAtMs;
            rows.push_back({&c, std::move(st), first});
        }
    if (rows.empty()) return;
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    ImGui::Dummy(ImVec2(0, t.px(8)));
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Account campaigns"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##campaigns", 5, flags)) return;
    ImGui::TableSetupColumn(tr("Campaign"), 0, 2.4f);
    ImGui::TableSetupColumn(tr("Started (UTC)"), 0, 1.1f);
    ImGui::TableSetupColumn(tr("Meetings played"), 0, 0.9f);
    ImGui::TableSetupColumn(tr("Campaign score"), 0, 1.2f);
    ImGui::TableSetupColumn(tr("Meetings"), 0, 1.4f);
    ImGui::TableHeadersRow();
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const Row& r = rows[k];
        const CampaignScore& s = r.state.score;
        ImGui::PushID(int(k));
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(r.campaign->title.c_str(),
                               r.campaign->title.c_str() + r.campaign->title.size());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(formatDateTimeShort(r.startedAt).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(
            uiFormat(tr("{played} of {total}"),
                     {{"played", std::to_string(s.played)}, {"total", std::to_string(s.meetings)}})
                .c_str());
        ImGui::TableSetColumnIndex(3);
        const std::string score = s.score ? uiNumber(fixedDecimals(*s.score, 1)) : "—";
        const std::string result = !s.complete ? std::string(tr("under way"))
                                   : s.passed  ? std::string(tr("passed"))
                                               : std::string(tr("not passed"));
        ImGui::PushStyleColor(ImGuiCol_Text, !s.complete ? p.textMuted
                                             : s.passed  ? p.success
                                                         : p.danger);
        ImGui::TextUnformatted((score + " · " + result).c_str());
        ImGui::PopStyleColor();
        ImGui::TableSetColumnIndex(4);
        // Each meeting's attempt opens on the attempt page, as a row of the history does.
        for (std::size_t i = 0; i < r.state.meetings.size(); ++i) {
            if (i) ImGui::SameLine();
            const AttemptRecord& a = r.state.meetings[i];
            // "Meeting 2##run1": the second meeting of the first run listed, for scripts.
            const std::string label = std::to_string(i + 1) + "###Meeting " +
                                      std::to_string(i + 1) + "##run" + std::to_string(k + 1);
            if (ui::Button(ctx.locator, label.c_str())) {
                hr.openAttempt(a);
                actions.openPage(ScreenId::HrAttempt);
                ImGui::PopID();
                ImGui::EndTable();
                return;
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace rapport::app
