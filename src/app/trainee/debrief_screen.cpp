#include "app/trainee/debrief_screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "app/shell/fit.hpp"
#include "app/shell/local_time.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/play/step_effect.hpp"
#include "core/scenario/line_speaker.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_format.hpp"

namespace rapport::app {
namespace {

std::string signedPoints(int p) {
    return (p > 0 ? "+" : p < 0 ? "−" : "±") + std::to_string(p < 0 ? -p : p);
}

void drawSummary(const ScreenContext& ctx, const ScoreReport& r, const Ending& ending) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    ImFont* title = ctx.fonts.title;
    ImGui::BeginGroup();
    const std::string score = uiNumber(oneDecimalOrWhole(r.score));
    ui::TextInFont(title, r.passed ? p.success : p.danger, score);
    ImGui::SameLine(0, t.px(4));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (title ? title->FontSize - ImGui::GetFontSize() : 0));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::TextUnformatted(tr("/ 100 scenario score"));
    ImGui::PopStyleColor();
    ui::Chip(t, r.passed ? tr("✓ Passed") : tr("✗ Not passed"),
             mix(p.surface, r.passed ? p.success : p.danger, 0.16f),
             r.passed ? p.success : p.danger);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(
        uiFormat(tr("pass mark {score}"), {{"score", std::to_string(r.passScore)}}).c_str());
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    ImGui::SameLine(0, t.px(32));
    ImGui::BeginGroup();
    ui::TextInFont(ctx.fonts.heading, p.text, ending.title);
    ui::TextWrappedColored(p.textMuted, ending.summary);
    for (const auto& why : r.reasons) ui::TextWrappedColored(p.danger, "• " + why);
    ImGui::EndGroup();
}

// A change as shape and sign, never colour alone: "▲ +12", "▼ −5", "= 0".
std::string changeText(double change) {
    const double rounded = std::round(change * 10) / 10;
    if (rounded == 0) return "= 0";
    const std::string size = uiNumber(oneDecimalOrWhole(std::abs(rounded)));
    return rounded > 0 ? "▲ +" + size : "▼ −" + size;
}

// What the debrief leads with: the first thing to do next time, and what changed since the
// trainee's previous attempt of this scenario (score, pass, the competencies that moved most).
void drawNextTime(const ScreenContext& ctx, const ScoreReport& r, const AttemptProgress* progress) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    if (r.developmentAreas.empty() && !progress) return;
    if (!r.developmentAreas.empty()) {
        ui::TextInFont(ctx.fonts.heading, p.text, tr("Next time"));
        ui::TextWrappedColored(p.text, "→ " + r.developmentAreas.front().text);
    }
    if (!progress) return;
    ImGui::Dummy(ImVec2(0, t.px(4)));
    ImGui::PushFont(ctx.fonts.small);
    const std::string when = localDateTime(progress->previousStartedAtMs);
    if (progress->scoreBefore) {
        const double change = progress->scoreAfter - *progress->scoreBefore;
        ui::TextWrappedColored(
            p.text, uiFormat(tr("Since your previous attempt ({time}): score {before} → {after} "
                                "({change})"),
                             {{"time", when},
                              {"before", uiNumber(oneDecimalOrWhole(*progress->scoreBefore))},
                              {"after", uiNumber(oneDecimalOrWhole(progress->scoreAfter))},
                              {"change", changeText(change)}}));
    } else {
        ui::TextWrappedColored(
            p.text, uiFormat(tr("Your previous attempt ({time}) has no score to compare with."),
                             {{"time", when}}));
    }
    if (progress->passedBefore && *progress->passedBefore != progress->passedAfter)
        ui::TextWrappedColored(p.text, progress->passedAfter
                                           ? tr("Passed this time; the previous attempt did not.")
                                           : tr("Not passed this time; the previous attempt was."));
    // The three that moved most: more would bury the point under a list.
    std::string moved;
    int shown = 0;
    for (const CompetencyProgress& c : progress->competencies) {
        if (shown == 3) break;
        moved += (moved.empty() ? "" : "   ") + changeText(c.change()) + " " + c.name;
        ++shown;
    }
    if (!moved.empty()) ui::TextWrappedColored(p.textMuted, moved);
    ImGui::PopFont();
}

void drawCompetencies(const ScreenContext& ctx, const ScoreReport& r) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Competencies"));
    // Primary competencies first: they decide the pass; the rest follow in framework order.
    std::vector<const CompetencyScore*> order;
    for (const auto& c : r.competencies)
        if (c.primary) order.push_back(&c);
    for (const auto& c : r.competencies)
        if (!c.primary && c.assessed) order.push_back(&c);
    for (const auto& c : r.competencies)
        if (!c.primary && !c.assessed) order.push_back(&c);
    for (const CompetencyScore* c : order) {
        ImGui::Dummy(ImVec2(0, t.px(4)));
        const std::string name =
            c->primary ? uiFormat(tr("{competency}  ·  primary"), {{"competency", c->name}})
                       : c->name;
        if (!c->assessed) {
            ui::LabeledBar(t, name, tr("not assessed"), 0, p.track, 6);
            ImGui::PushFont(ctx.fonts.small);
            ui::TextWrappedColored(p.textMuted,
                                   tr("No opportunity on your path to show this competency."));
            ImGui::PopFont();
            continue;
        }
        if (!c->rated) {
            ui::LabeledBar(t, name, tr("not rated"), 0, p.track, 6);
            ImGui::PushFont(ctx.fonts.small);
            ui::TextWrappedColored(
                p.textMuted,
                uiFormat(trn("Not rated — too little evidence: {n} opportunity on your path, "
                             "fewer than a level needs.",
                             "Not rated — too little evidence: {n} opportunities on your path, "
                             "fewer than a level needs.",
                             (unsigned long)c->opportunities),
                         {{"n", std::to_string(c->opportunities)}}));
            ImGui::PopFont();
            continue;
        }
        const float f = float(c->score.value_or(0) / 100.0);
        const ImVec4 colour = c->critical ? p.danger : ui::levelColor(t, f);
        ui::LabeledBar(t, name,
                       c->levelName + "  " + uiNumber(oneDecimalOrWhole(c->score.value_or(0))), f,
                       colour, 8);
        ImGui::PushFont(ctx.fonts.small);
        ui::TextWrappedColored(p.textMuted, c->anchor);
        if (c->critical)
            ui::TextWrappedColored(
                p.danger, tr("⚠ A critical indicator was shown: capped at the lowest level."));
        if (c->confidence == "low")
            ui::TextWrappedColored(
                p.warning, uiFormat(trn("⚠ Low confidence: only {n} opportunity on your path.",
                                        "⚠ Low confidence: only {n} opportunities on your path.",
                                        (unsigned long)c->opportunities),
                                    {{"n", std::to_string(c->opportunities)}}));
        ImGui::PopFont();
    }
}

void drawRemarks(const ScreenContext& ctx, const ScoreReport& r, float width) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    // Only rated competencies are axes: an unrated one drawn at 0 would read as a weakness the
    // path never showed, and ten labels round a small chart collide.
    std::vector<ui::RadarAxis> axes;
    std::string unrated;
    for (const auto& c : r.competencies) {
        if (!c.primary && !c.assessed) continue;
        if (c.rated && c.score)
            axes.push_back({c.name, float(*c.score)});
        else
            unrated += (unrated.empty() ? "" : tr(", ")) + c.name;
    }
    if (axes.size() >= 3) {
        const float size = std::min(width, t.px(380));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - size) * 0.5f);
        ui::RadarChart(t, ctx.fonts.small, axes, size);
        if (!unrated.empty())
            ui::TextWrappedColored(
                p.textMuted,
                uiFormat(tr("Not in the chart, not rated on this path: {competencies}."),
                         {{"competencies", unrated}}));
        ImGui::Dummy(ImVec2(0, t.px(6)));
    }
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Strengths"));
    if (r.strengths.empty()) ui::TextWrappedColored(p.textMuted, tr("None stood out this time."));
    for (const auto& s : r.strengths) ui::TextWrappedColored(p.text, "✓ " + s.text);
    ImGui::Dummy(ImVec2(0, t.px(6)));
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Development areas"));
    if (r.developmentAreas.empty())
        ui::TextWrappedColored(p.textMuted, tr("Nothing to work on here."));
    for (const auto& s : r.developmentAreas) ui::TextWrappedColored(p.text, "→ " + s.text);
}

}  // namespace

void DebriefScreen::Draw(const ScreenContext& ctx, const DebriefView& view,
                         const FrameworkShelf& frameworks, TraineeActions& actions) {
    const Session* session = view.session;
    if (!session || !session->finished()) {
        actions.backToLibrary();
        return;
    }
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    const Scenario& s = session->scenario();
    const Ending& ending = *session->ending();

    // Title clipped to leave room for the actions on the right.
    const ImGuiStyle& st = ImGui::GetStyle();
    // Each button at least its English width, wider when a translation needs it.
    auto fit = [&](const char* msgid, float minimum) {
        return std::max(t.px(minimum), ImGui::CalcTextSize(tr(msgid)).x + st.FramePadding.x * 2);
    };
    const CampaignCard* campaign = view.campaign;
    // A meeting is played once, in order: its debrief leads on to the next meeting instead.
    const bool nextMeeting = campaign && view.campaignCounted && !campaign->state.score.complete &&
                             campaign->state.score.nextMeeting &&
                             mayPlayMeeting(campaign->state, *campaign->state.score.nextMeeting);
    const float againW = campaign ? 0.0f : fit("Try again", 130),
                nextW = campaign ? (nextMeeting ? fit("Next meeting", 150) : 0.0f)
                                 : fit("Next scenario", 150),
                libraryW = fit("Library", 110);
    const int shownButtons = 1 + (againW > 0) + (nextW > 0);
    const float buttonsW = againW + nextW + libraryW + st.ItemSpacing.x * float(shownButtons - 1);
    const float avail = ImGui::GetContentRegionAvail().x;
    // The buttons go under the title when beside it they would leave the title too little room
    // (large text, a narrow window, a long language), instead of covering it.
    const bool ownRow = avail - buttonsW - t.px(20) < t.px(220);
    const float titleW = ownRow ? avail : avail - buttonsW - t.px(20);
    const float titleH = ImGui::GetFrameHeight() + t.px(8);
    ImGui::BeginChild("##title", ImVec2(titleW, titleH), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    // One line, shortened with "…" (the whole title on hover): a second line would be cut in half
    // by the buttons' row.
    if (ctx.fonts.heading) ImGui::PushFont(ctx.fonts.heading);
    ui::TextFittedColored(p.text, uiFormat(tr("Debrief · {scenario}"), {{"scenario", s.title}}),
                          titleW);
    if (ctx.fonts.heading) ImGui::PopFont();
    ImGui::EndChild();
    if (ownRow)
        ImGui::SetCursorPosX(
            std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttonsW));
    else
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttonsW);
    // Each action replaces or ends the session this frame has been reading: stop drawing it.
    if (campaign) {
        if (nextMeeting) {
            if (ui::PrimaryButton(loc, t, trLabel("Next meeting").c_str(), ImVec2(nextW, 0)))
                return actions.nextMeeting();
            ImGui::SameLine();
        }
    } else {
        if (ui::PrimaryButton(loc, t, trLabel("Try again").c_str(), ImVec2(againW, 0)))
            return actions.tryAgain();
        ImGui::SameLine();
        if (ui::Button(loc, trLabel("Next scenario").c_str(), ImVec2(nextW, 0)))
            return actions.nextScenario();
        ImGui::SameLine();
    }
    if (ui::Button(loc, trLabel("Library").c_str(), ImVec2(libraryW, 0)))
        return actions.backToLibrary();
    // Whether the attempt is in the results yet: "Saved" only once every write queued for it,
    // the ending and report last, is on disk.
    if (view.saveState != SaveState::None) {
        ImGui::PushFont(ctx.fonts.small);
        switch (view.saveState) {
            case SaveState::Saving:
                ui::TextWrappedColored(p.textMuted, tr("Saving this attempt to your results…"));
                break;
            case SaveState::Saved:
                ui::TextWrappedColored(p.success, tr("✓ Saved to your results"));
                break;
            case SaveState::Failed:
                ui::TextWrappedColored(p.danger, tr("✗ This attempt is not saved"));
                break;
            case SaveState::None:
                break;
        }
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(0, t.px(4)));
    if (campaign && view.campaignCounted) drawCampaignProgress(ctx, *campaign);

    DebriefContent content;
    content.report = view.report;
    content.scenario = &s;
    content.transcript = &session->transcript();
    content.advice = view.advice;
    content.progress = view.progress;
    content.endingTitle = ending.title;
    content.endingSummary = ending.summary;
    content.reportError = view.reportError;
    content.pending = view.pending;
    content.trainee = view.trainee;
    content.clientName = trc("speaker", "Client");
    content.traineeCaption = trc("speaker", "You");
    content.transcriptHeading = tr("Your conversation, annotated");
    drawDebriefBody(ctx, content, frameworks);
}

void drawDebriefBody(const ScreenContext& ctx, const DebriefContent& content,
                     const FrameworkShelf& frameworks) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    const Scenario* s = content.scenario;
    const ScoreReport* report = content.report;
    Ending ending;
    ending.title = content.endingTitle;
    ending.summary = content.endingSummary;

    ImGui::BeginChild("##debrief", ImVec2(0, 0), false);
    // A debrief opens at the top, on the score: ImGui keeps a window's scroll across its uses,
    // so without this one opened where the previous was left.
    if (ImGui::IsWindowAppearing()) ImGui::SetScrollY(0.0f);
    if (report) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.px(18), t.px(14)));
        // A child cannot size itself to its content in ImGui 1.86: it takes the height the
        // summary had last frame, so reasons wrapped on a narrow window are never cut off.
        ImGuiStorage* storage = ImGui::GetStateStorage();
        const ImGuiID heightKey = ImGui::GetID("##summary-height");
        const float guess =
            ImGui::GetFontSize() * (4.5f + float(report->reasons.size()) * 1.6f) + t.px(40);
        const float summaryH = std::max(t.px(120), storage->GetFloat(heightKey, guess));
        ImGui::BeginChild("##summary", ImVec2(0, summaryH), true, ImGuiWindowFlags_NoScrollbar);
        drawSummary(ctx, *report, ending);
        const float needed = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y -
                             ImGui::GetStyle().ItemSpacing.y;
        ImGui::EndChild();
        if (std::abs(needed - summaryH) > 1.0f) storage->SetFloat(heightKey, needed);
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        ImGui::Dummy(ImVec2(0, t.px(6)));
        drawNextTime(ctx, *report, content.progress);
        ImGui::Dummy(ImVec2(0, t.px(6)));

        if (ImGui::BeginTable("##columns", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("competencies", ImGuiTableColumnFlags_WidthStretch, 0.58f);
            ImGui::TableSetupColumn("overview", ImGuiTableColumnFlags_WidthStretch, 0.42f);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                                   t.px(24));
            drawCompetencies(ctx, *report);
            ImGui::PopTextWrapPos();
            ImGui::TableSetColumnIndex(1);
            drawRemarks(ctx, *report, ImGui::GetContentRegionAvail().x);
            ImGui::EndTable();
        }
    } else {
        ui::Callout(t, ending.title + "\n" + ending.summary, p.accent, false);
        if (content.pending)
            ui::TextWrappedColored(p.textMuted,
                                   tr("Working out your scores against the best possible "
                                      "conversation…"));
        else if (!content.reportError.empty())
            ui::TextWrappedColored(p.warning, content.reportError);
    }

    // The annotated transcript: what each line earned or lost and what would have been stronger.
    ImGui::Dummy(ImVec2(0, t.px(12)));
    ui::TextInFont(ctx.fonts.heading, p.text, content.transcriptHeading);
    std::map<int, std::vector<std::pair<const CompetencyScore*, const EvidenceItem*>>> byStep;
    if (report)
        for (const auto& c : report->competencies)
            for (const auto& e : c.evidence) byStep[e.step].push_back({&c, &e});
    static const std::vector<StepAdvice> kNoAdvice;
    const auto& advice = content.advice ? *content.advice : kNoAdvice;
    static const Transcript kNoTranscript;
    const Transcript& transcript = content.transcript ? *content.transcript : kNoTranscript;
    const std::string& clientName = s ? s->client.name : content.clientName;
    for (const auto& step : transcript.steps) {
        auto n = s ? s->findNode(step.node) : std::nullopt;
        const Node* at = n ? &s->nodes[std::size_t(*n)] : nullptr;
        const std::string line = renderTraineeText(step.textShown, content.trainee);
        if (at && at->compose && at->compose->part > 0) {
            // A later part of a written reply: its instruction was shown with the first part.
        } else if (at && at->speaker == Speaker::Narrator) {
            ImGui::PushFont(ctx.fonts.small);
            ui::TextWrappedColored(p.narrator, line);
            ImGui::PopFont();
        } else if (n && !s->speakers.empty()) {
            // Several people spoke: each line under its speaker's name and role.
            const LineSpeaker who = lineSpeaker(*s, s->nodes[std::size_t(*n)]);
            ui::Bubble(t, ctx.fonts.small,
                       who.role.empty() ? who.name : who.name + " · " + who.role, line, false,
                       who.client ? p.clientBubble : p.castBubble);
        } else {
            ui::Bubble(t, ctx.fonts.small, clientName, line, false, p.clientBubble);
        }
        ui::Bubble(t, ctx.fonts.small,
                   uiFormat(tr("{speaker} · step {step}"), {{"speaker", content.traineeCaption},
                                                            {"step", std::to_string(step.step)}}),
                   step.timedOut ? std::string(kNoAnswer)
                                 : renderTraineeText(step.choiceText, content.trainee),
                   true, p.traineeBubble);
        std::string note;
        int net = 0;
        for (const auto& [c, e] : byStep[step.step]) {
            note += (note.empty() ? "" : "\n") + signedPoints(e->points) + "  " + c->name + " — " +
                    frameworks.indicatorDescription(e->indicator, interfaceLanguage());
            if (e->source == "rule") note += tr(" (rule)");
            net += e->points;
        }
        if (const std::string f = s ? stepFeedback(*s, step) : std::string(); !f.empty())
            note += (note.empty() ? "" : "\n") + f;
        const StepAdvice* a = nullptr;
        for (const auto& x : advice)
            if (x.step == step.step) a = &x;
        if (a && !a->tookBest && !a->bestText.empty())
            note += (note.empty() ? "" : "\n") +
                    uiFormat(tr("A stronger reply here: “{reply}”"), {{"reply", a->bestText}});
        if (!note.empty()) {
            ImGui::PushFont(ctx.fonts.small);
            ui::Callout(t, note, net > 0 ? p.success : net < 0 ? p.danger : p.accent, true);
            ImGui::PopFont();
        }
        ImGui::Dummy(ImVec2(0, t.px(8)));
    }
    ImGui::EndChild();
}

}  // namespace rapport::app
