// The author workspace's graph: one box per node at the positions core's layered layout gives,
// curves for choices (dashed for timeouts), with pan (drag), zoom (wheel) and click-to-select.
// Drawing and input only; the graph and the layout come from core.
#pragma once

#include <imgui.h>

#include <optional>

#include "app/driver/widget_locator.hpp"
#include "app/shell/theme.hpp"
#include "core/authoring/graph_layout.hpp"
#include "core/authoring/scenario_graph.hpp"

namespace rapport::app {

class AuthorGraphView {
public:
    // Draws into a child region of `size`. Returns the node clicked this frame, if any.
    // `errorNodes` marks nodes with error diagnostics (may be empty).
    std::optional<int> Draw(const Theme& theme, WidgetLocator& loc, const ScenarioGraph& graph,
                            const GraphLayout& layout, int selected,
                            const std::vector<bool>& errorNodes, ImVec2 size);

    // Fits the whole graph into the view on the next frame.
    void fit() { fitPending_ = true; }
    // Scrolls so node `node` is in the middle on the next frame.
    void centreOn(int node) { centreNode_ = node; }
    float zoom() const { return zoom_; }

private:
    ImVec2 pan_{0, 0};  // screen offset of the layout's origin from the region's corner
    float zoom_ = 1.0f;
    bool fitPending_ = true;
    bool dragged_ = false;  // the current press has moved: releasing it is not a click
    int centreNode_ = -1;
};

}  // namespace rapport::app
