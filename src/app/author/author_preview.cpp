#include "app/author/author_preview.hpp"

#include <imgui.h>

#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/authoring/scenario_preview.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/step_effect.hpp"
#include "core/scenario/line_speaker.hpp"
#include "core/translation/ui_format.hpp"

namespace rapport::app {

namespace {

std::string variablesKey(const Scenario& s) {
    std::string key = s.id;
    for (const auto& v : s.variables) key += "|" + v.id;
    return key;
}

}  // namespace

void AuthorPreview::stop() {
    session_.reset();
    scenario_.reset();
    feedback_.clear();
    replayed_.clear();
    replayError_.clear();
}

bool AuthorPreview::replay(const Scenario& s, const std::string& choices, std::uint64_t seed,
                           std::uint64_t revision) {
    stop();
    auto script = parseChoiceScript(choices, replayError_);
    if (!script) return false;
    scenario_ = std::make_unique<Scenario>(s);
    replayClock_.set(0);
    session_.emplace(*scenario_, replayClock_, seed);
    revision_ = revision;
    replayed_ = choices;
    for (const ScriptEntry& entry : *script) {
        if (session_->finished()) break;
        const Node& node = session_->node();
        const auto& shown = session_->choices();
        const std::string feedback =
            !entry.timeout && entry.position >= 1 && entry.position <= int(shown.size())
                ? node.choices[std::size_t(shown[std::size_t(entry.position - 1)])].feedback
                : std::string();
        replayError_ = playScriptEntry(*session_, replayClock_, entry);
        if (!replayError_.empty()) return false;
        feedback_.push_back(feedback);
    }
    return true;
}

void AuthorPreview::start(const Scenario& s, int node, const Clock& clock, std::uint64_t revision) {
    if (valuesFor_ != variablesKey(s) || values_.size() != s.variables.size()) {
        values_.clear();
        for (const auto& v : s.variables) values_.push_back(v.initial);
        valuesFor_ = variablesKey(s);
    }
    session_.reset();
    replayed_.clear();
    replayError_.clear();
    scenario_ = std::make_unique<Scenario>(scenarioStartingAt(s, node, values_));
    session_.emplace(*scenario_, clock);
    revision_ = revision;
    feedback_.clear();
}

void AuthorPreview::drawStart(const Theme& t, const FontSet& fonts, WidgetLocator& loc,
                              const Clock& clock, const Scenario& s, int node,
                              std::uint64_t revision) {
    const Palette& p = t.palette;
    const Scenario* scenario = &s;
    if (valuesFor_ != variablesKey(*scenario) || values_.size() != scenario->variables.size()) {
        values_.clear();
        for (const auto& v : scenario->variables) values_.push_back(v.initial);
        valuesFor_ = variablesKey(*scenario);
    }
    const bool nodeOk = node >= 0 && node < int(scenario->nodes.size());
    ui::TextInFont(fonts.heading, p.text,
                   nodeOk ? uiFormat(tr("Play from \u201c{node}\u201d"),
                                     {{"node", scenario->nodes[std::size_t(node)].id}})
                          : std::string(tr("Select a node to play from")));
    if (!scenario->variables.empty()) {
        ui::TextWrappedColored(p.textMuted, tr("Variable values at the start:"));
        for (std::size_t i = 0; i < scenario->variables.size(); ++i) {
            const Variable& v = scenario->variables[i];
            ImGui::PushID(int(i));
            if (v.type == ValueType::Boolean) {
                bool b = values_[i] != 0;
                if (ImGui::Checkbox(v.id.c_str(), &b)) values_[i] = b ? 1 : 0;
            } else {
                ImGui::SetNextItemWidth(t.px(120));
                ImGui::InputScalar(v.id.c_str(), ImGuiDataType_S64, &values_[i]);
            }
            loc.recordLastItem("Value " + v.id);
            ImGui::PopID();
        }
        if (ui::Button(loc, trLabel("Reset values").c_str())) {
            for (std::size_t i = 0; i < values_.size(); ++i)
                values_[i] = scenario->variables[i].initial;
        }
        ImGui::SameLine();
    }
    if (nodeOk &&
        ui::PrimaryButton(
            loc, t, (session_ ? trLabel("Restart preview") : trLabel("Start preview")).c_str()))
        start(*scenario, node, clock, revision);
}

void AuthorPreview::Draw(const Theme& t, const FontSet& fonts, WidgetLocator& loc,
                         const Clock& clock, const Scenario* scenario, int node,
                         std::uint64_t revision) {
    const Palette& p = t.palette;
    if (!scenario) {
        ui::TextWrappedColored(
            p.textMuted, tr("Preview needs a file without errors: fix the problems listed below "
                            "the graph, then play from any node here."));
    } else {
        drawStart(t, fonts, loc, clock, *scenario, node, revision);
    }
    if (!session_) return;

    ImGui::Separator();
    if (revision != revision_)
        ui::TextWrappedColored(
            p.warning,
            tr("The file has changed since this preview started; restart to play the new "
               "version."));
    if (!replayed_.empty())
        ui::TextWrappedColored(
            p.textMuted,
            uiFormat(tr("Replaying choices {choices} from the start (seed {seed})."),
                     {{"choices", replayed_}, {"seed", std::to_string(session_->seed())}}));
    if (!replayError_.empty())
        ui::TextWrappedColored(
            p.danger, uiFormat(tr("The replay stopped: {error}"), {{"error", replayError_}}));
    const Session& s = *session_;
    for (const auto& m : scenario_->meters) {
        const auto value = s.variable(m.variable);
        const float frac = float(value - m.min) / float(std::max<std::int64_t>(1, m.max - m.min));
        ui::LabeledBar(t, m.label, std::to_string(value), frac, ui::levelColor(t, frac));
    }
    for (const auto& step : s.transcript().steps) {
        ui::TextWrappedColored(p.textMuted, step.node + ": " + step.textShown);
        ui::TextWrappedColored(p.accent,
                               "> " + (step.timedOut ? std::string(kNoAnswer) : step.choiceText));
        const std::size_t k = std::size_t(step.step - 1);
        if (k < feedback_.size() && !feedback_[k].empty())
            ui::TextWrappedColored(p.narrator, feedback_[k]);
    }
    ui::TextInFont(fonts.body, p.text,
                   s.node().id + " (" + lineSpeaker(s.scenario(), s.node()).key + "): " + s.text());
    if (!s.lastError().empty())
        ui::TextWrappedColored(p.danger,
                               uiFormat(tr("Run-time error: {error}"), {{"error", s.lastError()}}));
    if (s.finished()) {
        const Ending* e = s.ending();
        ui::TextWrappedColored(
            p.success, uiFormat(tr("Ending: {outcome} — {title}"),
                                {{"outcome", outcomeName(e->outcome)}, {"title", e->title}}));
        return;
    }
    const auto shown = s.choices();
    int chosen = -1;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Choice& c = s.node().choices[std::size_t(shown[i])];
        ImGui::PushID(int(i));
        if (ui::Button(loc, ("Preview choice " + std::to_string(i + 1)).c_str())) chosen = int(i);
        ImGui::SameLine();
        ui::TextWrapped(c.text);
        ImGui::PopID();
    }
    if (shown.empty())
        ui::TextWrappedColored(p.danger,
                               tr("No choice is shown here with these values: a dead end."));
    if (s.node().isTimed() && ui::Button(loc, trLabel("Let the time run out").c_str())) {
        session_->timeout();
        feedback_.push_back("");
    }
    if (chosen >= 0) {
        const Choice& c = s.node().choices[std::size_t(shown[std::size_t(chosen)])];
        const std::string feedback = c.feedback;
        if (session_->choose(chosen)) feedback_.push_back(feedback);
    }
}

}  // namespace rapport::app
