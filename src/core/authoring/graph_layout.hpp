// Automatic layered layout of a directed graph (the Sugiyama approach, kept simple): cycles are
// broken by ignoring the edges a depth-first search finds going back, each node goes to the layer
// of its longest path from a root, and nodes within a layer are ordered by the barycentre of their
// neighbours to reduce crossings. Deterministic: the same graph always gets the same picture.
#pragma once

#include <utility>
#include <vector>

namespace rapport {

struct GraphLayout {
    std::vector<int> layer;   // per node, 0 = the root's layer
    std::vector<int> order;   // per node, position within its layer from the top
    std::vector<float> x, y;  // per node, in layout units (layer and row spacing applied)
    int layers = 0;
    int rows = 0;  // nodes in the fullest layer
    float width = 0, height = 0;
    float left = 0, top = 0;  // the corner of the box around every node (0, 0 when layered)
};

struct LayoutSpacing {
    float layerGap = 260;  // distance between layers (x)
    float rowGap = 90;     // distance between nodes of one layer (y)
};

// Lays out `nodeCount` nodes joined by `edges` (from, to), starting from `root` (-1: none).
// Nodes not reachable from the root start their own trees afterwards, in index order.
// Edges with an endpoint out of range are ignored.
GraphLayout layoutLayered(int nodeCount, const std::vector<std::pair<int, int>>& edges, int root,
                          LayoutSpacing spacing = {});

}  // namespace rapport
