#include "app/hr/hr_assign_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <stdexcept>

#include "app/hr/hr_controls.hpp"
#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/recommendation/assignment_status.hpp"
#include "core/reports/report_time.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/attempt_recorder.hpp"
#include "store/pg_assignments.hpp"
#include "store/pg_db.hpp"
#include "store/results_store.hpp"

namespace rapport::app {
namespace {

std::string scenarioTitle(const ScenarioLibrary& library, const std::string& id) {
    for (const auto& e : library.entries)
        if (e.scenario && e.scenario->id == id) return e.scenario->title;
    return id;  // removed from the library since: the id is all there is
}

void Caption(const Palette& p, const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

bool rowButton(WidgetLocator& loc, const char* msgid, const std::string& key) {
    const bool clicked = ImGui::Button(trLabel(msgid).c_str());
    loc.recordLastItem(std::string(msgid) + "##" + key);
    return clicked;
}

// Runs a store write on the worker; whatever it throws comes back as the store's words.
template <class Write>
HrAssignScreen::Outcome tryWrite(Write&& write) {
    HrAssignScreen::Outcome o;
    try {
        o.kind = write();
    } catch (const store::PgError& e) {
        o.kind = HrAssignScreen::Outcome::Kind::Failed;
        o.error = e.what();
        o.refused = e.permissionDenied();
    } catch (const std::exception& e) {
        o.kind = HrAssignScreen::Outcome::Kind::Failed;
        o.error = e.what();
    }
    return o;
}

}  // namespace

void HrAssignScreen::reload(const std::string& target) {
    loaded_ = true;
    if (target.empty()) {
        const std::string why = tr("No results database: set RAPPORT_DB or HOME.");
        list_.start([why]() -> Listing { throw std::runtime_error(why); });
        return;
    }
    list_.start([target] {
        const store::AssignmentBook book(target);
        return Listing{book.list(), book.people()};
    });
}

void HrAssignScreen::add(const std::string& target) {
    if (write_.running()) return;  // the click before is still being saved: never sent twice
    messageIsError_ = true;
    if (scenario_.empty()) {
        message_ = tr("Choose a scenario.");
        return;
    }
    if (whom_.empty()) {
        message_ = toGroup_ ? tr("Choose a group.") : tr("Choose a trainee.");
        return;
    }
    ScenarioAssignment a;
    a.scenarioId = scenario_;
    (toGroup_ ? a.group : a.trainee) = whom_;
    if (!due_.empty()) {
        a.dueAtMs = parseDueDate(due_);
        if (!a.dueAtMs) {
            message_ = tr("The due date is YYYY-MM-DD, e.g. 2026-03-01, or empty.");
            return;
        }
    }
    a.note = note_;
    message_.clear();
    write_.start([target, a, due = due_, note = note_] {
        auto o = tryWrite([&] {
            store::AssignmentBook(target).add(a);
            return Outcome::Kind::Added;
        });
        o.due = due, o.note = note;
        return o;
    });
    writing_ = a.scenarioId;
}

void HrAssignScreen::finished(const Outcome& o, const std::string& target,
                              const std::function<void()>& changed) {
    messageIsError_ = o.kind == Outcome::Kind::Failed || o.kind == Outcome::Kind::Gone;
    switch (o.kind) {
        case Outcome::Kind::Added:
            message_ = uiFormat(tr("Assigned: {scenario}"), {{"scenario", writing_}});
            // Only what was sent is cleared: a field typed into while saving keeps its text.
            if (due_ == o.due) due_.clear();
            if (note_ == o.note) note_.clear();
            break;
        case Outcome::Kind::Removed:
            message_ = tr("Assignment removed.");
            break;
        case Outcome::Kind::Gone:
            message_ = tr("That assignment is gone already.");
            break;
        case Outcome::Kind::Failed:
            message_ =
                o.refused
                    ? tr("The central store refused: this login may not assign to that group.")
                    : uiFormat(tr("Not saved: {error}"), {{"error", o.error}});
            break;
    }
    if (!messageIsError_ && changed) changed();
    reload(target);
}

void HrAssignScreen::poll(const std::string& target, const std::function<void()>& changed) {
    if (list_.poll()) {
        if (list_.value()) {
            rows_ = list_.value()->rows;
            people_ = list_.value()->people;
        } else {
            rows_.clear();  // the choices read before stay: the form can still be filled in
        }
    }
    if (write_.poll()) {
        if (write_.value()) finished(*write_.value(), target, changed);
        writing_.clear();
    }
}

void HrAssignScreen::Draw(const ScreenContext& ctx, const std::string& target, HrActions& actions,
                          const ScenarioLibrary& library, const std::function<void()>& changed) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    if (!loaded_) reload(target);
    poll(target, changed);
    const bool saving = write_.running();
    if (drawHrHeader(ctx, tr("Assignments"),
                     tr("Scenarios trainees should play next; they come first in the library's "
                        "\"Recommended next\" until done."),
                     "Back to table")) {
        actions.openPage(ScreenId::HrTable);
        return;
    }
    ImGui::Spacing();

    // The form: one row that wraps on a narrow window.
    const auto scenarios = scenarioOptions(library);
    const float comboW = t.px(260);
    Caption(p, tr("Scenario"));
    ImGui::SameLine();
    PickCombo(loc, "##assign-scenario", "Scenario", tr("Choose a scenario"), scenarios, scenario_,
              comboW * 1.3f);
    ui::SameLineOrWrap(t.px(300));
    Caption(p, tr("For"));
    ImGui::SameLine();
    if (ImGui::RadioButton(trLabel("A group").c_str(), toGroup_) && !toGroup_)
        toGroup_ = true, whom_.clear();
    loc.recordLastItem("A group");
    ImGui::SameLine();
    if (ImGui::RadioButton(trLabel("One trainee").c_str(), !toGroup_) && toGroup_)
        toGroup_ = false, whom_.clear();
    loc.recordLastItem("One trainee");
    ImGui::SameLine();
    std::vector<std::pair<std::string, std::string>> whom;
    for (const auto& w : toGroup_ ? people_.groups : people_.trainees) whom.push_back({w, w});
    PickCombo(loc, "##assign-whom", "Whom",
              toGroup_ ? tr("Choose a group") : tr("Choose a trainee"), whom, whom_, comboW);

    Caption(p, tr("Due"));
    ImGui::SameLine();
    // As wide as its hint in any language ("ГГГГ-ММ-ДД (необязательно)"), so the format shows.
    const char* dueHint = tr("YYYY-MM-DD (optional)");
    const float dateW = std::max(
        t.px(170), ImGui::CalcTextSize(dueHint).x + ImGui::GetStyle().FramePadding.x * 2 + t.px(4));
    ImGui::SetNextItemWidth(dateW);
    ImGui::InputTextWithHint("##assign-due", dueHint, &due_);
    loc.recordLastItem("Due");
    ui::SameLineOrWrap(t.px(300));
    Caption(p, tr("Note"));
    ImGui::SameLine();
    const float assignW = ui::ButtonWidth(tr("Assign"));
    ImGui::SetNextItemWidth(
        std::max(t.px(200), ImGui::GetContentRegionAvail().x - assignW - t.px(16)));
    const bool enter = ImGui::InputTextWithHint("##assign-note", tr("for the trainee (optional)"),
                                                &note_, ImGuiInputTextFlags_EnterReturnsTrue);
    loc.recordLastItem("Note");
    ImGui::SameLine();
    ImGui::BeginDisabled(saving);
    if (ui::PrimaryButton(loc, t, trLabel("Assign").c_str()) || enter) add(target);
    ImGui::EndDisabled();
    if (saving)
        ui::TextWrappedColored(p.accent, tr("Saving…"));
    else if (!message_.empty())
        ui::TextWrappedColored(messageIsError_ ? p.danger : p.success, message_);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();

    if (list_.running()) ui::TextWrappedColored(p.accent, tr("Loading assignments…"));
    if (!list_.running() && !list_.error().empty()) {
        ui::TextWrappedColored(p.danger, uiFormat(tr("The assignments could not be read: {error}"),
                                                  {{"error", list_.error()}}));
        return;
    }
    if (rows_.empty()) {
        if (list_.running()) return;
        ui::TextWrappedColored(p.textMuted, tr("No assignments yet."));
        return;
    }
    const std::int64_t now = store::unixNowMs();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##assignments", 6, flags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("Scenario"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr("For"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr("Due"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr("Done"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr("Note"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(
        "##actions", ImGuiTableColumnFlags_WidthFixed,
        ui::ButtonWidth(tr("Confirm removal")) + ui::ButtonWidth(tr("Cancel")) + t.px(12));
    ImGui::TableHeadersRow();
    std::string removeKey;
    for (const auto& row : rows_) {
        const ScenarioAssignment& a = row.assignment;
        ImGui::PushID(row.key.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::TextWrapped(scenarioTitle(library, a.scenarioId));
        ImGui::TableNextColumn();
        ui::TextWrapped(a.trainee.empty() ? uiFormat(tr("group {group}"), {{"group", a.group}})
                                          : a.trainee);
        ImGui::TableNextColumn();
        if (!a.dueAtMs) {
            ui::TextWrappedColored(p.textMuted, "—");
        } else if (isOverdue(a, now)) {
            ui::TextWrappedColored(p.warning, uiFormat(tr("overdue since {date}"),
                                                       {{"date", formatDateUtc(*a.dueAtMs)}}));
        } else {
            ui::TextWrapped(formatDateUtc(*a.dueAtMs));
        }
        ImGui::TableNextColumn();
        ui::TextWrapped(std::to_string(row.done));
        ImGui::TableNextColumn();
        ui::TextWrapped(a.note);
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(saving);
        if (row.pulled) {
            ui::TextWrappedColored(p.textMuted, tr("from the central store"));
        } else if (confirming_ == row.key) {
            // The row's key is in the ImGui id (PushID); scripts find "Confirm removal##KEY".
            if (rowButton(loc, "Confirm removal", row.key)) removeKey = row.key;
            ImGui::SameLine();
            if (rowButton(loc, "Cancel", row.key)) confirming_.clear();
        } else if (rowButton(loc, "Remove", row.key)) {
            confirming_ = row.key;
        }
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (!removeKey.empty() && !saving) {
        confirming_.clear();
        message_.clear();
        write_.start([target, removeKey] {
            return tryWrite([&] {
                return store::AssignmentBook(target).remove(removeKey) ? Outcome::Kind::Removed
                                                                       : Outcome::Kind::Gone;
            });
        });
    }
}

}  // namespace rapport::app
