#include "app/trainee/conversation_screen.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "app/trainee/countdown_display.hpp"
#include "core/play/client_mood.hpp"
#include "core/play/deal_terms.hpp"
#include "core/play/letter_draft.hpp"
#include "core/play/step_effect.hpp"
#include "core/play/timing.hpp"
#include "core/scenario/line_speaker.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {
namespace {

const char* outcomeLabel(Outcome o) {
    switch (o) {
        case Outcome::Won:
            return tr("Won");
        case Outcome::Partial:
            return tr("Partly won");
        case Outcome::Lost:
            return tr("Lost");
        case Outcome::Escalated:
            return tr("Escalated");
    }
    return "";
}

ImVec4 outcomeColor(const Palette& p, Outcome o) {
    switch (o) {
        case Outcome::Won:
            return p.success;
        case Outcome::Partial:
            return p.warning;
        case Outcome::Lost:
        case Outcome::Escalated:
            return p.danger;
    }
    return p.textMuted;
}

std::string meterText(const std::vector<MeterChange>& changes) {
    std::string out;
    for (const auto& m : changes) {
        if (!out.empty()) out += "   ";
        const auto d = m.after - m.before;
        out += m.label + (d > 0 ? " ▲ +" : " ▼ −") + std::to_string(d > 0 ? d : -d);
    }
    return out;
}

ImTextureID portraitOf(const PortraitLookup& portraits, const std::string& written) {
    return portraits && !written.empty() ? portraits(written) : nullptr;
}

// The named speakers who have spoken so far (the current line included), in order of their
// first line: a finance director who drops in appears when they do.
std::vector<int> speakersSoFar(const Session& session) {
    const Scenario& s = session.scenario();
    std::vector<int> out;
    auto add = [&](const Node& n) {
        if (n.speaker == Speaker::Cast && std::find(out.begin(), out.end(), n.cast) == out.end())
            out.push_back(n.cast);
    };
    for (const auto& step : session.transcript().steps)
        if (auto n = s.findNode(step.node)) add(s.nodes[std::size_t(*n)]);
    add(session.node());
    return out;
}

void drawAlsoPresent(const ScreenContext& ui, const Session& session,
                     const PortraitLookup& portraits) {
    const auto cast = speakersSoFar(session);
    if (cast.empty()) return;
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    const Scenario& s = session.scenario();
    ImGui::PushFont(ui.fonts.small);
    ui::TextWrappedColored(p.textMuted, tr("Also in the conversation"));
    ImGui::PopFont();
    const float d = t.px(30);
    for (int i : cast) {
        const CastMember& m = s.speakers[std::size_t(i)];
        ImGui::BeginGroup();
        if (ImTextureID tex = portraitOf(portraits, m.portrait))
            ImGui::Image(tex, ImVec2(d, d));
        else
            ui::InitialsAvatar(t, ui.fonts.small, m.name, d);
        ImGui::EndGroup();
        ImGui::SameLine(0, t.px(8));
        ImGui::BeginGroup();
        ui::TextWrappedColored(p.text, m.name);
        ImGui::PushFont(ui.fonts.small);
        ui::TextWrappedColored(p.textMuted, m.role);
        ImGui::PopFont();
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, t.px(2)));
    }
    ImGui::Dummy(ImVec2(0, t.px(4)));
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, t.px(4)));
}

// The deal as the trainee's replies have set it (core/play/deal_terms): a concession with its
// limits as a bar whose end is the budget, with a tick at the trainee's own authority, and the
// line in words, so the figures that decide exceeds-authority are in view before a reply, not
// only in the debrief. Shown in both modes: these are the trainee's own figures, not the
// client's mood.
void drawDealTerms(const ScreenContext& ui, const Session& session) {
    const auto terms = dealTerms(session);
    if (terms.empty()) return;
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    ImGui::PushFont(ui.fonts.small);
    ui::TextWrappedColored(p.textMuted, tr("Deal terms"));
    for (const DealTerm& term : terms) {
        const bool past = term.pastLimit();
        // Shape and words as well as colour: a past limit is marked "!" and said in the line.
        const std::string line = (past ? "! " : "") + dealTermText(term);
        ui::TextWrappedColored(past ? p.danger : p.text, line);
        if (const auto scale = dealTermScale(term); scale && *scale > 0) {
            const float width = ImGui::GetContentRegionAvail().x;
            const float h = t.px(6);
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ImGui::GetColorU32(p.track),
                              h * 0.5f);
            const float f = std::clamp(float(term.value) / float(*scale), 0.0f, 1.0f);
            if (f > 0)
                dl->AddRectFilled(pos, ImVec2(pos.x + std::max(h, width * f), pos.y + h),
                                  ImGui::GetColorU32(past ? p.danger : p.accent), h * 0.5f);
            if (term.authority && term.budget && *term.budget > 0) {
                const float x =
                    pos.x +
                    width * std::clamp(float(*term.authority) / float(*term.budget), 0.0f, 1.0f);
                dl->AddLine(ImVec2(x, pos.y - t.px(2)), ImVec2(x, pos.y + h + t.px(2)),
                            ImGui::GetColorU32(p.text), t.px(2));
            }
            ImGui::Dummy(ImVec2(width, h + t.px(2)));
        }
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, t.px(6)));
}

// The written reply being assembled: a letter card with its header, the paragraphs chosen so
// far and a placeholder for the part being chosen now.
void drawLetter(const ScreenContext& ui, const LetterDraft& draft) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    const Letter& l = *draft.letter;
    const float width = ImGui::GetContentRegionAvail().x * 0.86f;
    const ImVec2 pad(t.px(16), t.px(12));
    // The paper is drawn behind the text once its height is known (channel 0 under channel 1).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad.x, start.y + pad.y));
    ImGui::BeginGroup();
    const float wrapAt = ImGui::GetCursorPosX() + width - pad.x * 2;
    auto line = [&](const ImVec4& color, const std::string& text) {
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::PushTextWrapPos(wrapAt);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    };
    ImGui::PushFont(ui.fonts.small);
    line(p.textMuted, uiFormat(tr("To: {recipient}"), {{"recipient", l.to}}));
    line(p.textMuted, uiFormat(tr("Subject: {subject}"), {{"subject", l.subject}}));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, t.px(4)));
    for (const auto& para : draft.paragraphs) {
        line(p.text, para);
        ImGui::Dummy(ImVec2(0, t.px(4)));
    }
    ImGui::PushFont(ui.fonts.small);
    line(p.accent,
         uiFormat(tr("[{part}: choose below]"), {{"part", l.labels[std::size_t(draft.part)]}}));
    ImGui::PopFont();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad.y;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, ImVec2(start.x + width, bottom), ImGui::GetColorU32(p.background),
                      t.px(6));
    dl->AddRect(start, ImVec2(start.x + width, bottom), ImGui::GetColorU32(p.border), t.px(6));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
    ImGui::Dummy(ImVec2(width, t.px(6)));
}

// The deal terms and the meters (or the exam note): the figures a reply is weighed against.
void drawLiveFigures(const ScreenContext& ui, const AttemptFlow& flow) {
    const Session& session = flow.session();
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    const Scenario& s = session.scenario();
    drawDealTerms(ui, session);
    if (flow.metersVisible()) {
        for (const auto& m : s.meters) {
            const auto v = session.variable(m.variable);
            const float span = float(std::max<std::int64_t>(1, m.max - m.min));
            const float f = float(v - m.min) / span;
            ui::LabeledBar(t, m.label, std::to_string(v) + " / " + std::to_string(m.max), f,
                           ui::levelColor(t, f));
            ImGui::Dummy(ImVec2(0, t.px(2)));
        }
    } else {
        ImGui::PushFont(ui.fonts.small);
        ui::TextWrappedColored(p.textMuted,
                               tr("Exam mode: the client's mood and the feedback stay hidden until "
                                  "the debrief."));
        ImGui::PopFont();
    }
}

// Who the client is, the documents and who else is in the room: read once, so this part scrolls
// (with a scroll bar) when a long briefing does not fit.
void drawClientPanel(const ScreenContext& ui, const AttemptFlow& flow,
                     const PortraitLookup& portraits, DocumentsPanel& documents) {
    const Session& session = flow.session();
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    const Scenario& s = session.scenario();
    const float avatar = t.px(88);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, (ImGui::GetContentRegionAvail().x - avatar) * 0.5f));
    // The face follows the meters and shows when they do (core/play/client_mood.hpp); a
    // scenario without mood variants of its portrait keeps the one portrait.
    const ClientMood mood =
        flow.metersVisible() ? clientMood(s, session.variables()) : ClientMood::Neutral;
    ImTextureID tex = portraitOf(portraits, moodPortrait(s.client.portrait, mood));
    if (!tex) tex = portraitOf(portraits, s.client.portrait);
    if (tex) {
        ImGui::Image(tex, ImVec2(avatar, avatar));
        if (mood != ClientMood::Neutral && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s",
                              uiFormat(mood == ClientMood::Pleased ? tr("{name} looks pleased")
                                                                   : tr("{name} looks displeased"),
                                       {{"name", s.client.name}})
                                  .c_str());
    } else {
        ui::InitialsAvatar(t, ui.fonts.title, s.client.name, avatar);
    }
    ImGui::Dummy(ImVec2(0, t.px(4)));
    ui::TextInFont(ui.fonts.heading, p.text, s.client.name);
    ui::TextWrappedColored(p.text, s.client.role);
    ui::TextWrappedColored(p.textMuted, s.client.company);
    ImGui::Dummy(ImVec2(0, t.px(4)));
    ImGui::PushFont(ui.fonts.small);
    ui::TextWrappedColored(p.textMuted, s.client.description);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, t.px(8)));
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, t.px(4)));
    documents.DrawList(ui, session);
    drawAlsoPresent(ui, session, portraits);
}

}  // namespace

void ConversationScreen::Draw(const ScreenContext& ui, const AttemptFlow* flow,
                              const LibraryEntry* entry, const PortraitLookup& portraits,
                              TraineeActions& actions) {
    if (!flow || !entry) {
        actions.backToLibrary();
        return;
    }
    const Session* session = &flow->session();
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ui.locator;
    const Scenario& s = session->scenario();
    const bool practice = flow->mode() == AttemptMode::Practice;

    // Header: scenario title, mode, leave.
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(s.title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.px(4));
    ui::Chip(t, practice ? trc("mode", "Practice") : trc("mode", "Exam"),
             mix(p.surface, practice ? p.accent : p.warning, 0.16f),
             practice ? p.accent : p.warning);
    ImGui::PopFont();
    const char* leave = tr("Leave conversation");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(leave).x -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (ui::Button(loc, trLabel("Leave conversation").c_str())) {
        actions.backToLibrary();
        return;
    }
    ImGui::Dummy(ImVec2(0, t.px(2)));

    // The briefing comes first, before the first line (not again on a resumed attempt).
    if (!briefed && hasBriefing(s) && session->transcript().steps.empty()) {
        if (DrawBriefing(ui, *session, portraitOf(portraits, s.client.portrait))) briefed = true;
        return;
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float bottomPad = t.px(16);
    const float leftW = std::clamp(avail.x * 0.26f, t.px(220), t.px(340));
    if (ui::BeginCard(t, "##client", ImVec2(leftW, avail.y - bottomPad))) {
        // The live figures stay pinned at the foot of the card, always in view: on a small
        // screen a long client description scrolls above them instead of pushing them out of
        // sight. Their height is last frame's (it changes only when a term appears).
        const float cardH = ImGui::GetContentRegionAvail().y;
        const float topH = std::max(t.px(120), cardH - liveFiguresH);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::BeginChild("##clientAbout", ImVec2(0, topH), false);
        drawClientPanel(ui, *flow, portraits, documents);
        ImGui::EndChild();
        ImGui::PopStyleVar();
        const float top = ImGui::GetCursorPosY();
        drawLiveFigures(ui, *flow);
        liveFiguresH = ImGui::GetCursorPosY() - top + ImGui::GetStyle().ItemSpacing.y;
    }
    ui::EndCard();
    ImGui::SameLine(0, t.px(16));

    ImGui::BeginGroup();
    const float rightW = ImGui::GetContentRegionAvail().x;
    // Choices first measured, so the transcript takes the rest of the height.
    const auto& shown = session->choices();
    const ImGuiStyle& st = ImGui::GetStyle();
    float choicesH = 0;
    if (session->finished()) {
        choicesH = t.px(150);
    } else {
        const float textW = rightW - t.px(30) - t.px(14) * 3;
        for (int idx : shown) {
            const std::string text = renderTraineeText(session->node().choices[idx].text, trainee);
            choicesH +=
                std::max(ImGui::CalcTextSize(text.c_str(), nullptr, false, textW).y, t.px(30)) +
                t.px(24) + st.ItemSpacing.y;
        }
        choicesH += ImGui::GetTextLineHeightWithSpacing() + t.px(8);  // "Your reply" caption
        if (session->timed()) choicesH += t.px(34);
    }
    const float transcriptH =
        std::max(t.px(120), avail.y - bottomPad - choicesH - st.ItemSpacing.y);

    // Transcript.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.px(18), t.px(14)));
    ImGui::BeginChild("##transcript", ImVec2(rightW, transcriptH), true);
    // With named speakers every line carries its speaker's portrait, name and role; a
    // conversation with the client alone keeps the plain bubble (the client card says who).
    auto clientLine = [&](const Node* node, const std::string& text) {
        const LineSpeaker who = node ? lineSpeaker(s, *node) : LineSpeaker{};
        if (node && who.narrator) {
            ImGui::PushFont(ui.fonts.small);
            ui::TextWrappedColored(p.narrator, text);
            ImGui::PopFont();
        } else if (!s.speakers.empty() && node) {
            const std::string caption = who.role.empty() ? who.name : who.name + " · " + who.role;
            ui::SpeakerBubble(t, ui.fonts.small, portraitOf(portraits, who.portrait), who.name,
                              caption, text, who.client ? p.clientBubble : p.castBubble);
        } else {
            ui::Bubble(t, ui.fonts.small, s.client.name, text, false, p.clientBubble);
        }
        ImGui::Dummy(ImVec2(0, t.px(4)));
    };
    auto nodeOf = [&](const std::string& id) -> const Node* {
        auto n = s.findNode(id);
        return n ? &s.nodes[std::size_t(*n)] : nullptr;
    };
    const auto& steps = session->transcript().steps;
    const auto& echoes = flow->effects();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& step = steps[i];
        // The later parts of a written reply repeat its instruction: said once is enough.
        const Node* at = nodeOf(step.node);
        if (!(at && at->compose && at->compose->part > 0))
            clientLine(at, renderTraineeText(step.textShown, trainee));
        if (step.timedOut) {
            ui::Bubble(t, ui.fonts.small, trc("speaker", "You"), std::string(kNoAnswer), true,
                       mix(p.traineeBubble, p.danger, 0.15f));
        } else {
            ui::Bubble(t, ui.fonts.small, trc("speaker", "You"),
                       renderTraineeText(step.choiceText, trainee), true, p.traineeBubble);
        }
        if (feedbackShownDuringPlay(flow->mode()) && i < echoes.size()) {
            std::string note = echoes[i].feedback;
            const std::string meters = meterText(echoes[i].meters);
            if (!meters.empty()) note += (note.empty() ? "" : "\n") + meters;
            if (!note.empty()) {
                ImGui::Dummy(ImVec2(0, t.px(2)));
                ImGui::PushFont(ui.fonts.small);
                ui::Callout(t, note, p.accent, true);
                ImGui::PopFont();
            }
        }
        ImGui::Dummy(ImVec2(0, t.px(6)));
    }
    const auto draft = letterDraft(*session);
    if (!(draft && draft->part > 0))
        clientLine(&session->node(), renderTraineeText(session->text(), trainee));
    if (draft) drawLetter(ui, *draft);
    if (const Ending* ending = session->ending()) {
        ImGui::Dummy(ImVec2(0, t.px(4)));
        ui::Callout(
            t,
            uiFormat(tr("{outcome} — {ending}"),
                     {{"outcome", outcomeLabel(ending->outcome)}, {"ending", ending->title}}) +
                "\n" + ending->summary,
            outcomeColor(p, ending->outcome), false);
    }
    // Follow the conversation: jump to the end when a line is added (a few frames, because the
    // new content's height is only known after it is laid out).
    const std::size_t lines = steps.size() + (session->finished() ? 1 : 0);
    if (lines != linesSeen) {
        linesSeen = lines;
        scrollFrames = 3;
    }
    if (scrollFrames > 0) {
        ImGui::SetScrollHereY(1.0f);
        --scrollFrames;
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    // Replies, countdown or the way to the debrief.
    if (session->finished()) {
        ImGui::Dummy(ImVec2(0, t.px(6)));
        ui::TextWrappedColored(p.textMuted, tr("The conversation is over."));
        const bool open =
            ui::PrimaryButton(loc, t, trLabel("See debrief").c_str(), ImVec2(t.px(220), t.px(44)));
        // The keyboard's focus moves to the only thing left to do, so Enter opens the debrief
        // (the replies it was on are gone).
        if (!endingFocused) {
            ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
            endingFocused = true;
        }
        if (open) actions.showDebrief();
    } else {
        if (session->timed()) {
            const double limitMs = double(adjustedLimitMs(
                std::int64_t(*session->node().timeLimit * 1000.0), session->timing()));
            const auto left = session->timeLeftMs();
            const float f = limitMs > 0 ? float(double(left) / limitMs) : 0.0f;
            const std::string seconds = uiFormat(
                tr("{seconds} s"), {{"seconds", std::to_string(countdownSecondsShown(left))}});
            ImGui::PushFont(ui.fonts.small);
            ui::LabeledBar(t, tr("The client is waiting for your answer"), seconds.c_str(), f,
                           f < 0.3f   ? p.danger
                           : f < 0.6f ? p.warning
                                      : p.accent,
                           6);
            ImGui::PopFont();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        if (draft)
            ImGui::TextUnformatted(
                uiFormat(tr("{part}  (part {number} of {count}: press 1–9 or click)"),
                         {{"part", draft->letter->labels[std::size_t(draft->part)]},
                          {"number", std::to_string(draft->part + 1)},
                          {"count", std::to_string(draft->letter->parts.size())}})
                    .c_str());
        else
            ImGui::TextUnformatted(tr("Your reply  (press 1–9 or click)"));
        ImGui::PopStyleColor();
        int picked = -1;
        for (std::size_t k = 0; k < shown.size(); ++k) {
            const std::string text =
                renderTraineeText(session->node().choices[shown[k]].text, trainee);
            if (ui::ChoiceButton(loc, t, int(k) + 1, text)) picked = int(k);
        }
        if (!ImGui::GetIO().WantTextInput)
            for (int k = 0; k < std::min<int>(9, int(shown.size())); ++k)
                if (ImGui::IsKeyPressed(GLFW_KEY_1 + k, false) ||
                    ImGui::IsKeyPressed(GLFW_KEY_KP_1 + k, false))
                    picked = k;
        if (picked >= 0) actions.choose(picked);
    }
    ImGui::EndGroup();
    documents.DrawReader(ui, *session);
}

}  // namespace rapport::app
