#include "core/authoring/preview_trail.hpp"

#include <unordered_map>

namespace rapport {

PreviewTrail previewTrail(const ScenarioGraph& graph, const Scenario& played,
                          const Transcript& transcript, const std::string& currentNode) {
    PreviewTrail out;
    out.step.assign(graph.nodes.size(), 0);
    out.edges.assign(graph.edges.size(), false);
    std::unordered_map<std::string, int> index;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        index.try_emplace(graph.nodes[i].id, int(i));
    const auto find = [&](const std::string& id) {
        const auto it = index.find(id);
        return it == index.end() ? -1 : it->second;
    };
    int visits = 0;
    const auto enter = [&](int v) {
        if (v >= 0 && out.step[std::size_t(v)] == 0) out.step[std::size_t(v)] = ++visits;
    };
    for (const TranscriptStep& s : transcript.steps) {
        const int from = find(s.node), to = find(s.next);
        enter(from);
        if (from < 0 || to < 0) continue;
        int choice = -1;  // the timeout branch
        if (!s.timedOut) {
            choice = -2;  // not found: any edge from `from` to `to` will do
            for (const Node& n : played.nodes) {
                if (n.id != s.node) continue;
                for (std::size_t k = 0; k < n.choices.size(); ++k)
                    if (n.choices[k].id == s.choice) choice = int(k);
                break;
            }
        }
        int any = -1;
        bool marked = false;
        for (std::size_t e = 0; e < graph.edges.size(); ++e) {
            const auto& edge = graph.edges[e];
            if (edge.from != from || edge.to != to) continue;
            if (s.timedOut != (edge.choice < 0)) continue;
            if (any < 0) any = int(e);
            if (choice >= 0 && edge.choice == choice) out.edges[e] = marked = true;
        }
        if (!marked && any >= 0) out.edges[std::size_t(any)] = true;
        enter(to);
    }
    out.current = find(currentNode);
    enter(out.current);
    return out;
}

}  // namespace rapport
