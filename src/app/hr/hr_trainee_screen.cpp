#include "app/hr/hr_trainee_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/hr/attempt_conditions.hpp"
#include "app/hr/hr_campaign_runs.hpp"
#include "app/hr/hr_charts.hpp"
#include "app/hr/hr_controls.hpp"
#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/reports/group_statistics.hpp"
#include "core/reports/report_time.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {
namespace {

std::string durationText(const AttemptRecord& a) {
    if (!a.endedAtMs) return "—";
    const std::int64_t s = std::max<std::int64_t>(0, (*a.endedAtMs - a.startedAtMs) / 1000);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
    return buf;
}

std::string resultText(const AttemptRecord& a) {
    if (a.status == AttemptStatus::InProgress) return tr("incomplete");
    if (a.status == AttemptStatus::Abandoned) return tr("abandoned");
    if (!a.passed) return tr("not scored");
    return *a.passed ? tr("passed") : tr("not passed");
}

// A card for the best or last attempt; true when its Open button was clicked.
bool attemptCard(const ScreenContext& ctx, const char* id, const char* caption,
                 const AttemptRecord* a, float width) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    bool open = false;
    ui::BeginCard(t, id,
                  ImVec2(width, ImGui::GetFrameHeight() * 2 +
                                    ImGui::GetTextLineHeightWithSpacing() * 2 + t.px(40)));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::TextUnformatted(caption);
    ImGui::PopStyleColor();
    if (!a) {
        ui::TextWrappedColored(p.textMuted, tr("No finished attempt under this filter."));
    } else {
        const bool passed = a->passed.value_or(false);
        ui::TextInFont(ctx.fonts.heading, passed ? p.success : p.danger,
                       scoreText(a->score) + " · " + resultText(*a));
        ui::ClippedText(nullptr, p.text,
                        a->scenarioTitle.empty() ? a->scenarioId : a->scenarioTitle,
                        ImGui::GetTextLineHeightWithSpacing());
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        const std::string when =
            uiFormat(tr("{time} UTC · {mode}"), {{"time", formatDateTimeShort(a->startedAtMs)},
                                                 {"mode", attemptConditions(a->mode, a->timing)}});
        ImGui::TextUnformatted(when.c_str());
        ImGui::PopStyleColor();
        // As wide as "Open" is in the reader's language, right-aligned in the card.
        const float w = std::max(t.px(64), ui::ButtonWidth(tr("Open")));
        ImGui::SameLine(ImGui::GetContentRegionMax().x - w - t.px(6));
        const std::string label = tr("Open") + std::string("###Open##") + id;
        open = ui::Button(ctx.locator, label.c_str(), ImVec2(w, 0));
    }
    ui::EndCard();
    return open;
}

}  // namespace

void HrTraineeScreen::Draw(const ScreenContext& ctx, HrData& hr, HrActions& actions,
                           const std::vector<Campaign>* campaigns) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    const auto& job = hr.traineeAttempts();
    const std::vector<AttemptRecord> none;
    const auto& attempts = job.value() ? job.value()->attempts : none;

    std::string subtitle;
    if (!attempts.empty()) {
        const AttemptRecord& a = attempts.front();
        if (!a.employeeId.empty())
            subtitle += uiFormat(tr("Employee id {id}"), {{"id", a.employeeId}}) + " · ";
        subtitle += a.group.empty() ? std::string(tr("no group"))
                                    : uiFormat(tr("group {group}"), {{"group", a.group}});
        subtitle += " · " + describeFilter(hr.filter());
    }
    if (drawHrHeader(ctx, uiFormat(tr("Trainee · {trainee}"), {{"trainee", hr.trainee()}}),
                     subtitle, trNoop("Back to table"))) {
        actions.openPage(ScreenId::HrTable);
        return;
    }
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.0f", job.value() ? job.value()->queryMs : 0.0);
    const std::string ready =
        uiFormat(trn("{n} attempt · query {ms} ms", "{n} attempts · query {ms} ms",
                     (unsigned long)attempts.size()),
                 {{"n", std::to_string(attempts.size())}, {"ms", ms}});
    const bool ok =
        drawHrStatus(ctx.theme, job.running(), job.error(), job.value().has_value(), ready);
    drawExportBar(ctx, hr, storeFilter(hr.filter(), hr.trainee()),
                  uiFormat(tr("Rapport results: {trainee}"), {{"trainee", hr.trainee()}}));
    if (!ok) return;

    ImGui::BeginChild("##trainee", ImVec2(0, 0), false);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float cardW = (avail - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const AttemptRecord* best = bestAttempt(attempts);
    const AttemptRecord* last = lastAttempt(attempts);
    if (attemptCard(ctx, "best", tr("Best attempt"), best, cardW)) {
        hr.openAttempt(*best);
        actions.openPage(ScreenId::HrAttempt);
    }
    ImGui::SameLine();
    if (attemptCard(ctx, "last", tr("Last attempt"), last, cardW)) {
        hr.openAttempt(*last);
        actions.openPage(ScreenId::HrAttempt);
    }

    ImGui::Dummy(ImVec2(0, t.px(8)));
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Trend per competency"));
    const auto trends = competencyTrends(attempts);
    if (trends.empty()) ui::TextWrappedColored(p.textMuted, tr("No assessed competency yet."));
    const float tileW = t.px(250), tileH = t.px(156);  // with the axis labels
    const int perRow = std::max(1, int((avail + ImGui::GetStyle().ItemSpacing.x) /
                                       (tileW + ImGui::GetStyle().ItemSpacing.x)));
    for (std::size_t i = 0; i < trends.size(); ++i) {
        const auto& tr = trends[i];
        if (i % std::size_t(perRow) != 0) ImGui::SameLine();
        ImGui::PushID(int(i));
        ui::BeginCard(t, "##trend", ImVec2(tileW, tileH));
        // Two lines of the small font: long competency names wrap instead of being cut.
        ImGui::PushFont(ctx.fonts.small);
        const float nameH = ImGui::GetTextLineHeight() * 2 + t.px(2);
        ImGui::PopFont();
        ui::ClippedText(ctx.fonts.small, p.text, tr.name, nameH);
        std::vector<float> scores;
        std::vector<std::int64_t> times;
        for (const auto& pt : tr.points) {
            scores.push_back(float(pt.score));
            times.push_back(pt.startedAtMs);
        }
        const float lastScore = scores.back();
        ImGui::PushFont(ctx.fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        // `tr` is the trend here, hence trn for both forms.
        const std::string line =
            uiFormat(trn("last {score} · {n} attempt", "last {score} · {n} attempts",
                         (unsigned long)scores.size()),
                     {{"score", scoreText(lastScore)}, {"n", std::to_string(scores.size())}});
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ui::TrendChart(t, scores,
                       ImVec2(ImGui::GetContentRegionAvail().x,
                              std::max(t.px(30), ImGui::GetContentRegionAvail().y - t.px(4))),
                       ui::levelColor(t, lastScore / 100.0f), -1, ctx.fonts.small, times);
        ui::EndCard();
        ImGui::PopID();
    }

    if (campaigns) drawCampaignRuns(ctx, attempts, *campaigns, hr, actions);
    ImGui::Dummy(ImVec2(0, t.px(8)));
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Attempt history"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##history", 7, flags)) {
        ImGui::TableSetupColumn(tr("Started (UTC)"), 0, 1.2f);
        ImGui::TableSetupColumn(tr("Scenario"), 0, 2.4f);
        ImGui::TableSetupColumn(tr("Mode"), 0, 0.7f);
        ImGui::TableSetupColumn(tr("Score"), 0, 0.6f);
        ImGui::TableSetupColumn(tr("Result"), 0, 0.9f);
        ImGui::TableSetupColumn(tr("Duration"), 0, 0.7f);
        ImGui::TableSetupColumn(tr("Steps"), 0, 0.5f);
        ImGui::TableHeadersRow();
        // Newest first: the question is usually "how did the last ones go".
        for (std::size_t k = attempts.size(); k-- > 0;) {
            const AttemptRecord& a = attempts[k];
            ImGui::PushID(int(k));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            if (ImGui::Selectable("##attempt", false, ImGuiSelectableFlags_SpanAllColumns)) {
                hr.openAttempt(a);
                actions.openPage(ScreenId::HrAttempt);
            }
            loc.recordLastItem("Attempt " + std::to_string(a.id));
            ImGui::SameLine(0, 0);
            const std::string when = formatDateTimeShort(a.startedAtMs);
            ImGui::TextUnformatted(when.c_str());
            ImGui::TableSetColumnIndex(1);
            const std::string& title = a.scenarioTitle.empty() ? a.scenarioId : a.scenarioTitle;
            ImGui::TextUnformatted(title.c_str(), title.c_str() + title.size());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(attemptConditions(a.mode, a.timing).c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(scoreText(a.score).c_str());
            ImGui::TableSetColumnIndex(4);
            const std::string r = resultText(a);
            ImGui::PushStyleColor(ImGuiCol_Text, r == tr("passed")       ? p.success
                                                 : r == tr("not passed") ? p.danger
                                                                         : p.textMuted);
            ImGui::TextUnformatted(r.c_str());
            ImGui::PopStyleColor();
            ImGui::TableSetColumnIndex(5);
            ImGui::TextUnformatted(durationText(a).c_str());
            ImGui::TableSetColumnIndex(6);
            ImGui::Text("%d", a.steps);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace rapport::app
