// The author workspace's inspector: the selected node's fields (id, speaker, text, variants,
// tags, time limit, ending) and its choices (text, next, if, once, set, feedback, evidence with
// an indicator picker from the framework). Every change is one edit of the ScenarioDocument at
// the field's JSON pointer; the inspector keeps no copy of the scenario.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/driver/widget_locator.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/theme.hpp"
#include "core/authoring/scenario_edit.hpp"
#include "core/framework/framework.hpp"

namespace rapport::app {

struct InspectorContext {
    ScenarioDocument& doc;
    const Framework* framework = nullptr;  // for the indicator picker; null when not found
    const Theme& theme;
    const FontSet& fonts;
    WidgetLocator& loc;
    // The edit of a field that is written only when left (tags, id) while the author is still
    // typing in it: run when the field is left, or before a save or close (commitPending).
    std::function<void(ScenarioDocument&)>* pending = nullptr;
};

class AuthorInspector {
public:
    // Draws the inspector for node `selected` (may change it: a new or deleted node).
    // `openChoice` >= 0 opens that choice's section (a diagnostic was clicked). Returns true
    // when the author asked to preview from this node.
    bool Draw(InspectorContext& ctx, int& selected, int openChoice);

    // Text still in a field that is written when left counts as an edit: Save, Ctrl+S and the
    // unsaved-edits prompt write it into the document first.
    bool hasPending() const { return bool(pending_); }
    void commitPending(ScenarioDocument& doc) {
        if (auto commit = std::exchange(pending_, nullptr)) commit(doc);
    }
    std::function<void(ScenarioDocument&)>* pendingSlot() { return &pending_; }

private:
    std::function<void(ScenarioDocument&)> pending_;
};

}  // namespace rapport::app
