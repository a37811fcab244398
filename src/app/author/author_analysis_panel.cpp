#include "app/author/author_analysis_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"

namespace rapport::app {

namespace {

std::string fixed(double v, int decimals = 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string pathLine(const AnalysisPath& p) {
    if (!p.found) return "none found";
    return "score " + fixed(p.score) + (p.passed ? " (pass)" : " (fail)") + ", " +
           std::to_string(p.steps) + " decisions, ends at " + p.ending + " (" + p.outcome +
           "); choices " + p.choices;
}

// The test-wise players' worst cases over seeds, the best path's surface cues and any ending
// that disagrees with its score: what a guesser who reads cues, not meaning, would get.
void drawTestwise(const Theme& t, const FontSet& fonts, const ScenarioAnalysis& a) {
    const Palette& p = t.palette;
    if (a.testwise.empty()) return;
    const double warnAbove = double(a.passScore) - kTestwiseMargin;
    ui::TextInFont(fonts.heading, p.text, tr("Test-wise players"));
    ui::TextWrappedColored(
        p.textMuted,
        "Each picks by one surface cue, never by meaning, under seeds 0-" +
            std::to_string(std::size(kTestwiseSeeds) - 1) +
            "; the highest score over the seeds counts, and how many seeds pass. Above " +
            fixed(warnAbove) + " (pass score " + std::to_string(a.passScore) + " minus " +
            fixed(kTestwiseMargin) + ") is a warning.");
    if (ImGui::BeginTable("##testwise", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("player", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("highest", ImGuiTableColumnFlags_WidthFixed, t.px(52));
        ImGui::TableSetupColumn("passes", ImGuiTableColumnFlags_WidthFixed, t.px(48));
        ImGui::TableSetupColumn("ending", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableHeadersRow();
        for (const TestwiseResult& r : a.testwise) {
            const TestwisePlay& h = r.plays[r.highest];
            const bool bad = r.passedSeeds > 0 || h.score > warnAbove;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.player.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.rule.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(bad ? p.danger : p.success, "%s", fixed(h.score, 1).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("under seed %llu", static_cast<unsigned long long>(h.seed));
            ImGui::TableNextColumn();
            ImGui::TextColored(r.passedSeeds > 0 ? p.danger : p.text, "%d of %zu", r.passedSeeds,
                               r.plays.size());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(h.finished ? h.ending.c_str() : "no ending");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s; --seed %llu --choices %s", h.outcome.c_str(),
                                  static_cast<unsigned long long>(h.seed), h.choices.c_str());
        }
        ImGui::EndTable();
    }
    if (a.cues && a.cues->decisions > 0) {
        const CueStatistics& c = *a.cues;
        const double gap = c.bestAcknowledgementRate() - c.otherAcknowledgementRate();
        ImGui::TextColored(c.bestLongestShare() > kMaxBestLongestShare ? p.danger : p.text,
                           "Best reply is the longest at %d of %d decisions of the best path",
                           c.bestLongest, c.decisions);
        ImGui::TextColored(
            gap > kMaxAcknowledgementGap || -gap > kMaxAcknowledgementGap ? p.danger : p.text,
            "Opens with an acknowledgement: best replies %s %%, others %s %%",
            fixed(c.bestAcknowledgementRate() * 100).c_str(),
            fixed(c.otherAcknowledgementRate() * 100).c_str());
    }
    for (const OutcomeMismatch& m : a.outcomeMismatches)
        ui::TextWrappedColored(p.danger, m.kind + ": the " + m.source + " ends " + m.ending + " (" +
                                             m.outcome + ") with score " + fixed(m.score, 1) +
                                             "; choices " + m.choices);
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

void AuthorAnalysisPanel::Draw(const Theme& t, const FontSet& fonts, WidgetLocator& loc,
                               const Scenario* scenario, const Framework* framework,
                               std::uint64_t revision) {
    const Palette& p = t.palette;
    if (!scenario) {
        ui::TextWrappedColored(
            p.textMuted,
            "Analysis needs a file without errors: fix the problems listed under "
            "the graph first.");
    } else if (!framework) {
        ui::TextWrappedColored(
            p.danger,
            "The scenario's competence framework was not found, so it cannot be analysed.");
    } else {
        // Room for the largest count (100000) besides the − and + buttons, at any scale: a
        // fixed 120 px showed "200(" for 2000.
        const ImGuiStyle& st = ImGui::GetStyle();
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("100000").x + st.FramePadding.x * 2 +
                                (ImGui::GetFrameHeight() + st.ItemInnerSpacing.x) * 2);
        ImGui::InputInt("random plays", &samples_, 500, 1000);
        samples_ = std::clamp(samples_, 100, 100000);
        loc.recordLastItem("Random plays");
        ImGui::SameLine();
        if (ui::PrimaryButton(loc, t, trLabel("Run analysis").c_str()))
            run(*scenario, *framework, revision);
    }
    if (!error_.empty()) ui::TextWrappedColored(p.danger, error_);
    if (!result_) return;
    const ScenarioAnalysis& a = *result_;
    if (revision != revision_)
        ui::TextWrappedColored(
            p.warning,
            "The file has changed since this analysis; run it again for current figures.");

    ImGui::BeginChild("##analysis");
    ui::TextInFont(fonts.heading, p.text, tr("Structure"));
    ImGui::Text("%d nodes, %d choices, %d endings, %d timed nodes", a.nodes, a.choices, a.endings,
                a.timedNodes);
    if (!a.problem.empty()) {
        ui::TextWrappedColored(p.danger, a.problem);
    } else {
        ImGui::Text("%zu states explored (exact)", a.states);
        if (!a.unreachableNodes.empty()) {
            std::string list;
            for (const auto& n : a.unreachableNodes) list += (list.empty() ? "" : ", ") + n;
            ui::TextWrappedColored(p.danger, "Unreachable: " + list);
        }
        // First after the size: whether habits pass matters more than any single path.
        drawTestwise(t, fonts, a);
        ui::TextInFont(fonts.heading, p.text, tr("Paths"));
        ui::TextWrappedColored(p.success, "Best: " + pathLine(a.best));
        ui::TextWrappedColored(p.danger, "Worst: " + pathLine(a.worst));
        if (a.poor.found)
            ui::TextWrappedColored(p.textMuted, "Poor but plausible: " + pathLine(a.poor));
        // The endings' extremes: a won path below the pass mark, or a lost one above it, is
        // what the "Endings and scores" check reports; colour says which side it falls.
        if (a.lowestWon.found)
            ui::TextWrappedColored(a.lowestWon.score < double(a.passScore) ? p.danger : p.text,
                                   "Lowest-scoring won: " + pathLine(a.lowestWon));
        if (a.highestLost.found)
            ui::TextWrappedColored(a.highestLost.passed ? p.danger : p.text,
                                   "Highest-scoring lost: " + pathLine(a.highestLost));
        for (const auto& e : a.endingPaths) {
            const std::string line = e.node + " (" + e.outcome + "): " +
                                     (e.reachable ? "shortest " + std::to_string(e.shortest.steps) +
                                                        " decisions, " + e.shortest.choices
                                                  : std::string("never reached"));
            ui::TextWrappedColored(e.reachable ? p.text : p.danger, line);
        }
        ui::TextInFont(fonts.heading, p.text, tr("Competencies"));
        if (ImGui::BeginTable("##competencies", 4,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("competency");
            ImGui::TableSetupColumn("opportunities");
            ImGui::TableSetupColumn("max");
            ImGui::TableSetupColumn("min");
            ImGui::TableHeadersRow();
            for (const auto& c : a.competencies) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted((c.name + (c.primary ? " *" : "")).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%d", c.decisionPoints);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(c.maxUnbounded ? "unbounded"
                                                      : std::to_string(c.max.value).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(c.minUnbounded ? "unbounded"
                                                      : std::to_string(c.min.value).c_str());
            }
            ImGui::EndTable();
        }
        ImGui::TextColored(p.textMuted, "* assessed (decides pass or fail)");
        if (!a.dominated.empty()) {
            ui::TextInFont(fonts.heading, p.text,
                           "Dominated replies (" + std::to_string(a.dominated.size()) + ")");
            for (const auto& d : a.dominated)
                ui::TextWrappedColored(p.textMuted, d.node + ": \"" + d.choice +
                                                        "\" is never better than \"" + d.by + "\"");
        }
    }
    if (a.random) {
        const RandomPlayStats& r = *a.random;
        ui::TextInFont(fonts.heading, p.text,
                       "Random play (" + std::to_string(r.samples) + " plays, seed " +
                           std::to_string(r.seed) + ")");
        ImGui::Text("median %s, quartiles %s-%s, range %s-%s", fixed(r.median).c_str(),
                    fixed(r.lowerQuartile).c_str(), fixed(r.upperQuartile).c_str(),
                    fixed(r.min).c_str(), fixed(r.max).c_str());
        ImGui::TextColored(r.passRate > kMaxRandomPassRate ? p.danger : p.success,
                           "pass rate %s %% (%d of %d)", fixed(r.passRate * 100, 1).c_str(),
                           r.passed, r.samples);
    }
    if (!a.warnings.empty()) {
        ui::TextInFont(fonts.heading, p.text, tr("Warnings"));
        for (const auto& w : a.warnings) ui::TextWrappedColored(p.warning, w.message);
    } else {
        ui::TextWrappedColored(p.success, tr("No discrimination warnings."));
    }
    ImGui::EndChild();
}

}  // namespace rapport::app
