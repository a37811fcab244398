#include "app/hr/hr_controls.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/reports/report_time.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

std::string labelText(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '#' && i + 1 < text.size() && text[i + 1] == '#') out += ' ';
    }
    return out;
}

std::string scoreText(std::optional<double> v) {
    if (!v) return "—";
    return uiNumber(oneDecimalOrWhole(*v));
}

std::string describeFilter(const HrFilter& f) {
    std::string out;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : " · ") + s; };
    if (!f.group.empty()) add(uiFormat(tr("group {group}"), {{"group", f.group}}));
    if (!f.scenario.empty()) add(uiFormat(tr("scenario {scenario}"), {{"scenario", f.scenario}}));
    if (f.sinceMs)
        add(uiFormat(tr("from {date}"), {{"date", formatTimestampUtc(*f.sinceMs).substr(0, 10)}}));
    if (f.untilMs)
        add(uiFormat(tr("before {date}"),
                     {{"date", formatTimestampUtc(*f.untilMs).substr(0, 10)}}));
    if (f.mode == "practice") add(tr("practice only"));
    if (f.mode == "exam") add(tr("exam only"));
    return out.empty() ? tr("all results") : out;
}

bool drawHrHeader(const ScreenContext& ctx, std::string_view title, std::string_view subtitle,
                  const char* backLabel) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float backW = ImGui::CalcTextSize(tr(backLabel)).x + st.FramePadding.x * 2;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float titleH = ImGui::GetFrameHeight() + t.px(8);
    ImGui::BeginChild("##hr-title", ImVec2(std::max(t.px(100), avail - backW - t.px(20)), titleH),
                      false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    // Plain text item (not a label): any name shows as it is, cut at the child's edge.
    if (ctx.fonts.heading) ImGui::PushFont(ctx.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopStyleColor();
    if (ctx.fonts.heading) ImGui::PopFont();
    ImGui::EndChild();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - backW);
    const bool back = ui::Button(ctx.locator, trLabel(backLabel).c_str());
    if (!subtitle.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        ImGui::TextUnformatted(subtitle.data(), subtitle.data() + subtitle.size());
        ImGui::PopStyleColor();
    }
    return back;
}

bool drawHrStatus(const Theme& t, bool running, const std::string& error, bool hasValue,
                  const std::string& ready) {
    const Palette& p = t.palette;
    if (running) {
        ui::TextWrappedColored(p.accent, tr("Loading results…"));
    } else if (!error.empty()) {
        ui::TextWrappedColored(p.danger, error);
    } else if (hasValue && !ready.empty()) {
        ui::TextWrappedColored(p.textMuted, ready);
    }
    return hasValue && !running;
}

void drawExportBar(const ScreenContext& ctx, HrData& hr, const store::AttemptFilter& scope,
                   const std::string& title) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::TextUnformatted(tr("Export"));
    ImGui::PopStyleColor();
    const bool writing = hr.lastExport().running();
    for (auto f : {ExportFormat::Page, ExportFormat::Html, ExportFormat::Csv, ExportFormat::Json,
                   ExportFormat::Xapi}) {
        ImGui::SameLine();
        const std::string label = std::string(exportFormatName(f)) + "##export";
        if (ui::Button(loc, label.c_str()) && !writing)
            hr.exportReport(f, hr.exportFolder, scope, title);
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::TextUnformatted(tr("to folder"));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(t.px(160), ImGui::GetContentRegionAvail().x));
    ImGui::InputText("##export-folder", &hr.exportFolder);
    loc.recordLastItem("Export folder");

    const auto& job = hr.lastExport();
    if (writing) {
        ui::TextWrappedColored(p.accent, tr("Writing the export…"));
    } else if (!job.error().empty()) {
        ui::TextWrappedColored(p.danger,
                               uiFormat(tr("Export failed: {error}"), {{"error", job.error()}}));
    } else if (job.value()) {
        const auto n = static_cast<unsigned long>(job.value()->attempts);
        ui::TextWrappedColored(
            p.success,
            uiFormat(trn("✓ Wrote {n} attempt to {path}", "✓ Wrote {n} attempts to {path}", n),
                     {{"n", std::to_string(n)}, {"path", job.value()->path}}));
    }
}

bool PickCombo(WidgetLocator& loc, const char* id, const char* caption, const char* none,
               const std::vector<std::pair<std::string, std::string>>& options, std::string& value,
               float width) {
    bool changed = false;
    std::string preview = none;
    for (const auto& [v, shown] : options)
        if (v == value) preview = shown;
    ImGui::SetNextItemWidth(width);
    if (ui::BeginComboFitted(id, labelText(preview))) {
        int i = 0;
        for (const auto& [v, text] : options) {
            const std::string label = labelText(text) + "##opt" + std::to_string(i++);
            if (ImGui::Selectable(label.c_str(), value == v)) value = v, changed = true;
            loc.recordLastItem(text + "##option");
        }
        ImGui::EndCombo();
    }
    loc.recordLastItem(caption);
    return changed;
}

std::vector<std::pair<std::string, std::string>> scenarioOptions(const ScenarioLibrary& library) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : library.entries)
        if (e.playable() && std::none_of(out.begin(), out.end(),
                                         [&](const auto& x) { return x.first == e.scenario->id; }))
            out.push_back({e.scenario->id, e.scenario->title});
    return out;
}

}  // namespace rapport::app
