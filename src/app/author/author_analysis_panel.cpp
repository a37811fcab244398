#include "app/author/author_analysis_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

namespace {

std::string fixed(double v, int decimals = 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string countOf(const char* pattern, long long n) {
    return uiFormat(pattern, {{"n", std::to_string(n)}});
}

// "Best: score 86 (pass), 7 decisions, ends at won (won); choices 1,2,1": one sentence per
// state, the node ids, outcome and choice list as the file has them.
std::string pathLine(const char* label, const AnalysisPath& p) {
    if (!p.found) return uiFormat(tr("{label}: none found"), {{"label", label}});
    return uiFormat(
        p.passed ? tr("{label}: score {score} (pass), {decisions}, ends at {ending} ({outcome}); "
                      "choices {choices}")
                 : tr("{label}: score {score} (fail), {decisions}, ends at {ending} ({outcome}); "
                      "choices {choices}"),
        {{"label", label},
         {"score", fixed(p.score)},
         {"decisions", countOf(trn("{n} decision", "{n} decisions", p.steps), p.steps)},
         {"ending", p.ending},
         {"outcome", p.outcome},
         {"choices", p.choices}});
}

std::string replayKey(const std::string& choices, std::uint64_t seed) {
    return choices + "@" + std::to_string(seed);
}

// A path's line with a Replay button before it (found by scripts as "Replay NAME"): the button
// plays the path in the preview, which draws it on the graph.
bool replayablePath(const Theme& t, WidgetLocator& loc, const std::string& name,
                    const ImVec4& colour, const std::string& line, bool found, bool current) {
    bool clicked = false;
    if (found) {
        ImGui::PushID(name.c_str());
        const std::string label = std::string(tr("Replay")) + "###Replay " + name;
        clicked =
            current ? ui::PrimaryButton(loc, t, label.c_str()) : ui::Button(loc, label.c_str());
        ImGui::PopID();
        ImGui::SameLine();
    }
    ui::TextWrappedColored(colour, line);
    return clicked;
}

// The test-wise players' worst cases over seeds, the best path's surface cues and any ending
// that disagrees with its score: what a guesser who reads cues, not meaning, would get. A row
// clicked replays that player's highest-scoring play.
std::optional<PathReplay> drawTestwise(const Theme& t, const FontSet& fonts, WidgetLocator& loc,
                                       const ScenarioAnalysis& a, const std::string& replaying) {
    std::optional<PathReplay> replay;
    const Palette& p = t.palette;
    if (a.testwise.empty()) return replay;
    const double warnAbove = double(a.passScore) - kTestwiseMargin;
    ui::TextInFont(fonts.heading, p.text, tr("Test-wise players"));
    ui::TextWrappedColored(
        p.textMuted,
        uiFormat(tr("Each picks by one surface cue, never by meaning, under seeds 0-{last}; the "
                    "highest score over the seeds counts, and how many seeds pass. Above {warn} "
                    "(pass score {pass} minus {margin}) is a warning."),
                 {{"last", std::to_string(std::size(kTestwiseSeeds) - 1)},
                  {"warn", fixed(warnAbove)},
                  {"pass", std::to_string(a.passScore)},
                  {"margin", fixed(kTestwiseMargin)}}));
    if (ImGui::BeginTable("##testwise", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(trc("test-wise table", "player"),
                                ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(trc("test-wise table", "highest"),
                                ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(trc("test-wise table", "passes"),
                                ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(trc("test-wise table", "ending"),
                                ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableHeadersRow();
        for (const TestwiseResult& r : a.testwise) {
            const TestwisePlay& h = r.plays[r.highest];
            const bool bad = r.passedSeeds > 0 || h.score > warnAbove;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // The whole row is one selectable: a click (or Enter on it) replays the play.
            const bool current = replaying == replayKey(h.choices, h.seed);
            const std::string label = testwisePlayerLabel(r.player);
            const std::string name = ui::Elide(label, ImGui::GetContentRegionAvail().x);
            if (ImGui::Selectable((name + "###Replay " + r.player).c_str(), current,
                                  ImGuiSelectableFlags_SpanAllColumns))
                replay = PathReplay{h.choices, h.seed};
            loc.recordLastItem("Replay " + r.player);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%s\n%s", label.c_str(), testwiseRuleText(r.rule).c_str(),
                                  tr("Click to replay this play in the preview."));
            ImGui::TableNextColumn();
            ImGui::TextColored(bad ? p.danger : p.success, "%s",
                               uiNumber(fixed(h.score, 1)).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(tr("under seed %llu"), static_cast<unsigned long long>(h.seed));
            ImGui::TableNextColumn();
            char passes[64];
            std::snprintf(passes, sizeof passes, tr("%d of %zu"), r.passedSeeds, r.plays.size());
            ui::TextFittedColored(r.passedSeeds > 0 ? p.danger : p.text, passes);
            ImGui::TableNextColumn();
            ui::TextFitted(h.finished ? h.ending : std::string(tr("no ending")));
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s; --seed %llu --choices %s", h.outcome.c_str(),
                                  static_cast<unsigned long long>(h.seed), h.choices.c_str());
        }
        ImGui::EndTable();
    }
    if (a.cues && a.cues->decisions > 0) {
        const CueStatistics& c = *a.cues;
        const double gap = c.bestAcknowledgementRate() - c.otherAcknowledgementRate();
        // Wrapped, as every sentence of the panel: 40 % longer in another language, they ran
        // past the side panel.
        char line[512];
        std::snprintf(line, sizeof line,
                      tr("Best reply is the longest at %d of %d decisions of the best path"),
                      c.bestLongest, c.decisions);
        ui::TextWrappedColored(c.bestLongestShare() > kMaxBestLongestShare ? p.danger : p.text,
                               line);
        std::snprintf(line, sizeof line,
                      tr("Opens with an acknowledgement: best replies %s %%, others %s %%"),
                      fixed(c.bestAcknowledgementRate() * 100).c_str(),
                      fixed(c.otherAcknowledgementRate() * 100).c_str());
        ui::TextWrappedColored(
            gap > kMaxAcknowledgementGap || -gap > kMaxAcknowledgementGap ? p.danger : p.text,
            line);
    }
    for (const OutcomeMismatch& m : a.outcomeMismatches)
        ui::TextWrappedColored(
            p.danger, uiFormat(tr("{kind}: the {player} ends {ending} ({outcome}) with score "
                                  "{score}; choices {choices}"),
                               {{"kind", m.kind},
                                {"player", m.source},
                                {"ending", m.ending},
                                {"outcome", m.outcome},
                                {"score", uiNumber(fixed(m.score, 1))},
                                {"choices", m.choices}}));
    return replay;
}

}  // namespace

void AuthorAnalysisPanel::run(const Scenario& scenario, const Framework& framework,
                              std::uint64_t revision) {
    error_.clear();
    result_.reset();
    revision_ = revision;
    try {
        AnalysisOptions options;
        options.samples = samples_;
        result_ = analyzeScenario(scenario, framework, options);
    } catch (const std::exception& e) {
        error_ = e.what();
    }
}

std::optional<PathReplay> AuthorAnalysisPanel::Draw(const Theme& t, const FontSet& fonts,
                                                    WidgetLocator& loc, const Scenario* scenario,
                                                    const Framework* framework,
                                                    std::uint64_t revision) {
    const Palette& p = t.palette;
    std::optional<PathReplay> replay;
    if (!scenario) {
        ui::TextWrappedColored(
            p.textMuted, tr("Analysis needs a file without errors: fix the problems listed under "
                            "the graph first."));
    } else if (!framework) {
        ui::TextWrappedColored(
            p.danger,
            tr("The scenario's competence framework was not found, so it cannot be analysed."));
    } else {
        // Room for the largest count (100000) besides the − and + buttons, at any scale: a
        // fixed 120 px showed "200(" for 2000.
        const ImGuiStyle& st = ImGui::GetStyle();
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("100000").x + st.FramePadding.x * 2 +
                                (ImGui::GetFrameHeight() + st.ItemInnerSpacing.x) * 2);
        ImGui::InputInt(trLabel("random plays").c_str(), &samples_, 500, 1000);
        samples_ = std::clamp(samples_, 100, 100000);
        loc.recordLastItem("Random plays");
        // On the next line when the label and the button do not fit beside the field.
        ui::SameLineOrWrap(ui::ButtonWidth(tr("Run analysis")));
        if (ui::PrimaryButton(loc, t, trLabel("Run analysis").c_str()))
            run(*scenario, *framework, revision);
    }
    if (!error_.empty()) ui::TextWrappedColored(p.danger, error_);
    if (!result_) return replay;
    const ScenarioAnalysis& a = *result_;
    if (revision != revision_)
        ui::TextWrappedColored(
            p.warning,
            tr("The file has changed since this analysis; run it again for current figures."));

    ImGui::BeginChild("##analysis");
    ui::TextInFont(fonts.heading, p.text, tr("Structure"));
    ui::TextWrappedColored(
        p.text,
        uiFormat(tr("{nodes}, {choices}, {endings}, {timed}"),
                 {{"nodes", countOf(trn("{n} node", "{n} nodes", a.nodes), a.nodes)},
                  {"choices", countOf(trn("{n} choice", "{n} choices", a.choices), a.choices)},
                  {"endings", countOf(trn("{n} ending", "{n} endings", a.endings), a.endings)},
                  {"timed", countOf(trn("{n} timed node", "{n} timed nodes", a.timedNodes),
                                    a.timedNodes)}}));
    if (!a.problem.empty()) {
        ui::TextWrappedColored(p.danger, a.problem);
    } else {
        ui::TextWrappedColored(p.text, countOf(trn("{n} state explored (exact)",
                                                   "{n} states explored (exact)", a.states),
                                               (long long)a.states));
        if (!a.unreachableNodes.empty()) {
            std::string list;
            for (const auto& n : a.unreachableNodes) list += (list.empty() ? "" : ", ") + n;
            ui::TextWrappedColored(p.danger,
                                   uiFormat(tr("Unreachable: {nodes}"), {{"nodes", list}}));
        }
        // First after the size: whether habits pass matters more than any single path.
        if (auto r = drawTestwise(t, fonts, loc, a, replaying_)) replay = r;
        ui::TextInFont(fonts.heading, p.text, tr("Paths"));
        // Each found path replays in the preview from its button (seed 0: the file's order,
        // the order the exact search counts positions in).
        const auto path = [&](const char* name, const ImVec4& colour, const char* label,
                              const AnalysisPath& ap) {
            if (replayablePath(t, loc, name, colour, pathLine(label, ap), ap.found,
                               ap.found && replaying_ == replayKey(ap.choices, 0)))
                replay = PathReplay{ap.choices, 0};
        };
        path("best", p.success, trc("path", "Best"), a.best);
        path("worst", p.danger, trc("path", "Worst"), a.worst);
        if (a.poor.found) path("poor", p.textMuted, tr("Poor but plausible"), a.poor);
        // The endings' extremes: a won path below the pass mark, or a lost one above it, is
        // what the "Endings and scores" check reports; colour says which side it falls.
        if (a.lowestWon.found)
            path("lowest won", a.lowestWon.score < double(a.passScore) ? p.danger : p.text,
                 tr("Lowest-scoring won"), a.lowestWon);
        if (a.highestLost.found)
            path("highest lost", a.highestLost.passed ? p.danger : p.text,
                 tr("Highest-scoring lost"), a.highestLost);
        for (const auto& e : a.endingPaths) {
            const std::string line =
                e.reachable
                    ? uiFormat(tr("{ending} ({outcome}): shortest {decisions}, {choices}"),
                               {{"ending", e.node},
                                {"outcome", e.outcome},
                                {"decisions",
                                 countOf(trn("{n} decision", "{n} decisions", e.shortest.steps),
                                         e.shortest.steps)},
                                {"choices", e.shortest.choices}})
                    : uiFormat(tr("{ending} ({outcome}): never reached"),
                               {{"ending", e.node}, {"outcome", e.outcome}});
            if (replayablePath(t, loc, "ending " + e.node, e.reachable ? p.text : p.danger, line,
                               e.reachable,
                               e.reachable && replaying_ == replayKey(e.shortest.choices, 0)))
                replay = PathReplay{e.shortest.choices, 0};
        }
        ui::TextInFont(fonts.heading, p.text, tr("Competencies"));
        if (ImGui::BeginTable("##competencies", 4,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(trc("analysis table", "competency"));
            ImGui::TableSetupColumn(trc("analysis table", "opportunities"));
            ImGui::TableSetupColumn(trc("analysis table", "max"));
            ImGui::TableSetupColumn(trc("analysis table", "min"));
            ImGui::TableHeadersRow();
            for (const auto& c : a.competencies) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                // Each cell shortened to its column with "…", the whole on hover.
                ui::TextFitted(c.name + (c.primary ? " *" : ""));
                ImGui::TableNextColumn();
                ui::TextFitted(std::to_string(c.decisionPoints));
                ImGui::TableNextColumn();
                ui::TextFitted(c.maxUnbounded ? std::string(tr("unbounded"))
                                              : std::to_string(c.max.value));
                ImGui::TableNextColumn();
                ui::TextFitted(c.minUnbounded ? std::string(tr("unbounded"))
                                              : std::to_string(c.min.value));
            }
            ImGui::EndTable();
        }
        ui::TextWrappedColored(p.textMuted, tr("* assessed (decides pass or fail)"));
        if (!a.dominated.empty()) {
            ui::TextInFont(fonts.heading, p.text,
                           uiFormat(tr("Dominated replies ({n})"),
                                    {{"n", std::to_string(a.dominated.size())}}));
            for (const auto& d : a.dominated)
                ui::TextWrappedColored(
                    p.textMuted,
                    uiFormat(
                        tr("{node}: \u201c{choice}\u201d is never better than \u201c{by}\u201d"),
                        {{"node", d.node}, {"choice", d.choice}, {"by", d.by}}));
        }
    }
    if (a.random) {
        const RandomPlayStats& r = *a.random;
        ui::TextInFont(
            fonts.heading, p.text,
            uiFormat(tr("Random play ({plays}, seed {seed})"),
                     {{"plays", countOf(trn("{n} play", "{n} plays", r.samples), r.samples)},
                      {"seed", std::to_string(r.seed)}}));
        ui::TextWrappedColored(
            p.text,
            uiFormat(tr("median {median}, quartiles {q1}\u2013{q3}, range {min}\u2013{max}"),
                     {{"median", fixed(r.median)},
                      {"q1", fixed(r.lowerQuartile)},
                      {"q3", fixed(r.upperQuartile)},
                      {"min", fixed(r.min)},
                      {"max", fixed(r.max)}}));
        ui::TextWrappedColored(r.passRate > kMaxRandomPassRate ? p.danger : p.success,
                               uiFormat(tr("pass rate {rate} % ({passed} of {plays})"),
                                        {{"rate", uiNumber(fixed(r.passRate * 100, 1))},
                                         {"passed", std::to_string(r.passed)},
                                         {"plays", std::to_string(r.samples)}}));
    }
    if (!a.warnings.empty()) {
        ui::TextInFont(fonts.heading, p.text, tr("Warnings"));
        for (const auto& w : a.warnings) ui::TextWrappedColored(p.warning, w.message);
    } else {
        ui::TextWrappedColored(p.success, tr("No discrimination warnings."));
    }
    ImGui::EndChild();
    if (replay) replaying_ = replayKey(replay->choices, replay->seed);
    return replay;
}

}  // namespace rapport::app
