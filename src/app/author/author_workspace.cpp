#include "app/author/author_workspace.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <utility>

#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/authoring/bundled_copy.hpp"
#include "core/authoring/node_positions_file.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

namespace {

// Re-check after the author pauses typing this long (buttons re-check at once).
constexpr std::int64_t kRecheckDelayMs = 300;
// While the author types, the recovery file is rewritten at most this often; a finished edit
// (a field left, a button) is written at once.
constexpr std::int64_t kAutosaveEveryMs = 5000;

std::int64_t unixNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// "2026-12-07 17:52" in local time, for the recovery offer.
std::string localTime(std::int64_t unixMs) {
    const std::time_t t = std::time_t(unixMs / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::string idFromPath(const std::string& path) {
    std::string stem = std::filesystem::path(path).stem().string();
    std::string id;
    for (char c : stem) {
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        id += ok ? c : '-';
    }
    return id.empty() || id[0] == '-' || id[0] == '.' || id[0] == '_' ? "new-scenario" : id;
}

}  // namespace

void AuthorWorkspace::loaded(std::string text, const std::string& path) {
    if (ImGui::GetCurrentContext()) ImGui::ClearActiveID();
    doc_.emplace(std::move(text), path);
    stamp_ = fileStamp(path);
    conflict_.reset();
    selected_ = -1;
    openChoice_ = -1;
    preview_.stop();
    graphView_.fit();
    checkedRevision_ = graphRevision_ = seenRevision_ = ~0ull;
    // The boxes where the trainer left them last time (none yet: the layered layout).
    places_ = layoutFolder_.empty() ? NodePlaces{}
                                    : readNodePlaces(layoutFolder_, path).value_or(NodePlaces{});
    keptPlaces_ = places_;
    layoutIds_.clear();
    trail_ = {};
    rebuildGraph();
    recheck();
    if (doc_->nodeCount() > 0) selected_ = graph_.start >= 0 ? graph_.start : 0;
    autosavedRevision_ = ~0ull;
    recovery_.reset();
    if (!autosaveFolder_.empty()) {
        recovery_ = readAutosave(autosaveFolder_, path);
        // A recovery equal to the file holds nothing the file lacks.
        if (recovery_ && recovery_->text == doc_->text()) {
            removeAutosave(autosaveFolder_, path);
            recovery_.reset();
        }
    }
}

void AuthorWorkspace::restoreRecovery() {
    if (!doc_ || !recovery_) return;
    doc_->replaceAll(std::move(recovery_->text));
    recovery_.reset();
    message_ = tr("Restored your unsaved edits; Undo goes back to the file as saved.");
    messageIsError_ = false;
}

void AuthorWorkspace::discardRecovery() {
    if (!doc_ || !recovery_) return;
    recovery_.reset();
    forgetAutosave();
}

void AuthorWorkspace::forgetAutosave() {
    if (doc_ && !autosaveFolder_.empty()) removeAutosave(autosaveFolder_, doc_->path());
    autosavedRevision_ = ~0ull;
}

void AuthorWorkspace::autosave(std::int64_t nowMs, bool typing) {
    // An undecided recovery is never overwritten by the newly opened text.
    if (!doc_ || autosaveFolder_.empty() || recovery_) return;
    if (!doc_->dirty()) {
        // Back to the file's text (saved, or undone to it): nothing to recover.
        if (autosavedRevision_ != ~0ull) forgetAutosave();
        return;
    }
    if (autosavedRevision_ == doc_->revision()) return;
    if (typing && autosavedRevision_ != ~0ull && nowMs - lastAutosaveMs_ < kAutosaveEveryMs) return;
    std::string error;
    if (writeAutosave(autosaveFolder_, {doc_->path(), doc_->text(), unixNowMs()}, error)) {
        autosavedRevision_ = doc_->revision();
    } else {
        // Said once per revision; the edits are still here and Save still works.
        autosavedRevision_ = doc_->revision();
        message_ = uiFormat(tr("Could not write the recovery copy: {reason}"), {{"reason", error}});
        messageIsError_ = true;
    }
    lastAutosaveMs_ = nowMs;
}

bool AuthorWorkspace::hasUnsavedEdits() const {
    return doc_ && (doc_->dirty() || inspector_.hasPending());
}

void AuthorWorkspace::whenSaved(std::function<void()> proceed) {
    if (doc_) inspector_.commitPending(*doc_);
    if (!hasUnsavedEdits()) {
        if (proceed) proceed();
        return;
    }
    afterUnsaved_ = std::move(proceed);
    openPrompt_ = true;
    promptError_.clear();
}

bool AuthorWorkspace::saveNow() {
    if (!doc_) return false;
    inspector_.commitPending(*doc_);
    // The field being typed in lets go, so it shows the saved text rather than its own copy.
    if (ImGui::GetCurrentContext()) ImGui::ClearActiveID();
    return readOnly() ? saveAsOwnCopy() : save();
}

bool AuthorWorkspace::open(const std::string& path) {
    std::string error;
    auto text = readTextFile(path, error);
    if (!text) {
        message_ = error;
        messageIsError_ = true;
        return false;
    }
    loaded(std::move(*text), path);
    message_ = uiFormat(tr("Opened {path}"), {{"path", path}});
    messageIsError_ = false;
    return true;
}

void AuthorWorkspace::create(const std::string& path) {
    const std::string id = idFromPath(path);
    loaded(newScenarioTemplate(id, "New scenario"), path);
    doc_->keepEdits("");  // nothing on disk yet: unsaved until the first save
    stamp_ = fileStamp(path);
    message_ =
        uiFormat(tr("New scenario from the template; Save writes it to {path}"), {{"path", path}});
    messageIsError_ = false;
}

bool AuthorWorkspace::readOnly() const {
    return doc_ && isBundledScenario(doc_->path(), bundledFolder_);
}

bool AuthorWorkspace::save() {
    if (!doc_) return false;
    if (readOnly()) {
        message_ =
            tr("This scenario is part of the bundled library and is never changed in "
               "place. Use Save as… to keep your edits in your own folder.");
        messageIsError_ = true;
        return false;
    }
    std::string error;
    if (!writeTextFileAtomically(doc_->path(), doc_->text(), error)) {
        message_ = error;
        messageIsError_ = true;
        return false;
    }
    doc_->markSaved();
    forgetAutosave();
    stamp_ = fileStamp(doc_->path());
    conflict_.reset();
    message_ = uiFormat(tr("Saved {path}"), {{"path", doc_->path()}});
    messageIsError_ = false;
    return true;
}

bool AuthorWorkspace::saveAsOwnCopy() {
    if (!doc_) return false;
    if (ownFolder_.empty()) {
        message_ = tr("No folder of your own for scenarios is known (HOME is not set).");
        messageIsError_ = true;
        return false;
    }
    std::error_code ec;
    std::filesystem::create_directories(ownFolder_, ec);
    const std::string from = doc_->path();
    const std::string to = ownCopyPath(from, ownFolder_).string();
    if (isBundledScenario(to, bundledFolder_)) {
        message_ = tr("Your scenario folder is inside the bundled library; choose another.");
        messageIsError_ = true;
        return false;
    }
    doc_->setPath(to);
    if (!save()) {
        doc_->setPath(from);
        return false;
    }
    if (!autosaveFolder_.empty()) removeAutosave(autosaveFolder_, from);
    // The copy is drawn as the original was.
    keptPlaces_.clear();
    keepPlaces();
    char buf[2048];
    std::snprintf(buf, sizeof buf, tr("Saved a copy as %s; the bundled scenario is unchanged."),
                  to.c_str());
    message_ = buf;
    return true;
}

void AuthorWorkspace::close() {
    // A field still active would otherwise write its text into the next document opened.
    if (ImGui::GetCurrentContext()) ImGui::ClearActiveID();
    doc_.reset();
    inspector_ = {};
    recovery_.reset();
    autosavedRevision_ = ~0ull;
    preview_.stop();
    conflict_.reset();
    graph_ = {};
    layout_ = {};
    check_ = {};
    places_.clear();
    keptPlaces_.clear();
    layoutIds_.clear();
    trail_ = {};
}

void AuthorWorkspace::select(int node) {
    selected_ = node;
    openChoice_ = -1;
    sideTab_ = 0;
}

void AuthorWorkspace::rebuildGraph() {
    if (!doc_ || graphRevision_ == doc_->revision()) return;
    graphRevision_ = doc_->revision();
    // A text that does not parse keeps the last graph, so the picture does not vanish mid-edit.
    if (!doc_->json()) return;
    graph_ = scenarioGraphFromJson(*doc_->json());
    // Boxes keep their places across the edit; a node added while one was selected goes
    // beside it (the inspector selects the new node at once, so the one before counts).
    relayout(addedFrom_ >= 0 ? addedFrom_ : selected_);
    addedFrom_ = -1;
    markUnreachable(graph_, check_.diagnostics);
    if (selected_ >= int(graph_.nodes.size())) selected_ = int(graph_.nodes.size()) - 1;
}

namespace {
constexpr LayoutSpacing kSpacing{260, 84};
}

void AuthorWorkspace::relayout(int near) {
    std::vector<std::string> ids;
    ids.reserve(graph_.nodes.size());
    for (const auto& n : graph_.nodes) ids.push_back(n.id);
    std::vector<std::pair<int, int>> edges;
    edges.reserve(graph_.edges.size());
    for (const auto& e : graph_.edges) edges.emplace_back(e.from, e.to);
    if (!layoutIds_.empty()) carryRenames(places_, layoutIds_, ids);
    layout_ = stableLayout(ids, edges, graph_.start, places_, near, kSpacing, kGraphBox);
    layoutIds_ = std::move(ids);
    keepPlaces();
}

void AuthorWorkspace::keepPlaces() {
    if (!doc_ || layoutFolder_.empty()) return;
    // Only the nodes the file has now; deleted ones keep their place in memory for an undo.
    NodePlaces now;
    for (const auto& id : layoutIds_)
        if (const auto it = places_.find(id); it != places_.end()) now.insert(*it);
    if (now == keptPlaces_) return;
    std::string error;
    if (!writeNodePlaces(layoutFolder_, doc_->path(), now, error)) {
        message_ = uiFormat(tr("Could not keep the graph's layout: {reason}"), {{"reason", error}});
        messageIsError_ = true;
    }
    keptPlaces_ = std::move(now);  // said once; the layout still works for this session
}

void AuthorWorkspace::moveNode(int node, NodePlace to) {
    if (node < 0 || node >= int(graph_.nodes.size()) || graph_.nodes[std::size_t(node)].id.empty())
        return;
    places_[graph_.nodes[std::size_t(node)].id] = to;
    relayout(-1);
}

void AuthorWorkspace::tidyLayout() {
    if (!doc_) return;
    std::vector<std::pair<int, int>> edges;
    for (const auto& e : graph_.edges) edges.emplace_back(e.from, e.to);
    std::vector<std::string> ids;
    for (const auto& n : graph_.nodes) ids.push_back(n.id);
    // Deleted nodes' places go too: the picture starts over.
    places_ = tidyPlaces(ids, edges, graph_.start, kSpacing);
    relayout(-1);
    graphView_.fit();
}

bool AuthorWorkspace::replayPath(const PathReplay& path) {
    if (!doc_ || !check_.playable()) return false;
    sideTab_ = 1;
    return preview_.replay(*check_.scenario, path.choices, path.seed, checkedRevision_);
}

void AuthorWorkspace::recheck() {
    if (!doc_) return;
    checkedRevision_ = doc_->revision();
    check_ = checkScenarioText(doc_->text(), doc_->path());
    errorNodes_.assign(graph_.nodes.size(), false);
    for (const auto& d : check_.diagnostics.items())
        if (d.severity == Severity::Error)
            if (const auto n = nodeOfPointer(d.pointer); n && *n < int(errorNodes_.size()))
                errorNodes_[std::size_t(*n)] = true;
    markUnreachable(graph_, check_.diagnostics);
}

bool AuthorWorkspace::poll(std::int64_t nowMs, bool typing) {
    if (!doc_) return false;
    bool changed = false;
    if (seenRevision_ != doc_->revision()) {
        seenRevision_ = doc_->revision();
        lastEditMs_ = nowMs;
        rebuildGraph();
        changed = true;
    }
    if (checkedRevision_ != doc_->revision() &&
        (!typing || nowMs - lastEditMs_ >= kRecheckDelayMs)) {
        recheck();
        changed = true;
    }
    autosave(nowMs, typing);
    // The file on disk: a text editor saved it, or it went away.
    const FileStamp now = fileStamp(doc_->path());
    if (now != stamp_) {
        stamp_ = now;
        changed = true;
        if (!now.exists) {
            message_ = uiFormat(tr("{path} is no longer on disk; Save writes it again."),
                                {{"path", doc_->path()}});
            messageIsError_ = true;
        } else if (std::string error; auto text = readTextFile(doc_->path(), error)) {
            switch (doc_->diskChanged(*text)) {
                case ScenarioDocument::DiskChange::None:
                    break;
                case ScenarioDocument::DiskChange::Reloaded:
                    message_ = tr("Reloaded: the file changed on disk.");
                    messageIsError_ = false;
                    rebuildGraph();
                    recheck();
                    break;
                case ScenarioDocument::DiskChange::Conflict:
                    conflict_ = std::move(*text);
                    break;
            }
        } else {
            message_ = error;
            messageIsError_ = true;
        }
    }
    return changed;
}

const Framework* AuthorWorkspace::framework() {
    const nlohmann::json* root = doc_ ? doc_->json() : nullptr;
    std::string id;
    if (root && root->is_object() && root->contains("framework") &&
        (*root)["framework"].is_string())
        id = (*root)["framework"].get<std::string>();
    // The framework the check loaded with the scenario: the one validate and play judge it by.
    if (check_.framework && check_.framework->id == id) return &*check_.framework;
    // The check has none while the scenario has errors before its framework step (or names a
    // framework that does not load), and the check lags the text while the author types; the
    // inspector still offers the named framework's indicators to fix it with, so only then is
    // it looked up here, once per id and path.
    const std::string key = id + "\n" + (doc_ ? doc_->path() : "");
    if (key != frameworkKey_) {
        frameworkKey_ = key;
        framework_.reset();
        if (!id.empty()) framework_ = lookupScenarioFramework(id, doc_->path()).framework;
    }
    return framework_ ? &*framework_ : nullptr;
}

std::string AuthorWorkspace::glyphText() const {
    std::string out = message_ + openPath_ + newPath_;
    if (doc_) out += doc_->text() + doc_->path();
    for (const auto& d : check_.diagnostics.items()) out += d.message;
    for (const auto* f : {check_.framework.get(), framework_.get()})
        if (f)
            for (const auto& i : f->indicators) out += i.description;
    return out;
}

void AuthorWorkspace::drawToolbar(const ScreenContext& ctx) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    const std::string name = std::filesystem::path(doc_->path()).filename().string();
    ui::TextInFont(ctx.fonts.heading, p.text, (doc_->dirty() ? "* " : "") + name);
    ImGui::SameLine();
    if (readOnly()) {
        // The bundled library is read-only: the only way to keep edits is a copy.
        if (ui::PrimaryButton(loc, t, tr("Save as…"))) saveAsOwnCopy();
    } else if (ui::PrimaryButton(loc, t, trLabel("Save").c_str(), ImVec2(0, 0),
                                 hasUnsavedEdits())) {
        saveNow();
    }
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Undo")));
    ImGui::BeginDisabled(!doc_->canUndo());
    if (ui::Button(loc, trLabel("Undo").c_str())) doc_->undo();
    ImGui::EndDisabled();
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Redo")));
    ImGui::BeginDisabled(!doc_->canRedo());
    if (ui::Button(loc, trLabel("Redo").c_str())) doc_->redo();
    ImGui::EndDisabled();
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Fit graph")));
    if (ui::Button(loc, trLabel("Fit graph").c_str())) graphView_.fit();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Drag a box to move it; it stays there across edits."));
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Tidy layout")));
    if (ui::Button(loc, trLabel("Tidy layout").c_str())) tidyLayout();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Lay the whole graph out afresh, in layers from the start."));
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Close file")));
    if (ui::Button(loc, trLabel("Close file").c_str())) {
        whenSaved([this] { close(); });
        if (!doc_) return;
    }
    if (doc_->dirty()) {
        ui::SameLineOrWrap(ui::ButtonWidth(tr("Discard edits")));
        if (ui::Button(loc, trLabel("Discard edits").c_str())) {
            std::string error;
            inspector_ = {};
            ImGui::ClearActiveID();
            forgetAutosave();
            if (auto text = readTextFile(doc_->path(), error)) {
                doc_->takeDiskText(std::move(*text));
                conflict_.reset();
            } else {
                close();
                return;
            }
        }
    }
    const std::size_t errors = check_.diagnostics.errorCount(),
                      warnings = check_.diagnostics.warningCount();
    const std::string summary =
        doc_->json() == nullptr ? std::string(tr("syntax error"))
        : errors + warnings == 0
            ? std::string(tr("no problems"))
            : uiFormat(tr("{errors}, {warnings}"),
                       {{"errors", uiFormat(trn("{n} error", "{n} errors", errors),
                                            {{"n", std::to_string(errors)}})},
                        {"warnings", uiFormat(trn("{n} warning", "{n} warnings", warnings),
                                              {{"n", std::to_string(warnings)}})}});
    ui::SameLineOrWrap(ImGui::CalcTextSize(summary.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(errors ? p.danger : warnings ? p.warning : p.success, "%s", summary.c_str());
    if (!message_.empty()) {
        // Beside the summary when it fits, else on a line of its own, wrapped (a long path or
        // an error's reason is read whole, not cut at the window's edge).
        ui::SameLineOrWrap(ImGui::CalcTextSize(message_.c_str()).x);
        ui::TextWrappedColored(messageIsError_ ? p.danger : p.textMuted, message_);
    }
    if (readOnly())
        ui::Callout(t,
                    tr("Bundled scenario: read-only. Your edits stay here until you use Save as…, "
                       "which writes a copy to your own scenario folder."),
                    p.accent, false);
    if (conflict_) {
        ui::Callout(
            t,
            tr("The file changed on disk while you have unsaved edits here. Reload it (your edits "
               "can be brought back with Undo) or keep your edits (the next Save overwrites the "
               "file)."),
            p.warning, false);
        if (ui::Button(loc, trLabel("Reload from disk").c_str())) {
            doc_->takeDiskText(std::move(*conflict_));
            conflict_.reset();
            message_ = tr("Reloaded from disk.");
            messageIsError_ = false;
        }
        ImGui::SameLine();
        if (ui::Button(loc, trLabel("Keep my edits").c_str())) {
            doc_->keepEdits(std::move(*conflict_));
            conflict_.reset();
        }
    }
}

void AuthorWorkspace::drawRecovery(const ScreenContext& ctx) {
    if (!recovery_) return;
    const Theme& t = ctx.theme;
    ui::Callout(t,
                uiFormat(tr("Unsaved edits of this scenario from {time} were recovered (the "
                            "program closed before they were saved). Restore them?"),
                         {{"time", localTime(recovery_->savedAtMs)}}),
                t.palette.warning, false);
    if (ui::PrimaryButton(ctx.locator, t, trLabel("Restore edits").c_str())) restoreRecovery();
    ImGui::SameLine();
    if (ui::Button(ctx.locator, trLabel("Discard recovered edits").c_str())) discardRecovery();
}

void AuthorWorkspace::drawUnsavedPrompt(const ScreenContext& ctx) {
    const Theme& t = ctx.theme;
    WidgetLocator& loc = ctx.locator;
    const char* id = "###unsaved-edits";
    if (openPrompt_) {
        ImGui::OpenPopup(id);
        openPrompt_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(t.px(320), 0),
                                        ImVec2(std::max(t.px(320), t.px(560)), FLT_MAX));
    const std::string title = std::string(tr("Unsaved edits")) + id;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        // Closed some other way (the document went away): nothing waits any more.
        if (!openPrompt_ && !ImGui::IsPopupOpen(id)) afterUnsaved_ = nullptr;
        return;
    }
    const std::string name = std::filesystem::path(doc_->path()).filename().string();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + t.px(520));
    ImGui::TextUnformatted(
        uiFormat(tr("{file} has edits that are not saved. Save them before you go on?"),
                 {{"file", name}})
            .c_str());
    if (readOnly())
        ImGui::TextColored(t.palette.textMuted, "%s",
                           tr("This is a bundled scenario: Save as… writes a copy to your own "
                              "scenario folder."));
    if (!promptError_.empty()) ImGui::TextColored(t.palette.danger, "%s", promptError_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, t.px(6)));
    const auto finish = [this] {
        ImGui::CloseCurrentPopup();
        auto proceed = std::exchange(afterUnsaved_, nullptr);
        if (proceed) proceed();
    };
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    // Named apart from the toolbar's buttons behind the prompt, for scripts.
    const std::string saveLabel =
        readOnly() ? std::string(tr("Save as…")) + "###Save a copy" : trLabel("Save changes");
    if (ui::PrimaryButton(loc, t, saveLabel.c_str())) {
        if (saveNow())
            finish();
        else
            promptError_ = message_;
    }
    ImGui::SameLine();
    if (ui::Button(loc, trLabel("Discard changes").c_str())) {
        // The edits are given up: the file stays as it is on disk, and so does no recovery.
        forgetAutosave();
        close();
        finish();
    }
    ImGui::SameLine();
    if (ui::Button(loc, trLabel("Keep editing").c_str()) ||
        (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && !ImGui::IsAnyItemActive())) {
        afterUnsaved_ = nullptr;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void AuthorWorkspace::shortcuts() {
    // Ctrl+S saves; Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo the document's edits.
    // While a field is being typed in, Ctrl+Z is the field's own undo.
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.KeyAlt || asking()) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) {
        saveNow();
        return;
    }
    if (ImGui::IsAnyItemActive()) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_Z, false)) {
        if (io.KeyShift && doc_->canRedo())
            doc_->redo();
        else if (!io.KeyShift && doc_->canUndo())
            doc_->undo();
    } else if (ImGui::IsKeyPressed(GLFW_KEY_Y, false) && doc_->canRedo()) {
        doc_->redo();
    }
}

void AuthorWorkspace::drawStart(const ScreenContext& ctx, const ScenarioLibrary& library) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    ui::TextInFont(ctx.fonts.title, p.text, tr("Author a scenario"));
    ui::TextWrappedColored(
        p.textMuted,
        tr("Open a scenario file to see its conversation as a graph, edit it, check it "
           "as you type and play any part of it. Files edited in a text editor reload "
           "here when saved."));
    ImGui::Dummy(ImVec2(0, t.px(8)));
    const float w = std::min(ImGui::GetContentRegionAvail().x, t.px(720));
    ImGui::TextUnformatted(tr("Open a file"));
    ImGui::SetNextItemWidth(w - t.px(110));
    ImGui::InputTextWithHint("##open", "path/to/scenario.json", &openPath_);
    loc.recordLastItem("Scenario file");
    ImGui::SameLine();
    if (ui::PrimaryButton(loc, t, trLabel("Open").c_str(), ImVec2(t.px(100), 0),
                          !openPath_.empty()))
        open(openPath_);
    for (const auto& e : library.entries) {
        const std::string file = std::filesystem::path(e.path).filename().string();
        // Found by scripts as "Open FILE" in every language.
        if (ui::Button(loc,
                       (uiFormat(tr("Open {file}"), {{"file", file}}) + "###Open " + file).c_str()))
            open(e.path);
    }
    ImGui::Dummy(ImVec2(0, t.px(12)));
    ImGui::TextUnformatted(tr("New scenario from the template"));
    ImGui::SetNextItemWidth(w - t.px(110));
    ImGui::InputTextWithHint("##new", "scenarios/my-scenario.json", &newPath_);
    loc.recordLastItem("New file");
    ImGui::SameLine();
    if (ui::PrimaryButton(loc, t, trLabel("Create").c_str(), ImVec2(t.px(100), 0),
                          !newPath_.empty())) {
        if (fileStamp(newPath_).exists) {
            message_ =
                uiFormat(tr("{path} already exists; open it instead, or choose another name."),
                         {{"path", newPath_}});
            messageIsError_ = true;
        } else {
            create(newPath_);
        }
    }
    if (!message_.empty())
        ImGui::TextColored(messageIsError_ ? p.danger : p.textMuted, "%s", message_.c_str());
}

void AuthorWorkspace::drawDiagnostics(const ScreenContext& ctx, ImVec2 size) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    WidgetLocator& loc = ctx.locator;
    ImGui::BeginChild("##problems", size, true);
    const auto& items = check_.diagnostics.items();
    ui::TextInFont(ctx.fonts.heading, p.text,
                   items.empty()
                       ? std::string(tr("Problems: none"))
                       : uiFormat(tr("Problems ({n})"), {{"n", std::to_string(items.size())}}));
    if (checkedRevision_ != doc_->revision())
        ImGui::TextColored(p.textMuted, "%s", tr("checking…"));
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Diagnostic& d = items[i];
        const std::string where =
            std::to_string(d.position.line) + ":" + std::to_string(d.position.column);
        const std::string label =
            (d.severity == Severity::Error ? std::string(trc("diagnostic", "error"))
                                           : std::string(trc("diagnostic", "warning"))) +
            "  " + where + "  " + d.code + "  " + d.message + "##diag" + std::to_string(i);
        ImGui::PushStyleColor(ImGuiCol_Text, d.severity == Severity::Error ? p.danger : p.warning);
        const bool clicked = ImGui::Selectable(label.c_str());
        ImGui::PopStyleColor();
        loc.recordLastItem("Problem " + std::to_string(i + 1));
        if (ImGui::IsItemHovered() && !d.pointer.empty())
            ImGui::SetTooltip("%s", d.pointer.c_str());
        if (clicked) {
            if (const auto n = nodeOfPointer(d.pointer); n && *n < int(graph_.nodes.size())) {
                selected_ = *n;
                openChoice_ = choiceOfPointer(d.pointer).value_or(-1);
                sideTab_ = 0;
                graphView_.centreOn(*n);
            }
        }
    }
    ImGui::EndChild();
}

void AuthorWorkspace::Draw(const ScreenContext& ctx, const ScenarioLibrary& library,
                           const Clock& clock) {
    if (!doc_) {
        drawStart(ctx, library);
        return;
    }
    const Theme& t = ctx.theme;
    WidgetLocator& loc = ctx.locator;
    shortcuts();
    rebuildGraph();
    drawToolbar(ctx);
    if (!doc_) return;
    drawRecovery(ctx);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = t.px(10);
    const float sideW = std::clamp(avail.x * 0.36f, t.px(320), t.px(520));
    const float leftW = avail.x - sideW - gap;
    const float problemsH = std::clamp(avail.y * 0.26f, t.px(110), t.px(220));
    const float bottomPad = t.px(12);

    // The preview's path, drawn on the graph while it plays.
    trail_ = {};
    if (const Session* s = preview_.session(); s && preview_.played())
        trail_ = previewTrail(graph_, *preview_.played(), s->transcript(), s->node().id);

    ImGui::BeginGroup();
    const GraphViewEvents events =
        graphView_.Draw(t, loc, graph_, layout_, selected_, errorNodes_, &trail_,
                        ImVec2(leftW, avail.y - problemsH - gap - bottomPad));
    if (events.clicked) select(*events.clicked);
    if (events.moved) moveNode(events.moved->node, events.moved->to);
    drawDiagnostics(ctx, ImVec2(leftW, problemsH));
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);

    ImGui::BeginChild("##side", ImVec2(sideW, avail.y - bottomPad), true);
    // A tab asked for (by a click elsewhere) is brought forward once.
    const int request = sideTab_;
    sideTab_ = -1;
    if (ImGui::BeginTabBar("##sidetabs")) {
        const auto tab = [&](const char* label, int index) {
            const ImGuiTabItemFlags flags = request == index ? ImGuiTabItemFlags_SetSelected : 0;
            // The id stays English, so the selected tab survives a language switch.
            const bool open = ImGui::BeginTabItem(trLabel(label).c_str(), nullptr, flags);
            loc.recordLastItem(std::string("Tab ") + label);
            return open;
        };
        if (tab(trNoop("Inspector"), 0)) {
            ImGui::BeginChild("##inspector");
            InspectorContext inspect{*doc_,     framework(), t,
                                     ctx.fonts, loc,         inspector_.pendingSlot()};
            const int before = selected_;
            if (inspector_.Draw(inspect, selected_, openChoice_)) {
                sideTab_ = 1;
                if (check_.playable() && checkedRevision_ == doc_->revision())
                    preview_.start(*check_.scenario, selected_, clock, checkedRevision_);
            }
            if (selected_ != before && selected_ >= 0) graphView_.centreOn(selected_);
            if (selected_ != before) addedFrom_ = before;
            openChoice_ = -1;
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (tab(trNoop("Preview"), 1)) {
            // The last checked model: while a re-check waits for typing to pause it is one edit
            // behind, which the panel says.
            preview_.Draw(t, ctx.fonts, loc, clock, check_.playable() ? &*check_.scenario : nullptr,
                          selected_, checkedRevision_);
            ImGui::EndTabItem();
        }
        if (tab(trNoop("Analysis"), 2)) {
            if (const auto replay = analysis_.Draw(t, ctx.fonts, loc,
                                                   check_.playable() ? &*check_.scenario : nullptr,
                                                   framework(), checkedRevision_))
                replayPath(*replay);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    drawUnsavedPrompt(ctx);
}

}  // namespace rapport::app
