#include "core/authoring/graph_layout.hpp"

#include <algorithm>

namespace rapport {

GraphLayout layoutLayered(int n, const std::vector<std::pair<int, int>>& edges, int root,
                          LayoutSpacing spacing) {
    GraphLayout out;
    if (n <= 0) return out;
    std::vector<std::vector<int>> succ(std::size_t(n), std::vector<int>{});
    for (const auto& [a, b] : edges) {
        if (a < 0 || b < 0 || a >= n || b >= n || a == b) continue;
        auto& s = succ[std::size_t(a)];
        if (std::find(s.begin(), s.end(), b) == s.end()) s.push_back(b);
    }

    // Depth-first from the root, then from every node not yet seen: an edge into a node still on
    // the stack closes a cycle and is left out of the layering.
    enum : char { White, Grey, Black };
    std::vector<char> colour(std::size_t(n), White);
    std::vector<int> preorder, postorder;
    std::vector<std::vector<int>> dag(std::size_t(n), std::vector<int>{});
    preorder.reserve(std::size_t(n));
    postorder.reserve(std::size_t(n));
    struct Frame {
        int node;
        std::size_t next;
    };
    std::vector<Frame> stack;
    auto visit = [&](int start) {
        colour[std::size_t(start)] = Grey;
        preorder.push_back(start);
        stack.push_back({start, 0});
        while (!stack.empty()) {
            Frame& f = stack.back();
            const auto& s = succ[std::size_t(f.node)];
            if (f.next < s.size()) {
                const int to = s[f.next++];
                if (colour[std::size_t(to)] == Grey) continue;  // back edge
                dag[std::size_t(f.node)].push_back(to);
                if (colour[std::size_t(to)] == White) {
                    colour[std::size_t(to)] = Grey;
                    preorder.push_back(to);
                    stack.push_back({to, 0});
                }
            } else {
                colour[std::size_t(f.node)] = Black;
                postorder.push_back(f.node);
                stack.pop_back();
            }
        }
    };
    if (root >= 0 && root < n) visit(root);
    for (int v = 0; v < n; ++v)
        if (colour[std::size_t(v)] == White) visit(v);

    // Longest path from a root, in topological (reverse post-) order.
    out.layer.assign(std::size_t(n), 0);
    for (auto it = postorder.rbegin(); it != postorder.rend(); ++it)
        for (int to : dag[std::size_t(*it)])
            out.layer[std::size_t(to)] =
                std::max(out.layer[std::size_t(to)], out.layer[std::size_t(*it)] + 1);
    out.layers = 1 + *std::max_element(out.layer.begin(), out.layer.end());

    std::vector<std::vector<int>> pred(std::size_t(n), std::vector<int>{});
    for (int v = 0; v < n; ++v)
        for (int to : dag[std::size_t(v)]) pred[std::size_t(to)].push_back(v);

    std::vector<std::vector<int>> rows(std::size_t(out.layers), std::vector<int>{});
    for (int v : preorder) rows[std::size_t(out.layer[std::size_t(v)])].push_back(v);
    out.order.assign(std::size_t(n), 0);
    auto number = [&](const std::vector<int>& row) {
        for (std::size_t i = 0; i < row.size(); ++i) out.order[std::size_t(row[i])] = int(i);
    };
    for (const auto& row : rows) number(row);

    // Barycentre sweeps, down then up; a node with no neighbours on the other side keeps its place.
    auto sweep = [&](std::vector<int>& row, const std::vector<std::vector<int>>& neighbours) {
        std::vector<std::pair<double, int>> keyed;
        keyed.reserve(row.size());
        for (std::size_t i = 0; i < row.size(); ++i) {
            const auto& nb = neighbours[std::size_t(row[i])];
            double key = double(i);
            if (!nb.empty()) {
                double sum = 0;
                for (int u : nb) sum += out.order[std::size_t(u)];
                key = sum / double(nb.size());
            }
            keyed.emplace_back(key, row[i]);
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < row.size(); ++i) row[i] = keyed[i].second;
        number(row);
    };
    for (int iteration = 0; iteration < 6; ++iteration) {
        for (std::size_t l = 1; l < rows.size(); ++l) sweep(rows[l], pred);
        for (std::size_t l = rows.size() - 1; l-- > 0;) sweep(rows[l], dag);
    }
    for (std::size_t l = 1; l < rows.size(); ++l) sweep(rows[l], pred);

    for (const auto& row : rows) out.rows = std::max(out.rows, int(row.size()));
    out.x.assign(std::size_t(n), 0);
    out.y.assign(std::size_t(n), 0);
    for (const auto& row : rows) {
        const float offset = float(out.rows - int(row.size())) * spacing.rowGap * 0.5f;
        for (int v : row) {
            out.x[std::size_t(v)] = float(out.layer[std::size_t(v)]) * spacing.layerGap;
            out.y[std::size_t(v)] = offset + float(out.order[std::size_t(v)]) * spacing.rowGap;
        }
    }
    out.width = float(out.layers - 1) * spacing.layerGap;
    out.height = float(out.rows - 1) * spacing.rowGap;
    return out;
}

}  // namespace rapport
