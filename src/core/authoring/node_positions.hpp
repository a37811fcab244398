// A graph layout that stays put across edits: every node keeps the place it had (or that the
// trainer dragged it to) and only nodes without one are placed, next to their neighbours, so an
// edit never makes the boxes jump. Places are kept by node id, so they survive edits that shift
// node indices and can be written beside the user's state (core/authoring/node_positions_file).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/authoring/graph_layout.hpp"

namespace rapport {

struct NodePlace {
    float x = 0, y = 0;  // the box's top-left corner, in layout units
    bool operator==(const NodePlace&) const = default;
};
// By node id. May hold ids no longer in the graph: a deletion that is undone gets its place back.
using NodePlaces = std::map<std::string, NodePlace>;

struct BoxSize {
    float width = 200, height = 58;  // a node's box in layout units
};

// Lays out the graph of `ids` (one per node; empty or repeated ids are placed but not kept)
// joined by `edges` (from, to). A node whose id is in `places` stays there. With no node placed
// yet, the whole graph gets the layered layout (layoutLayered). Otherwise each node without a
// place goes one layer right of a placed predecessor (or left of a placed successor), taken from
// the start outwards so a new branch grows from its parent; a node with neither goes right of
// `near` (the node selected when it was added; -1: none) or below everything. A box is moved a
// row at a time, down then up, until it overlaps no other. The new places are added to `places`.
// The result's left and top are the bounding box's corner (dragged boxes may be anywhere).
GraphLayout stableLayout(const std::vector<std::string>& ids,
                         const std::vector<std::pair<int, int>>& edges, int root,
                         NodePlaces& places, int near = -1, LayoutSpacing spacing = {},
                         BoxSize box = {});

// The layered layout of the graph, as places: what "Tidy layout" puts in place of the old ones.
NodePlaces tidyPlaces(const std::vector<std::string>& ids,
                      const std::vector<std::pair<int, int>>& edges, int root,
                      LayoutSpacing spacing = {});

// A node renamed in place keeps its box: node i was `before[i]` and is now `after[i]` (the lists
// the same length, the old id gone from `after`), so the new id gets the old id's place.
void carryRenames(NodePlaces& places, const std::vector<std::string>& before,
                  const std::vector<std::string>& after);

}  // namespace rapport
