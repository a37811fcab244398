// What a preview (or a replayed analysis path) has taken, in terms of the author graph: the
// nodes visited in order, the edges followed and the node it is at, so the graph can draw the
// path a trainee would have walked.
#pragma once

#include <string>
#include <vector>

#include "core/authoring/scenario_graph.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct PreviewTrail {
    std::vector<int> step;    // per graph node: the 1-based step it was first entered at; 0: never
    std::vector<bool> edges;  // per graph edge: followed
    int current = -1;         // the graph node the play is at
    bool empty() const { return current < 0; }
};

// The trail of `transcript`, played on `played` (the checked model of the graph's file, or a
// copy of it starting elsewhere, with the same nodes), now at node id `currentNode`. Nodes are
// matched by id, a step's edge by its node, the choice taken (its index in the node) and the
// node entered next; a step that matches no edge (the file changed since) marks none.
PreviewTrail previewTrail(const ScenarioGraph& graph, const Scenario& played,
                          const Transcript& transcript, const std::string& currentNode);

}  // namespace rapport
