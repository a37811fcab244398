#include "core/scoring/optimum_bound.hpp"

#include <algorithm>
#include <limits>

#include "core/scoring/evidence_table.hpp"
#include "core/state/strong_components.hpp"

namespace rapport {

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();

struct NodeEdge {
    int target;
    std::int64_t gain;
};

struct NodeRows {
    const std::vector<std::vector<NodeEdge>>* rows;
    std::size_t size() const { return rows->size(); }
    const std::vector<NodeEdge>& operator[](std::size_t v) const { return (*rows)[v]; }
};

// Highest total of sign × gain from each node to an ending; a loop's edges count once each,
// and only those that help (the bound is over any order of taking them).
std::int64_t extreme(const Scenario& s, const std::vector<std::vector<NodeEdge>>& rows,
                     const StrongComponents& sc, int sign) {
    std::vector<std::int64_t> value(rows.size(), kNone);
    for (std::size_t cid = 0; cid < sc.members.size(); ++cid) {
        std::int64_t loop = 0, exit = kNone;
        bool ending = false;
        for (int v : sc.members[cid]) {
            if (s.nodes[std::size_t(v)].isEnding()) ending = true;
            for (const NodeEdge& e : rows[std::size_t(v)]) {
                const std::int64_t g = sign * e.gain;
                if (sc.component[std::size_t(e.target)] == int(cid)) {
                    loop += std::max<std::int64_t>(g, 0);
                } else if (value[std::size_t(e.target)] != kNone) {
                    exit = std::max(exit, g + value[std::size_t(e.target)]);
                }
            }
        }
        if (ending) exit = std::max<std::int64_t>(exit, 0);
        const std::int64_t total = exit == kNone ? kNone : loop + exit;
        for (int v : sc.members[cid]) value[std::size_t(v)] = total;
    }
    return value[std::size_t(s.start)];
}

}  // namespace

std::optional<ScenarioOptimum> boundOptimum(const Scenario& scenario, const Framework& framework) {
    const EvidenceTable table = buildEvidenceTable(scenario, framework);
    std::vector<std::vector<NodeEdge>> rows(scenario.nodes.size());
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        const Node& node = scenario.nodes[n];
        if (node.isEnding()) continue;
        for (std::size_t c = 0; c < node.choices.size(); ++c)
            if (node.choices[c].next >= 0)
                rows[n].push_back({node.choices[c].next, table.gain[n][c]});
        if (node.isTimed() && node.onTimeout >= 0)
            rows[n].push_back({node.onTimeout, table.timeoutGain});
    }
    const StrongComponents sc = strongComponents(NodeRows{&rows});
    const std::int64_t best = extreme(scenario, rows, sc, 1);
    if (best == kNone) return std::nullopt;
    ScenarioOptimum o;
    o.best = best;
    o.worst = -extreme(scenario, rows, sc, -1);
    o.exact = false;
    return o;
}

}  // namespace rapport
