#include "core/analysis/dominated_replies.hpp"

namespace rapport {

void findDominatedReplies(const Scenario& s, const Framework& f, const StateGraph& graph,
                          const ScenarioEvidence& ev, ScenarioAnalysis& a) {
    const std::size_t nc = f.competencies.size();
    std::vector<std::vector<std::vector<bool>>> together(s.nodes.size());
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const std::size_t k = s.nodes[n].choices.size();
        together[n].assign(k, std::vector<bool>(k, false));
    }
    std::vector<int> shown;
    for (std::size_t st = 0; st < graph.size(); ++st) {
        const auto node = std::size_t(graph.node(int(st)));
        shown.clear();
        for (const auto& e : graph.edges(int(st)))
            if (e.choice >= 0) shown.push_back(e.choice);
        for (int x : shown)
            for (int y : shown) together[node][std::size_t(x)][std::size_t(y)] = true;
    }
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        for (std::size_t x = 0; x < node.choices.size(); ++x) {
            int by = -1;
            for (std::size_t y = 0; y < node.choices.size(); ++y) {
                if (x == y || !together[n][x][y]) continue;
                const auto& px = ev.choices[n][x].points;
                const auto& py = ev.choices[n][y].points;
                bool never = true, worse = false;
                for (std::size_t c = 0; c < nc; ++c) {
                    never = never && px[c] <= py[c];
                    worse = worse || px[c] < py[c];
                }
                if (!never || !worse) continue;
                if (by < 0 || ev.choices[n][y].weighted > ev.choices[n][std::size_t(by)].weighted)
                    by = int(y);
            }
            if (by >= 0)
                a.dominated.push_back({node.id, node.choices[x].id,
                                       node.choices[std::size_t(by)].id,
                                       node.choices[x].next == node.choices[std::size_t(by)].next});
        }
    }
}

}  // namespace rapport
