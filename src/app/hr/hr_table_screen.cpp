#include "app/hr/hr_table_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "app/hr/hr_controls.hpp"
#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/reports/report_time.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {
namespace {

constexpr std::int64_t kDayMs = 24 * 3600 * 1000;

// A combo over `options` (value, shown text); "" = any. True when the choice changed.
bool FilterCombo(WidgetLocator& loc, const char* id, const char* caption, const char* anyLabel,
                 const std::vector<std::pair<std::string, std::string>>& options,
                 std::string& value, float width) {
    bool changed = false;
    std::string preview = anyLabel;
    for (const auto& [v, shown] : options)
        if (v == value && !value.empty()) preview = shown;
    ImGui::SetNextItemWidth(width);
    const float previewW = width - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2;
    const std::string full = labelText(preview);
    const std::string shown = ui::Elide(full, previewW);
    const bool open = ImGui::BeginCombo(id, shown.c_str());
    if (!open && shown != full) ui::TooltipBesideLastItem(full);
    if (open) {
        if (ImGui::Selectable(anyLabel, value.empty())) value.clear(), changed = true;
        loc.recordLastItem(anyLabel);
        int i = 0;
        for (const auto& [v, shown] : options) {
            const std::string label = labelText(shown) + "##opt" + std::to_string(i++);
            if (ImGui::Selectable(label.c_str(), value == v)) value = v, changed = true;
            loc.recordLastItem(shown + "##option");
        }
        ImGui::EndCombo();
    }
    loc.recordLastItem(caption);
    return changed;
}

// "YYYY-MM-DD" as the start of that day; an end date names the day it includes, so the bound
// is the next midnight.
std::optional<std::int64_t> parseBound(const std::string& text, bool end, bool& bad) {
    if (text.empty()) return std::nullopt;
    auto ms = parseDateUtc(text);
    if (!ms) {
        bad = true;
        return std::nullopt;
    }
    return end && text.size() == 10 ? *ms + kDayMs : *ms;
}

// Breaks a competency name into lines no wider than `width` at spaces, so long names show whole
// in a narrow column header (ImGui 1.86 headers take several lines).
std::string wrapHeader(const std::string& text, float width) {
    std::string out, line;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto sp = text.find(' ', pos);
        if (sp == std::string::npos) sp = text.size();
        const std::string word = text.substr(pos, sp - pos);
        const std::string tryLine = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(tryLine.c_str()).x > width) {
            out += (out.empty() ? "" : "\n") + line;
            line = word;
        } else {
            line = tryLine;
        }
        pos = sp + 1;
    }
    if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
    return out;
}

}  // namespace

namespace {

// The three total columns of a row (the table's columns 2, 3 and 4).
void drawTotals(const Theme& t, const HrTotals& totals) {
    const Palette& p = t.palette;
    auto cell = [&](int column, const std::optional<double>& value, const std::string& text) {
        if (!ImGui::TableSetColumnIndex(column)) return;
        if (!value) {
            ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
            ImGui::TextUnformatted("—");
            ImGui::PopStyleColor();
            return;
        }
        ImGui::TableSetBgColor(
            ImGuiTableBgTarget_CellBg,
            toU32(mix(p.surface, ui::levelColor(t, float(*value / 100.0)), 0.22f)));
        ImGui::TextUnformatted(text.c_str());
    };
    cell(2, totals.overall, scoreText(totals.overall));
    char rate[32] = "";
    if (const auto r = totals.passRate()) std::snprintf(rate, sizeof rate, "%.0f %%", *r);
    cell(3, totals.passRate(), rate);
    if (ImGui::TableSetColumnIndex(4)) ImGui::Text("%d", totals.attempts);
}

}  // namespace

void HrTableScreen::rebuild(const HrData& hr) {
    const auto& v = hr.table().value();
    table = v ? pivotCompetencyTable(v->cells) : HrTable{};
    if (v) addTotals(table, v->totals);
    // The store sorted the whole table and cut this page: the rows keep its order.
    if (v) orderHrRows(table.rows, v->order);
    builtFrom_ = v ? &*v : nullptr;
    builtRevision_ = hr.revision();
}

void HrTableScreen::Draw(const ScreenContext& ctx, HrData& hr, HrActions& actions,
                         const ScenarioLibrary& library) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    hr.ensureLoaded();

    if (drawHrHeader(
            ctx, tr("HR reports"),
            uiFormat(tr("Results database: {path}"),
                     {{"path", hr.path().empty() ? std::string(tr("(none)")) : hr.path()}}),
            trNoop("Back to training"))) {
        actions.leave();
        return;
    }
    ImGui::Dummy(ImVec2(0, t.px(2)));

    // Filters: the store selects, so a change is one query, not work per frame.
    HrFilter f = hr.filter();
    bool changed = false;
    const float comboW = t.px(200);
    std::vector<std::pair<std::string, std::string>> groups;
    for (const auto& g : hr.knownGroups()) groups.push_back({g, g.empty() ? tr("(no group)") : g});
    if (!f.group.empty() &&
        std::none_of(groups.begin(), groups.end(), [&](auto& x) { return x.first == f.group; }))
        groups.push_back({f.group, f.group});
    // The row wraps on a narrow window instead of running off its right edge.
    changed |= FilterCombo(loc, "##group", "Group", tr("All groups"), groups, f.group, comboW);
    ui::SameLineOrWrap(comboW * 1.4f);
    std::vector<std::pair<std::string, std::string>> scenarios;
    for (const auto& e : library.entries)
        if (e.scenario && std::none_of(scenarios.begin(), scenarios.end(),
                                       [&](auto& x) { return x.first == e.scenario->id; }))
            scenarios.push_back({e.scenario->id, e.scenario->title});
    changed |= FilterCombo(loc, "##scenario", "Scenario", tr("All scenarios"), scenarios,
                           f.scenario, comboW * 1.4f);
    // Practice shows feedback during play, exam does not: HR reads the two apart.
    const std::vector<std::pair<std::string, std::string>> modes = {{"practice", tr("Practice")},
                                                                    {"exam", tr("Exam")}};
    ui::SameLineOrWrap(comboW * 0.8f);
    changed |=
        FilterCombo(loc, "##mode", "Mode", tr("Practice and exam"), modes, f.mode, comboW * 0.8f);
    const float dateW = t.px(150);
    ui::SameLineOrWrap(dateW);
    ImGui::SetNextItemWidth(dateW);
    const bool enter1 = ImGui::InputTextWithHint("##since", tr("from YYYY-MM-DD"), &since,
                                                 ImGuiInputTextFlags_EnterReturnsTrue);
    loc.recordLastItem("From");
    ui::SameLineOrWrap(dateW);
    ImGui::SetNextItemWidth(dateW);
    const bool enter2 = ImGui::InputTextWithHint("##until", tr("to YYYY-MM-DD"), &until,
                                                 ImGuiInputTextFlags_EnterReturnsTrue);
    loc.recordLastItem("To");
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Apply dates")));
    if (ui::Button(loc, trLabel("Apply dates").c_str()) || enter1 || enter2) {
        bool bad = false;
        auto s = parseBound(since, false, bad);
        auto u = parseBound(until, true, bad);
        if (bad) {
            dateError = tr("Dates are YYYY-MM-DD (UTC), e.g. 2025-03-01.");
        } else {
            dateError.clear();
            f.sinceMs = s;
            f.untilMs = u;
            changed = true;
        }
    }
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Clear filters")));
    if (ui::Button(loc, trLabel("Clear filters").c_str())) {
        f = {};
        since.clear();
        until.clear();
        dateError.clear();
        changed = true;
    }
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Refresh")));
    if (ui::Button(loc, trLabel("Refresh").c_str())) hr.refresh();
    if (!f.group.empty()) {
        ui::SameLineOrWrap(ui::ButtonWidth(tr("Group page")));
        if (ui::Button(loc, trLabel("Group page").c_str())) {
            hr.openGroup(f.group);
            actions.openPage(ScreenId::HrGroup);
        }
    }
    if (!dateError.empty()) ui::TextWrappedColored(p.danger, dateError);
    if (changed) hr.setFilter(f);

    const auto& job = hr.table();
    if (job.value() && (builtFrom_ != &*job.value() || builtRevision_ != hr.revision()))
        rebuild(hr);
    if (!job.value() && builtFrom_) rebuild(hr);

    char ms[32];
    std::snprintf(ms, sizeof ms, "%.0f", job.value() ? job.value()->queryMs : 0.0);
    const std::string ready = uiFormat(
        tr("{trainees} × {competencies} ({filter}) · query {ms} ms"),
        {{"trainees",
          uiFormat(trn("{n} trainee", "{n} trainees", (unsigned long)(table.rows.size())),
                   {{"n", std::to_string(table.rows.size())}})},
         {"competencies",
          uiFormat(trn("{n} competency", "{n} competencies", (unsigned long)(table.columns.size())),
                   {{"n", std::to_string(table.columns.size())}})},
         {"filter", describeFilter(hr.filter())},
         {"ms", ms}});
    const bool ok =
        drawHrStatus(ctx.theme, job.running(), job.error(), job.value().has_value(), ready);
    drawExportBar(
        ctx, hr, storeFilter(hr.filter()),
        uiFormat(tr("Rapport results: {filter}"), {{"filter", describeFilter(hr.filter())}}));
    if (ok && job.value()->trainees > kHrPageSize) {
        // A page of trainees in the sort's order over the whole table.
        const std::size_t total = job.value()->trainees, first = job.value()->offset;
        const std::size_t last = std::min(total, first + kHrPageSize);
        ImGui::BeginDisabled(first == 0);
        if (ui::Button(loc, trLabel("Previous page").c_str()))
            hr.showPage(first - std::min(first, kHrPageSize));
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(last >= total);
        if (ui::Button(loc, trLabel("Next page").c_str())) hr.showPage(last);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ui::TextWrappedColored(
            p.textMuted, uiFormat(trn("Trainees {first}–{last} of {n}",
                                      "Trainees {first}–{last} of {n}", (unsigned long)(total)),
                                  {{"first", std::to_string(first + 1)},
                                   {"last", std::to_string(last)},
                                   {"n", std::to_string(total)}}));
    }
    ImGui::Dummy(ImVec2(0, t.px(4)));
    if (!ok) return;
    if (table.rows.empty()) {
        ui::TextWrappedColored(p.textMuted, tr("No finished, scored attempts match this filter."));
        return;
    }

    // Trainee, group, then what HR reads first (overall score, pass rate, attempts), then one
    // column per competency.
    constexpr int kFixedColumns = 5;
    const int columns = kFixedColumns + int(table.columns.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_SizingFixedFit;
    // Pages can differ in their competency columns, and ImGui keeps a table's sort by column
    // index: one table per column set, so an index always means the same column. A new table
    // starts on the store's sort (DefaultSort below), which is not a click.
    std::string columnSet;
    for (const auto& c : table.columns) columnSet += c.id + '\n';
    const ImGuiID tableId = ImGui::GetID(columnSet.c_str());
    const bool freshTable = tableId != tableId_;
    tableId_ = tableId;
    const std::string tableName = "##hr-table" + std::to_string(tableId);
    if (!ImGui::BeginTable(tableName.c_str(), columns, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    const store::TableSort& current = hr.sort();
    // The column the store sorts by is the table's default, in the store's direction.
    auto sortFlags = [&](HrSort::Key key, const std::string& competency,
                         bool preferDescending) -> ImGuiTableColumnFlags {
        const bool sorted = current.key == key && current.competencyId == competency;
        if (!sorted)
            return preferDescending ? ImGuiTableColumnFlags_PreferSortDescending
                                    : ImGuiTableColumnFlags_None;
        return ImGuiTableColumnFlags_DefaultSort |
               (current.descending ? ImGuiTableColumnFlags_PreferSortDescending
                                   : ImGuiTableColumnFlags_PreferSortAscending);
    };
    ImGui::TableSetupColumn(
        tr("Trainee"),
        sortFlags(HrSort::Key::Trainee, "", false) | ImGuiTableColumnFlags_WidthFixed, t.px(190));
    ImGui::TableSetupColumn(
        tr("Group"), sortFlags(HrSort::Key::Group, "", false) | ImGuiTableColumnFlags_WidthFixed,
        t.px(120));
    ImGui::TableSetupColumn(
        tr("Overall"), sortFlags(HrSort::Key::Overall, "", true) | ImGuiTableColumnFlags_WidthFixed,
        t.px(84));
    ImGui::TableSetupColumn(
        tr("Pass rate"),
        sortFlags(HrSort::Key::PassRate, "", true) | ImGuiTableColumnFlags_WidthFixed, t.px(84));
    ImGui::TableSetupColumn(
        tr("Attempts"),
        sortFlags(HrSort::Key::Attempts, "", true) | ImGuiTableColumnFlags_WidthFixed, t.px(80));
    const float compW = t.px(132);
    for (const auto& c : table.columns)
        ImGui::TableSetupColumn(
            wrapHeader(labelText(c.name), compW - t.px(22)).c_str(),
            sortFlags(HrSort::Key::Competency, c.id, true) | ImGuiTableColumnFlags_WidthFixed,
            compW);

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0 && !freshTable) {
            // A header click: the store orders the whole table and shows its first page.
            const auto& s = specs->Specs[0];
            sort.descending = s.SortDirection == ImGuiSortDirection_Descending;
            constexpr HrSort::Key fixed[kFixedColumns] = {
                HrSort::Key::Trainee, HrSort::Key::Group, HrSort::Key::Overall,
                HrSort::Key::PassRate, HrSort::Key::Attempts};
            sort.key =
                s.ColumnIndex < kFixedColumns ? fixed[s.ColumnIndex] : HrSort::Key::Competency;
            sort.column = std::max(0, int(s.ColumnIndex) - kFixedColumns);
            hr.setSort(storeSort(table, sort));
        }
        specs->SpecsDirty = false;
    }

    // Headers submitted one by one so the script driver can click them by name.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        const char* fixedNames[kFixedColumns] = {"Trainee", "Group", "Overall", "Pass rate",
                                                 "Attempts"};
        const std::string name = c < kFixedColumns
                                     ? std::string(fixedNames[c])
                                     : table.columns[std::size_t(c - kFixedColumns)].name;
        loc.recordLastItem(name + "##header");
        if (c >= 2) {
            char tip[512];
            std::snprintf(tip, sizeof tip, tr("%s — click to sort"),
                          c < kFixedColumns ? ImGui::TableGetColumnName(c) : name.c_str());
            ui::TooltipBesideLastItem(tip);
        }
    }

    ImGuiListClipper clipper;
    clipper.Begin(int(table.rows.size()));
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const HrRow& row = table.rows[std::size_t(r)];
            ImGui::PushID(r);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            // Empty label, name drawn as plain text: nothing in a name is read as format or id.
            if (ImGui::Selectable("##trainee", false)) {
                hr.openTrainee(row.trainee);
                actions.openPage(ScreenId::HrTrainee);
            }
            loc.recordLastItem(row.trainee + "##trainee");
            ImGui::SameLine(0, 0);
            ui::TextFitted(row.trainee);
            ImGui::TableSetColumnIndex(1);
            if (ImGui::Selectable("##group", false)) {
                hr.openGroup(row.group);
                actions.openPage(ScreenId::HrGroup);
            }
            loc.recordLastItem(row.group + "##group");
            ImGui::SameLine(0, 0);
            ui::TextFittedColored(p.textMuted, row.group.empty() ? "—" : row.group);
            drawTotals(t, row.totals);
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                if (!ImGui::TableSetColumnIndex(int(c) + kFixedColumns)) continue;
                const auto& cell = row.cells[c];
                if (!cell) {
                    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
                    ImGui::TextUnformatted("—");
                    ImGui::PopStyleColor();
                    continue;
                }
                const ImVec4 colour = ui::levelColor(t, float(cell->mean / 100.0));
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                                       toU32(mix(p.surface, colour, 0.22f)));
                ImGui::TextUnformatted(scoreText(cell->mean).c_str());
                if (ImGui::IsItemHovered())
                    ui::TooltipBesideLastItem(
                        uiFormat(trn("best {best} · last {last} · {n} attempt",
                                     "best {best} · last {last} · {n} attempts",
                                     static_cast<unsigned long>(cell->assessedAttempts)),
                                 {{"best", scoreText(cell->best)},
                                  {"last", scoreText(cell->last)},
                                  {"n", std::to_string(cell->assessedAttempts)}}));
            }
            ImGui::PopID();
        }
    ImGui::EndTable();
}

}  // namespace rapport::app
