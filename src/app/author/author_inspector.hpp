// The author workspace's inspector: the selected node's fields (id, speaker, text, variants,
// tags, time limit, ending) and its choices (text, next, if, once, set, feedback, evidence with
// an indicator picker from the framework). Every change is one edit of the ScenarioDocument at
// the field's JSON pointer; the inspector keeps no copy of the scenario.
#pragma once

#include <string>
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
};

class AuthorInspector {
public:
    // Draws the inspector for node `selected` (may change it: a new or deleted node).
    // `openChoice` >= 0 opens that choice's section (a diagnostic was clicked). Returns true
    // when the author asked to preview from this node.
    bool Draw(InspectorContext& ctx, int& selected, int openChoice);
};

}  // namespace rapport::app
