// Strongly connected components of a directed graph, for the searches over a scenario's state
// space (best path, analysis extremes): a loop of states is one component, so the searches can
// tell loops that earn points from loops that cost nothing, and solve components sinks first.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace rapport {

struct StrongComponents {
    std::vector<int> component;             // per vertex, the index of its component
    std::vector<std::vector<int>> members;  // per component, its vertices; sinks come first
};

// Tarjan's algorithm without recursion: state graphs reach hundreds of thousands of vertices.
// `edges[v]` lists v's out-edges, each with an int `target`.
template <class EdgeLists>
StrongComponents strongComponents(const EdgeLists& edges) {
    const std::size_t n = edges.size();
    StrongComponents out;
    out.component.assign(n, -1);
    std::vector<int> idx(n, -1), low(n, 0);
    std::vector<bool> on(n, false);
    std::vector<int> stack;
    std::vector<std::pair<int, std::size_t>> frames;  // vertex, next edge to follow
    int counter = 0;
    for (std::size_t root = 0; root < n; ++root) {
        if (idx[root] != -1) continue;
        idx[root] = low[root] = counter++;
        stack.push_back(int(root));
        on[root] = true;
        frames.push_back({int(root), 0});
        while (!frames.empty()) {
            const int v = frames.back().first;
            if (frames.back().second < edges[std::size_t(v)].size()) {
                const int w = edges[std::size_t(v)][frames.back().second++].target;
                if (idx[std::size_t(w)] == -1) {
                    idx[std::size_t(w)] = low[std::size_t(w)] = counter++;
                    stack.push_back(w);
                    on[std::size_t(w)] = true;
                    frames.push_back({w, 0});
                } else if (on[std::size_t(w)]) {
                    low[std::size_t(v)] = std::min(low[std::size_t(v)], idx[std::size_t(w)]);
                }
                continue;
            }
            if (low[std::size_t(v)] == idx[std::size_t(v)]) {
                const int id = int(out.members.size());
                out.members.emplace_back();
                for (;;) {
                    const int w = stack.back();
                    stack.pop_back();
                    on[std::size_t(w)] = false;
                    out.component[std::size_t(w)] = id;
                    out.members.back().push_back(w);
                    if (w == v) break;
                }
            }
            frames.pop_back();
            if (!frames.empty()) {
                const int u = frames.back().first;
                low[std::size_t(u)] = std::min(low[std::size_t(u)], low[std::size_t(v)]);
            }
        }
    }
    return out;
}

}  // namespace rapport
