// The author workspace's graph: one box per node at the places core keeps (node_positions),
// curves for choices (timeouts in the warning colour), the preview's trail drawn over them, with
// pan (drag the background), zoom (wheel), click-to-select and drag-a-box-to-move.
// Drawing and input only; the graph, the places and the trail come from core.
#pragma once

#include <imgui.h>

#include <optional>

#include "app/driver/widget_locator.hpp"
#include "app/shell/theme.hpp"
#include "core/authoring/graph_layout.hpp"
#include "core/authoring/node_positions.hpp"
#include "core/authoring/preview_trail.hpp"
#include "core/authoring/scenario_graph.hpp"

namespace rapport::app {

// A node's box in layout units, as core places them.
inline constexpr BoxSize kGraphBox{200, 58};

struct GraphViewEvents {
    std::optional<int> clicked;  // the node clicked this frame
    struct Move {
        int node = -1;
        NodePlace to;  // the box's new corner, in layout units
    };
    std::optional<Move> moved;  // a box dropped where it was dragged to
};

class AuthorGraphView {
public:
    // Draws into a child region of `size`. `errorNodes` marks nodes with error diagnostics (may
    // be empty); `trail` the preview's path (null or empty: none).
    GraphViewEvents Draw(const Theme& theme, WidgetLocator& loc, const ScenarioGraph& graph,
                         const GraphLayout& layout, int selected,
                         const std::vector<bool>& errorNodes, const PreviewTrail* trail,
                         ImVec2 size);

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
    int dragNode_ = -1;    // the box being moved
    ImVec2 dragBy_{0, 0};  // how far, in layout units
};

}  // namespace rapport::app
