#include "app/hr/hr_items_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "app/hr/hr_controls.hpp"
#include "app/hr/hr_export.hpp"
#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/reports/items_html.hpp"
#include "core/statistics/item_analysis.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/attempt_recorder.hpp"
#include "store/item_report_reader.hpp"

namespace rapport::app {
namespace {

std::string figure(const std::optional<double>& v, int decimals = 2) {
    return v ? uiNumber(fixedDecimals(*v, decimals)) : "—";
}

std::string percent(double share) { return uiNumber(fixedDecimals(share * 100, 0)) + " %"; }

std::string flagsText(const std::vector<std::string>& flags) {
    std::string out;
    for (const auto& f : flags) {
        std::string words = f;
        if (f == kFlagCheckKey) words = tr("check the key");
        if (f == kFlagUnusedReply) words = tr("a reply nobody picks");
        if (f == kFlagEveryoneRight) words = tr("everybody gets it right");
        out += (out.empty() ? "" : ", ") + words;
    }
    return out;
}

void drawMode(const Theme& t, const ModeStatistics& m) {
    const Palette& p = t.palette;
    ui::TextInFont(nullptr, p.text,
                   uiFormat(trn("{mode}: {n} finished attempt", "{mode}: {n} finished attempts",
                                static_cast<unsigned long>(m.attempts)),
                            {{"mode", m.mode == AttemptMode::Exam ? tr("Exam") : tr("Practice")},
                             {"n", std::to_string(m.attempts)}}));
    if (m.items.empty()) {
        ui::TextWrappedColored(p.textMuted, tr("No decisions in these attempts."));
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    const std::string id = std::string("##items-") + (m.mode == AttemptMode::Exam ? "exam" : "p");
    if (!ImGui::BeginTable(id.c_str(), 6, flags)) return;
    ImGui::TableSetupColumn(tr("Decision / reply"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn(tr("Responses"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr("Difficulty"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Discrimination"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr("Points lost"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Flags"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (const auto& it : m.items) {
        const ImVec4& main = it.trustworthy ? p.text : p.textMuted;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::TextWrappedColored(main, it.node);
        ImGui::TableNextColumn();
        ui::TextWrappedColored(main, std::to_string(it.responses) + (it.trustworthy ? "" : " *"));
        ImGui::TableNextColumn();
        ui::TextWrappedColored(main, figure(it.difficulty));
        ImGui::TableNextColumn();
        ui::TextWrappedColored(main, figure(it.discrimination));
        ImGui::TableNextColumn();
        ui::TextWrappedColored(main, uiNumber(fixedDecimals(it.meanPointsLost, 1)));
        ImGui::TableNextColumn();
        ui::TextWrappedColored(p.warning, flagsText(it.flags));
        for (const auto& r : it.replies) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Indent(t.px(16));
            ui::TextWrappedColored(p.textMuted, r.best ? r.choice + " ★" : r.choice);
            ImGui::Unindent(t.px(16));
            ImGui::TableNextColumn();
            ui::TextWrappedColored(p.textMuted, percent(r.rate));
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ui::TextWrappedColored(p.textMuted, figure(r.discrimination));
            ImGui::TableNextColumn();
            ui::TextWrappedColored(p.textMuted, uiNumber(fixedDecimals(r.pointsLost, 1)));
            ImGui::TableNextColumn();
            ui::TextWrappedColored(p.warning, flagsText(r.flags));
        }
    }
    ImGui::EndTable();
}

}  // namespace

void HrItemsScreen::start(const std::string& target, const ScenarioLibrary& library) {
    store::AttemptFilter filter;
    filter.finishedOnly = true;
    filter.scenario = scenario_;
    if (mode_ == "practice") filter.mode = AttemptMode::Practice;
    if (mode_ == "exam") filter.mode = AttemptMode::Exam;
    printed_.clear();
    // The library is the shell's and outlives the job (HrJob's destructor waits for it).
    job_.start([target, filter, lib = &library] {
        auto report = store::readItemReport(target, filter, *lib);
        report.generatedAtMs = store::unixNowMs();
        return report;
    });
}

void HrItemsScreen::Draw(const ScreenContext& ctx, const std::string& target, HrData& hr,
                         HrActions& actions, const ScenarioLibrary& library) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    job_.poll();
    if (drawHrHeader(ctx, tr("Item analysis"),
                     tr("How each decision and reply of a scenario worked: figures marked * rest "
                        "on fewer than 30 responses."),
                     "Back to table")) {
        actions.openPage(ScreenId::HrTable);
        return;
    }
    ImGui::Spacing();
    const auto scenarios = scenarioOptions(library);
    bool changed = PickCombo(loc, "##items-scenario", "Scenario", tr("Choose a scenario"),
                             scenarios, scenario_, t.px(340));
    ui::SameLineOrWrap(t.px(200));
    // Practice shows feedback during play, exam does not: never mixed in one figure.
    const std::vector<std::pair<std::string, std::string>> modes = {
        {"", tr("Practice and exam")}, {"practice", tr("Practice")}, {"exam", tr("Exam")}};
    changed |=
        PickCombo(loc, "##items-mode", "Mode", tr("Practice and exam"), modes, mode_, t.px(200));
    if (changed && !scenario_.empty()) start(target, library);
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Printable page")));
    const bool ready = job_.value() && !job_.running();
    if (ui::Button(loc, trLabel("Printable page").c_str()) && ready) {
        HrPageOptions options;
        options.language = interfaceLanguage();
        // "rapport-items-<scenario>-<time>.print.html": the scenario id as a safe file name.
        std::string safe;
        for (char c : scenario_)
            safe += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
        const std::string stamp = exportFileName({}, ExportFormat::Page, store::unixNowMs())
                                      .substr(12);  // "rapport-all-"
        const auto path =
            std::filesystem::path(hr.exportFolder) / ("rapport-items-" + safe + "-" + stamp);
        const std::string error =
            writeFileAtomically(path, renderItemsHtml(*job_.value(), options), {target});
        printedOk_ = error.empty();
        printed_ = printedOk_ ? path.string() : error;
    }
    if (!printed_.empty())
        ui::TextWrappedColored(printedOk_ ? p.success : p.danger,
                               printedOk_
                                   ? uiFormat(tr("✓ Wrote {path}"), {{"path", printed_}})
                                   : uiFormat(tr("Export failed: {error}"), {{"error", printed_}}));
    ImGui::Spacing();
    if (scenario_.empty()) {
        ui::TextWrappedColored(p.textMuted, tr("Choose a scenario to see its item analysis."));
        return;
    }
    if (!drawHrStatus(t, job_.running(), job_.error(), job_.value().has_value(), "")) return;
    const ItemReport& report = *job_.value();
    if (report.skippedAttempts > 0)
        ui::TextWrappedColored(
            p.warning,
            uiFormat(trn("{n} attempt left out: its scenario version is not in the library",
                         "{n} attempts left out: their scenario version is not in the library",
                         static_cast<unsigned long>(report.skippedAttempts)),
                     {{"n", std::to_string(report.skippedAttempts)}}));
    ImGui::BeginChild("##items-body", ImGui::GetContentRegionAvail());
    for (const auto& m : report.modes) {
        drawMode(t, m);
        ImGui::Spacing();
    }
    ImGui::EndChild();
}

}  // namespace rapport::app
