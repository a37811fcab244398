// The author workspace: a scenario file open for editing, with the graph of its nodes, an
// inspector for the selected node, the live diagnostics of the full check, a preview that plays
// from any node, and reload when the file changes on disk. The rules live in core
// (ScenarioDocument, scenarioGraphFromJson, layoutLayered, checkScenarioText,
// scenarioStartingAt); this class sequences them and draws.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/author/author_analysis_panel.hpp"
#include "app/author/author_file.hpp"
#include "app/author/author_graph_view.hpp"
#include "app/author/author_inspector.hpp"
#include "app/author/author_preview.hpp"
#include "app/shell/screen_context.hpp"
#include "core/authoring/autosave.hpp"
#include "core/authoring/graph_layout.hpp"
#include "core/authoring/node_positions.hpp"
#include "core/authoring/preview_trail.hpp"
#include "core/authoring/scenario_edit.hpp"
#include "core/authoring/scenario_graph.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/framework/framework.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/clock.hpp"

namespace rapport::app {

class AuthorWorkspace {
public:
    // Opens `path`; false with the reason in message() when it cannot be read.
    bool open(const std::string& path);
    // Starts a new scenario from the template, to be saved at `path` (not written yet).
    void create(const std::string& path);
    // Writes the document atomically; false with the reason in message(). A bundled scenario
    // (readOnly()) is never written: false, with the way to Save as… in message().
    bool save();
    // Writes the edits to a copy in the trainer's own folder (core ownCopyPath), creating it,
    // and goes on editing the copy. False with the reason in message().
    bool saveAsOwnCopy();
    // The bundled library's folder (read-only here) and the trainer's own scenario folder.
    void setScenarioFolders(std::filesystem::path bundled, std::filesystem::path own) {
        bundledFolder_ = std::move(bundled);
        ownFolder_ = std::move(own);
    }
    const std::filesystem::path& ownFolder() const { return ownFolder_; }
    // Where recovery copies of unsaved edits are written (core/authoring/autosave.hpp); "" keeps
    // none.
    void setAutosaveFolder(std::filesystem::path folder) { autosaveFolder_ = std::move(folder); }
    const std::filesystem::path& autosaveFolder() const { return autosaveFolder_; }
    // Where the graph's node places are kept per scenario (core/authoring/node_positions_file);
    // "" keeps them for this session only.
    void setLayoutFolder(std::filesystem::path folder) { layoutFolder_ = std::move(folder); }

    // Unsaved work: the document differs from the file, or a field still holds typed text.
    bool hasUnsavedEdits() const;
    // Runs `proceed` at once when nothing is unsaved; otherwise asks save / discard / cancel and
    // runs it after a successful save or a discard, never after cancel.
    void whenSaved(std::function<void()> proceed);
    // The save / discard / cancel question is up.
    bool asking() const { return bool(afterUnsaved_); }
    // Writes the text still in a field, then saves (Save as… for the bundled library).
    bool saveNow();
    // An autosaved recovery that differs from the file, found when it was opened, waits for the
    // author: restore it (one undoable edit) or discard it (the file is removed).
    bool recoveryOffered() const { return recovery_.has_value(); }
    void restoreRecovery();
    void discardRecovery();
    // The open file is part of the bundled library.
    bool readOnly() const;
    void close();

    // Work between frames: a debounced re-check after edits, and the file's stamp on disk.
    // Returns true when something changed that must be drawn. `typing`: a text field is active.
    bool poll(std::int64_t nowMs, bool typing);

    // `library`: the loaded scenarios the start panel offers; `clock`: the preview's.
    void Draw(const ScreenContext& ctx, const ScenarioLibrary& library, const Clock& clock);

    bool isOpen() const { return doc_.has_value(); }
    const ScenarioDocument* document() const { return doc_ ? &*doc_ : nullptr; }
    const ScenarioCheck& check() const { return check_; }
    const ScenarioGraph& graph() const { return graph_; }
    // Where each node is drawn (kept across edits) and the preview's path on the graph.
    const GraphLayout& layout() const { return layout_; }
    const PreviewTrail& trail() const { return trail_; }
    // Puts node `node`'s box at `to` (as dragging it does) and keeps it there.
    void moveNode(int node, NodePlace to);
    // Lays the whole graph out afresh ("Tidy layout"): every box moves to the layered picture.
    void tidyLayout();
    // Replays an analysis path in the preview (as clicking it in the analysis tab does).
    bool replayPath(const PathReplay& path);
    int selected() const { return selected_; }
    void select(int node);
    const std::string& message() const { return message_; }
    bool conflict() const { return conflict_.has_value(); }
    // Texts the font atlas must cover.
    std::string glyphText() const;

private:
    void recheck();
    void rebuildGraph();
    void relayout(int near);
    void keepPlaces();
    void loaded(std::string text, const std::string& path);
    const Framework* framework();
    void drawToolbar(const ScreenContext& ctx);
    void drawStart(const ScreenContext& ctx, const ScenarioLibrary& library);
    void drawDiagnostics(const ScreenContext& ctx, ImVec2 size);
    void drawRecovery(const ScreenContext& ctx);
    void drawUnsavedPrompt(const ScreenContext& ctx);
    void shortcuts();
    void autosave(std::int64_t nowMs, bool typing);
    void forgetAutosave();

    std::optional<ScenarioDocument> doc_;
    FileStamp stamp_;
    ScenarioCheck check_;
    std::uint64_t checkedRevision_ = ~0ull;
    std::uint64_t graphRevision_ = ~0ull;
    std::uint64_t seenRevision_ = ~0ull;
    std::int64_t lastEditMs_ = 0;
    ScenarioGraph graph_;
    GraphLayout layout_;
    std::vector<bool> errorNodes_;
    NodePlaces places_;                   // by node id; may hold ids deleted (undo brings them)
    std::vector<std::string> layoutIds_;  // the node ids the layout was made for
    NodePlaces keptPlaces_;               // what the places file holds
    std::filesystem::path layoutFolder_;
    PreviewTrail trail_;
    int addedFrom_ = -1;  // the node selected before the inspector selected another (a new one)
    int selected_ = -1;
    int openChoice_ = -1;
    int sideTab_ = -1;  // tab to bring forward next frame: 0 inspector, 1 preview, 2 analysis
    std::optional<std::string> conflict_;  // the disk's text while the author decides
    std::string message_;
    bool messageIsError_ = false;
    std::string frameworkKey_;
    std::filesystem::path bundledFolder_, ownFolder_;
    std::shared_ptr<const Framework> framework_;

    std::filesystem::path autosaveFolder_;
    std::uint64_t autosavedRevision_ = ~0ull;  // the revision the recovery file holds
    std::int64_t lastAutosaveMs_ = 0;
    std::optional<AutosaveRecovery> recovery_;  // offered for restore
    std::function<void()> afterUnsaved_;        // waits for the author's answer
    bool openPrompt_ = false;                   // open the prompt's popup next frame
    std::string promptError_;                   // why the prompt's Save failed

    // The start panel's fields.
    std::string openPath_;
    std::string newPath_;

    AuthorGraphView graphView_;
    AuthorInspector inspector_;
    AuthorPreview preview_;
    AuthorAnalysisPanel analysis_;
};

}  // namespace rapport::app
