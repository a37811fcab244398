#include "core/analysis/dominated_replies.hpp"

#include <algorithm>
#include <numeric>

namespace rapport {

namespace {

// The best dominating sibling found so far for one reply: the highest weighted points, the
// earliest in file order on a tie (what a scan of the siblings in file order keeps).
struct Best {
    int by = -1;
    std::int64_t weighted = 0;
    void offer(int y, std::int64_t w) {
        if (by < 0 || w > weighted || (w == weighted && y < by)) {
            by = y;
            weighted = w;
        }
    }
};

bool dominates(const std::vector<std::int64_t>& py, const std::vector<std::int64_t>& px) {
    bool better = false;
    for (std::size_t c = 0; c < px.size(); ++c) {
        if (py[c] < px[c]) return false;
        better = better || py[c] > px[c];
    }
    return better;
}

std::int64_t total(const std::vector<std::int64_t>& p) {
    return std::accumulate(p.begin(), p.end(), std::int64_t(0));
}

}  // namespace

// Replies with the same points can neither dominate each other nor differ as dominators but by
// file order, so each state's shown replies are first grouped by their points (sorted, so the
// cost is n log n in the replies shown); only the distinct point vectors are compared, and a
// dominator's points sum to strictly more, so each group is compared only with groups of a
// higher sum. A node of 200,000 replies with a handful of distinct effects (an imported Twine
// passage) costs little more than reading it; the comparisons grow with the square of the
// distinct effects of one state, never with the square of its replies.
void findDominatedReplies(const Scenario& s, const Framework&, const StateGraph& graph,
                          const ScenarioEvidence& ev, ScenarioAnalysis& a) {
    std::vector<std::vector<Best>> best(s.nodes.size());
    for (std::size_t n = 0; n < s.nodes.size(); ++n) best[n].resize(s.nodes[n].choices.size());

    std::vector<int> shown;
    std::vector<std::size_t> groupStart;  // into shown, after sorting: one entry per group
    std::vector<std::int64_t> groupSum;
    std::vector<std::size_t> bySum;
    for (std::size_t st = 0; st < graph.size(); ++st) {
        const auto node = std::size_t(graph.node(int(st)));
        const auto& profiles = ev.choices[node];
        shown.clear();
        for (const auto& e : graph.edges(int(st)))
            if (e.choice >= 0) shown.push_back(e.choice);
        if (shown.size() < 2) continue;
        // By points, then file order: each group's first reply is its earliest.
        std::sort(shown.begin(), shown.end(), [&](int x, int y) {
            const auto& px = profiles[std::size_t(x)].points;
            const auto& py = profiles[std::size_t(y)].points;
            return px != py ? px < py : x < y;
        });
        shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
        groupStart.clear();
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (i == 0 || profiles[std::size_t(shown[i])].points !=
                              profiles[std::size_t(shown[i - 1])].points)
                groupStart.push_back(i);
        const std::size_t groups = groupStart.size();
        if (groups < 2) continue;
        groupStart.push_back(shown.size());
        groupSum.resize(groups);
        bySum.resize(groups);
        for (std::size_t g = 0; g < groups; ++g) {
            groupSum[g] = total(profiles[std::size_t(shown[groupStart[g]])].points);
            bySum[g] = g;
        }
        std::sort(bySum.begin(), bySum.end(),
                  [&](std::size_t x, std::size_t y) { return groupSum[x] > groupSum[y]; });
        for (std::size_t i = 0; i < groups; ++i) {
            const std::size_t gx = bySum[i];
            const auto& px = profiles[std::size_t(shown[groupStart[gx]])].points;
            Best here;
            for (std::size_t j = 0; j < i && groupSum[bySum[j]] > groupSum[gx]; ++j) {
                const int y = shown[groupStart[bySum[j]]];
                const auto& py = profiles[std::size_t(y)];
                if (dominates(py.points, px)) here.offer(y, py.weighted);
            }
            if (here.by < 0) continue;
            for (std::size_t k = groupStart[gx]; k < groupStart[gx + 1]; ++k)
                best[node][std::size_t(shown[k])].offer(here.by, here.weighted);
        }
    }
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        for (std::size_t x = 0; x < node.choices.size(); ++x) {
            const int by = best[n][x].by;
            if (by >= 0)
                a.dominated.push_back({node.id, node.choices[x].id,
                                       node.choices[std::size_t(by)].id,
                                       node.choices[x].next == node.choices[std::size_t(by)].next});
        }
    }
}

}  // namespace rapport
