#include "app/trainee/campaign_track.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

namespace {

// core's reason names the scenario id for the log; the trainee reads this.
const char* const kMissingMeeting =
    trNoop("A meeting of this campaign is not in the library, so it cannot go on.");

// "78,5" in Russian: what people read takes the interface's decimal separator.
std::string oneDecimal(double v) { return uiNumber(rapport::fixedDecimals(v, 1)); }

std::string wholeScore(double v) { return std::to_string(int(std::lround(v))); }

// "✓ 82" for a played meeting, "→" for the next, "…" for an interrupted one, "" for later ones.
std::string meetingMark(const CampaignRunState& st, int i) {
    if (i < int(st.meetings.size()) && st.meetings[std::size_t(i)].score)
        return "✓ " + wholeScore(*st.meetings[std::size_t(i)].score);
    if (st.score.nextMeeting && *st.score.nextMeeting == i)
        return st.interrupted ? std::string("…") : std::string("→");
    return "";
}

std::string progressText(const CampaignRunState& st) {
    if (st.score.complete) {
        const std::string score = st.score.score ? oneDecimal(*st.score.score) : "–";
        return uiFormat(st.score.passed ? tr("Complete · campaign score {score} · passed")
                                        : tr("Complete · campaign score {score} · not passed"),
                        {{"score", score}});
    }
    const int next = st.score.nextMeeting.value_or(0);
    std::string text =
        uiFormat(tr("Meeting {n} of {total}"),
                 {{"n", std::to_string(next + 1)}, {"total", std::to_string(st.score.meetings)}});
    if (!st.account.empty()) text += " · " + accountText(st.account);
    if (st.score.score)
        text +=
            " · " + uiFormat(tr("score so far {score}"), {{"score", oneDecimal(*st.score.score)}});
    return text;
}

std::string buttonLabel(const CampaignRunState& st) {
    const std::string n = std::to_string(st.score.nextMeeting.value_or(0) + 1);
    switch (campaignStep(st)) {
        case CampaignStep::Start:
            return uiFormat(tr("Start meeting {n}"), {{"n", n}});
        case CampaignStep::Continue:
            return uiFormat(tr("Continue with meeting {n}"), {{"n", n}});
        case CampaignStep::Resume:
            return uiFormat(tr("Resume meeting {n}"), {{"n", n}});
        case CampaignStep::Again:
            return tr("Play the campaign again");
    }
    return {};
}

void meetingLines(const ScreenContext& ui, const CampaignCard& card, float lineH) {
    const Palette& p = ui.theme.palette;
    const auto& meetings = card.campaign->meetings;
    for (std::size_t i = 0; i < meetings.size(); ++i) {
        const std::string mark = meetingMark(card.state, int(i));
        const bool next = card.state.score.nextMeeting && *card.state.score.nextMeeting == int(i);
        std::string line =
            uiFormat(tr("{n}. {title}"),
                     {{"n", std::to_string(i + 1)},
                      {"title", i < card.titles.size() ? card.titles[i] : meetings[i].scenario}});
        if (meetings[i].weeksAfter > 0)
            line += " · " + uiFormat(trn("{weeks} week later", "{weeks} weeks later",
                                         (unsigned long)meetings[i].weeksAfter),
                                     {{"weeks", std::to_string(meetings[i].weeksAfter)}});
        if (!meetings[i].deskTask.empty())
            line += " · " + uiFormat(tr("before it: {task}"), {{"task", meetings[i].deskTask}});
        const float markW = ui.theme.px(56);
        const float x = ImGui::GetCursorPosX();
        ImGui::PushStyleColor(ImGuiCol_Text, mark.rfind("✓", 0) == 0 ? p.success : p.accent);
        ImGui::TextUnformatted(mark.c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine(x + markW);
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::PushStyleColor(ImGuiCol_Text, next ? p.text : p.textMuted);
        ImGui::TextUnformatted(ui::Elide(line, w).c_str());
        ImGui::PopStyleColor();
        (void)lineH;
    }
}

}  // namespace

std::string accountText(const std::vector<AccountValue>& account) {
    std::string out;
    for (const auto& a : account) {
        if (!out.empty()) out += " · ";
        if (a.boolean)
            out += uiFormat(tr("{label}: {value}"),
                            {{"label", a.label}, {"value", a.value ? tr("yes") : tr("no")}});
        else if (a.max)
            out += uiFormat(tr("{label} {value}/{max}"), {{"label", a.label},
                                                          {"value", std::to_string(a.value)},
                                                          {"max", std::to_string(*a.max)}});
        else
            out += uiFormat(tr("{label} {value}"),
                            {{"label", a.label}, {"value", std::to_string(a.value)}});
    }
    return out;
}

void drawCampaignTracks(const ScreenContext& ui, const std::vector<CampaignCard>& cards,
                        TraineeActions& actions) {
    if (cards.empty()) return;
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ui.locator;
    ImFont* heading = ui.fonts.heading ? ui.fonts.heading : ImGui::GetFont();
    ImFont* small = ui.fonts.small ? ui.fonts.small : ImGui::GetFont();
    const ImGuiStyle& st = ImGui::GetStyle();
    ui::TextInFont(ui.fonts.heading, p.text, tr("Account campaigns"));
    ui::TextWrappedColored(p.textMuted, tr("Meetings with one account over weeks, played in "
                                           "order: what you leave behind in one meeting is "
                                           "where the next one starts."));
    ImGui::Dummy(ImVec2(0, t.px(4)));
    for (std::size_t k = 0; k < cards.size(); ++k) {
        const CampaignCard& card = cards[k];
        const Campaign& c = *card.campaign;
        actions.requireGlyphs(c.title + c.summary);
        const float bodyLine = ImGui::GetTextLineHeightWithSpacing();
        const float h = t.px(14) * 2 + heading->FontSize + st.ItemSpacing.y +
                        (small->FontSize + st.ItemSpacing.y) * 2 +
                        bodyLine * float(c.meetings.size()) + bodyLine + ImGui::GetFrameHeight() +
                        st.ItemSpacing.y * 3 + t.px(6);
        ImGui::PushID(int(k));
        if (ui::BeginCard(t, "##campaign", ImVec2(ImGui::GetContentRegionAvail().x, h),
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened)) {
            ImGui::PushFont(heading);
            ImGui::PushStyleColor(ImGuiCol_Text, p.text);
            ImGui::TextUnformatted(ui::Elide(c.title, ImGui::GetContentRegionAvail().x).c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
            ui::ClippedText(small, p.textMuted, c.summary,
                            (small->FontSize + st.ItemSpacing.y) * 2);
            meetingLines(ui, card, bodyLine);
            ImGui::PushStyleColor(ImGuiCol_Text, card.state.problem.empty() ? p.text : p.warning);
            ImGui::TextUnformatted(ui::Elide(card.state.problem.empty()
                                                 ? progressText(card.state)
                                                 : std::string(tr(kMissingMeeting)),
                                             ImGui::GetContentRegionAvail().x)
                                       .c_str());
            ImGui::PopStyleColor();
            // One id per campaign whatever the label says, so scripts and focus find it.
            const std::string label = buttonLabel(card.state) + "###Campaign##" + c.id;
            ImGui::BeginDisabled(!card.state.problem.empty());
            if (ui::PrimaryButton(loc, t, label.c_str())) actions.openCampaign(card.index);
            ImGui::EndDisabled();
        }
        ui::EndCard();
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, t.px(8)));
    }
    ui::TextInFont(ui.fonts.heading, p.text, tr("Single conversations"));
    ImGui::Dummy(ImVec2(0, t.px(4)));
}

void drawCampaignProgress(const ScreenContext& ui, const CampaignCard& card) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    const CampaignRunState& st = card.state;
    ImGui::Dummy(ImVec2(0, t.px(4)));
    ui::TextInFont(ui.fonts.heading, p.text,
                   uiFormat(tr("Campaign · {title}"), {{"title", card.campaign->title}}));
    meetingLines(ui, card, ImGui::GetTextLineHeightWithSpacing());
    if (st.score.score)
        ui::TextWrappedColored(p.text,
                               uiFormat(st.score.complete ? tr("Campaign score: {score}")
                                                          : tr("Campaign score so far: {score}"),
                                        {{"score", oneDecimal(*st.score.score)}}));
    if (st.score.complete)
        ui::TextWrappedColored(st.score.passed ? p.success : p.warning,
                               st.score.passed ? tr("Campaign passed: every meeting passed.")
                                               : tr("Campaign not passed: a meeting was below "
                                                    "its pass mark."));
    else
        ui::TextWrappedColored(
            p.text, uiFormat(tr("Next: meeting {n} of {total}"),
                             {{"n", std::to_string(st.score.nextMeeting.value_or(0) + 1)},
                              {"total", std::to_string(st.score.meetings)}}));
    if (!st.account.empty())
        ui::TextWrappedColored(
            p.textMuted, uiFormat(st.score.complete ? tr("The account as you left it: {state}")
                                                    : tr("Carried into the next meeting: {state}"),
                                  {{"state", accountText(st.account)}}));
    if (!st.problem.empty()) ui::TextWrappedColored(p.warning, tr(kMissingMeeting));
}

}  // namespace rapport::app
