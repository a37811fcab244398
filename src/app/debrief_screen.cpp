#include "debrief_screen.hpp"

#include <algorithm>

#include "app.hpp"
#include "widgets.hpp"

namespace rapport::app {
namespace {

const Choice* findChoice(const Scenario& s, const TranscriptStep& step) {
    auto n = s.findNode(step.node);
    if (!n) return nullptr;
    for (const auto& c : s.nodes[*n].choices)
        if (c.id == step.choice) return &c;
    return nullptr;
}

}  // namespace

void DebriefScreen::Draw(App& app) {
    const Session* session = app.session();
    if (!session || !session->finished()) {
        app.backToLibrary();
        return;
    }
    const Theme& t = app.theme();
    const Palette& p = t.palette;
    WidgetLocator& loc = app.locator();
    const Scenario& s = session->scenario();
    const Ending& ending = *session->ending();

    ui::TextInFont(app.fonts().title, p.text, "Debrief: " + s.title);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - t.px(420));
    if (ui::PrimaryButton(loc, t, "Try again", ImVec2(t.px(130), 0))) app.tryAgain();
    ImGui::SameLine();
    if (ui::Button(loc, "Next scenario", ImVec2(t.px(150), 0))) app.nextScenario();
    ImGui::SameLine();
    if (ui::Button(loc, "Library", ImVec2(t.px(110), 0))) app.backToLibrary();

    ImGui::BeginChild("##debrief", ImVec2(0, 0), false);
    ui::Callout(t, ending.title + "\n" + ending.summary, p.accent, false);
    ImGui::Dummy(ImVec2(0, t.px(10)));

    if (showTranscript) {
        ui::TextInFont(app.fonts().heading, p.text, "Your conversation, annotated");
        for (const auto& step : session->transcript().steps) {
            ui::Bubble(t, app.fonts().small, s.client.name, step.textShown, false, p.clientBubble);
            ui::Bubble(t, app.fonts().small, "You",
                       step.timedOut ? std::string("(no answer — time ran out)") : step.choiceText,
                       true, p.traineeBubble);
            if (const Choice* c = findChoice(s, step)) {
                std::string note = c->feedback;
                for (const auto& e : c->evidence) {
                    note += (note.empty() ? "" : "\n") + std::string("• ") + e.indicator;
                    if (e.points) note += " (" + std::to_string(*e.points) + ")";
                    if (!e.note.empty()) note += ": " + e.note;
                }
                if (!note.empty()) {
                    ImGui::PushFont(app.fonts().small);
                    ui::Callout(t, note, p.accent, true);
                    ImGui::PopFont();
                }
            }
            ImGui::Dummy(ImVec2(0, t.px(8)));
        }
    }
    ImGui::EndChild();
}

}  // namespace rapport::app
