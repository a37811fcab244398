#include "core/authoring/node_positions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <unordered_map>

namespace rapport {

namespace {

// Placed boxes in a grid of cells one box (plus its margin) wide and high, so finding whether a
// spot is free looks at nine cells rather than every node.
class Occupancy {
public:
    Occupancy(BoxSize box, float marginX, float marginY)
        : w_(box.width + marginX), h_(box.height + marginY) {}
    void add(NodePlace p) { cells_[key(cell(p.x, w_), cell(p.y, h_))].push_back(p); }
    bool free(NodePlace p) const {
        const long long cx = cell(p.x, w_), cy = cell(p.y, h_);
        for (long long dx = -1; dx <= 1; ++dx)
            for (long long dy = -1; dy <= 1; ++dy) {
                const auto it = cells_.find(key(cx + dx, cy + dy));
                if (it == cells_.end()) continue;
                for (const NodePlace& q : it->second)
                    if (std::fabs(q.x - p.x) < w_ && std::fabs(q.y - p.y) < h_) return false;
            }
        return true;
    }

private:
    static long long cell(float v, float size) { return (long long)std::floor(v / size); }
    static std::uint64_t key(long long x, long long y) {
        return (std::uint64_t(std::uint32_t(x)) << 32) | std::uint32_t(y);
    }
    float w_, h_;
    std::unordered_map<std::uint64_t, std::vector<NodePlace>> cells_;
};

// Ids that name exactly one node: only those are kept, so two nodes never share a place.
std::vector<bool> uniqueIds(const std::vector<std::string>& ids) {
    std::map<std::string, int> count;
    for (const auto& id : ids) ++count[id];
    std::vector<bool> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) out[i] = !ids[i].empty() && count[ids[i]] == 1;
    return out;
}

}  // namespace

NodePlaces tidyPlaces(const std::vector<std::string>& ids,
                      const std::vector<std::pair<int, int>>& edges, int root,
                      LayoutSpacing spacing) {
    const GraphLayout l = layoutLayered(int(ids.size()), edges, root, spacing);
    const std::vector<bool> keep = uniqueIds(ids);
    NodePlaces out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (keep[i]) out[ids[i]] = {l.x[i], l.y[i]};
    return out;
}

GraphLayout stableLayout(const std::vector<std::string>& ids,
                         const std::vector<std::pair<int, int>>& edges, int root,
                         NodePlaces& places, int near, LayoutSpacing spacing, BoxSize box) {
    const int n = int(ids.size());
    GraphLayout out;
    if (n <= 0) return out;
    const std::vector<bool> keep = uniqueIds(ids);
    std::vector<bool> placed(std::size_t(n), false);
    out.x.assign(std::size_t(n), 0);
    out.y.assign(std::size_t(n), 0);
    bool any = false;
    for (int v = 0; v < n; ++v) {
        if (!keep[std::size_t(v)]) continue;
        const auto it = places.find(ids[std::size_t(v)]);
        if (it == places.end()) continue;
        out.x[std::size_t(v)] = it->second.x;
        out.y[std::size_t(v)] = it->second.y;
        placed[std::size_t(v)] = any = true;
    }
    if (!any) {
        // Nothing to keep (a file opened for the first time): the layered picture.
        const GraphLayout l = layoutLayered(n, edges, root, spacing);
        out.x = l.x;
        out.y = l.y;
        std::fill(placed.begin(), placed.end(), true);
    }

    std::vector<std::vector<int>> pred(std::size_t(n), std::vector<int>{}),
        succ(std::size_t(n), std::vector<int>{});
    for (const auto& [a, b] : edges) {
        if (a < 0 || b < 0 || a >= n || b >= n || a == b) continue;
        succ[std::size_t(a)].push_back(b);
        pred[std::size_t(b)].push_back(a);
    }
    const float marginX = std::max(0.0f, spacing.layerGap - box.width) * 0.5f;
    const float marginY = std::max(0.0f, spacing.rowGap - box.height) * 0.5f;
    Occupancy occupied(box, marginX, marginY);
    float bottom = -spacing.rowGap, left = 0;
    bool first = true;
    for (int v = 0; v < n; ++v)
        if (placed[std::size_t(v)]) {
            occupied.add({out.x[std::size_t(v)], out.y[std::size_t(v)]});
            bottom = first ? out.y[std::size_t(v)] : std::max(bottom, out.y[std::size_t(v)]);
            left = first ? out.x[std::size_t(v)] : std::min(left, out.x[std::size_t(v)]);
            first = false;
        }
    auto put = [&](int v, NodePlace want) {
        // Down a row, up a row, two down, two up…: the nearest free spot in the column.
        NodePlace p = want;
        for (int k = 1; !occupied.free(p) && k < 4 * n + 8; ++k)
            p.y = want.y + float((k + 1) / 2) * spacing.rowGap * (k % 2 ? 1.0f : -1.0f);
        out.x[std::size_t(v)] = p.x;
        out.y[std::size_t(v)] = p.y;
        placed[std::size_t(v)] = true;
        occupied.add(p);
        bottom = std::max(bottom, p.y);
    };

    // From the start outwards: breadth first from the root, then the rest in index order, so a
    // parent is placed before its new children whichever index they have.
    std::vector<int> order;
    {
        std::vector<bool> seen(std::size_t(n), false);
        auto bfs = [&](int s) {
            std::size_t head = order.size();
            seen[std::size_t(s)] = true;
            order.push_back(s);
            while (head < order.size()) {
                const int u = order[head++];
                for (int w : succ[std::size_t(u)])
                    if (!seen[std::size_t(w)]) seen[std::size_t(w)] = true, order.push_back(w);
            }
        };
        if (root >= 0 && root < n) bfs(root);
        for (int v = 0; v < n; ++v)
            if (!seen[std::size_t(v)]) bfs(v);
    }
    for (bool progress = true; progress;) {
        progress = false;
        for (int v : order) {
            if (placed[std::size_t(v)]) continue;
            int from = -1;
            for (int u : pred[std::size_t(v)])
                if (placed[std::size_t(u)]) {
                    from = u;
                    break;
                }
            if (from >= 0) {
                put(v, {out.x[std::size_t(from)] + spacing.layerGap, out.y[std::size_t(from)]});
                progress = true;
                continue;
            }
            for (int w : succ[std::size_t(v)])
                if (placed[std::size_t(w)]) {
                    from = w;
                    break;
                }
            if (from >= 0) {
                put(v, {out.x[std::size_t(from)] - spacing.layerGap, out.y[std::size_t(from)]});
                progress = true;
            }
        }
        if (progress) continue;
        // No neighbour placed: beside the node it was added from, or under everything.
        for (int v : order) {
            if (placed[std::size_t(v)]) continue;
            if (near >= 0 && near < n && placed[std::size_t(near)])
                put(v, {out.x[std::size_t(near)] + spacing.layerGap, out.y[std::size_t(near)]});
            else
                put(v, {left, bottom + spacing.rowGap});
            progress = true;
            break;
        }
    }

    for (int v = 0; v < n; ++v)
        if (keep[std::size_t(v)])
            places[ids[std::size_t(v)]] = {out.x[std::size_t(v)], out.y[std::size_t(v)]};
    const auto [x0, x1] = std::minmax_element(out.x.begin(), out.x.end());
    const auto [y0, y1] = std::minmax_element(out.y.begin(), out.y.end());
    out.left = *x0;
    out.top = *y0;
    out.width = *x1 - *x0;
    out.height = *y1 - *y0;
    out.layer.assign(std::size_t(n), 0);
    out.order.assign(std::size_t(n), 0);
    return out;
}

void carryRenames(NodePlaces& places, const std::vector<std::string>& before,
                  const std::vector<std::string>& after) {
    if (before.size() != after.size()) return;
    const std::set<std::string> now(after.begin(), after.end());
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] == after[i] || after[i].empty() || now.count(before[i])) continue;
        const auto it = places.find(before[i]);
        if (it != places.end()) places[after[i]] = it->second;
    }
}

}  // namespace rapport
