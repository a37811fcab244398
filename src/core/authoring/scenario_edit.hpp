// A scenario file open for editing in the author tools. The file's text is the document: every
// edit is a splice into that text (json_text_edit), so saving writes the author's own text back
// with only the edited values changed. The parsed JSON is derived from the text after each edit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

class ScenarioDocument {
public:
    // `text` as read from `path` (which may not exist yet for a new scenario).
    ScenarioDocument(std::string text, std::string path);

    const std::string& text() const { return text_; }
    const std::string& path() const { return path_; }
    void setPath(std::string path) { path_ = std::move(path); }
    // The parsed text; nullptr while it is not well-formed JSON (edited outside and broken).
    const nlohmann::json* json() const { return json_ ? &*json_ : nullptr; }
    // Bumped by every change of the text: views re-derive (graph, diagnostics) when it moves.
    std::uint64_t revision() const { return revision_; }
    // True when the text differs from what was last loaded from or saved to disk.
    bool dirty() const { return text_ != diskText_; }

    // Edits. Each returns false and changes nothing when the text does not parse, or the target
    // is missing. Consecutive set()s of the same pointer merge into one undo step (typing).
    bool set(std::string_view pointer, const nlohmann::ordered_json& value);
    bool remove(std::string_view pointer);
    bool insert(std::string_view arrayPointer, std::size_t index,
                const nlohmann::ordered_json& value);

    // Scenario-level edits built on those.
    // Appends a node (an ending, so the file stays valid) and returns its index.
    std::optional<int> addNode();
    // Appends a choice to node `node` leading to `next` (a node id); returns its index.
    std::optional<int> addChoice(int node, const std::string& next);
    bool deleteNode(int node);
    bool deleteChoice(int node, int choice);
    // Changes a node's id and every "start", "next", "onTimeout" and visited("…") in a variant's
    // or choice's "if" and in "set" values that named the old id.
    bool renameNode(int node, const std::string& newId);
    // Turns an ending node into a turn with one choice (to `next`), or a turn into an ending.
    bool makeEnding(int node);
    bool makeTurn(int node, const std::string& next);

    // The whole text replaced in one undoable step (restoring an autosaved recovery).
    bool replaceAll(std::string text) { return replaceText(std::move(text), ""); }

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    void undo();
    void redo();

    // Disk synchronisation (the I/O itself is the caller's).
    void markSaved() { diskText_ = text_; }
    enum class DiskChange {
        None,      // the disk text is what we last loaded or saved
        Reloaded,  // changed on disk and nothing was edited here: the new text was taken
        Conflict   // changed on disk while this document has unsaved edits: the caller asks
    };
    // Reacts to the file's current text on disk.
    DiskChange diskChanged(const std::string& diskText);
    // Replaces the document with the disk's text (after the author chose to reload).
    void takeDiskText(std::string diskText);
    // Keeps the edits: the disk's text becomes the base, so the next save overwrites it.
    void keepEdits(std::string diskText) { diskText_ = std::move(diskText); }

    // Node count and a node's id from the parsed text (0 / "" when it does not parse).
    int nodeCount() const;
    std::string nodeId(int node) const;
    // An id no node has yet: "<stem>", else "<stem>-2", "<stem>-3", …
    std::string freshNodeId(const std::string& stem) const;

private:
    bool replaceText(std::string text, std::string mergeKey);
    void reparse();

    std::string text_;
    std::string path_;
    std::string diskText_;
    std::optional<nlohmann::json> json_;
    std::uint64_t revision_ = 0;
    std::vector<std::string> undo_, redo_;
    std::string lastMergeKey_;
};

// A minimal valid scenario (one question, two endings) to start a new file from.
std::string newScenarioTemplate(const std::string& id, const std::string& title);

}  // namespace rapport
