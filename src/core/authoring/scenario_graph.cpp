#include "core/authoring/scenario_graph.hpp"

#include <charconv>
#include <unordered_map>

#include "core/diagnostics/diagnostic_codes.hpp"

namespace rapport {

namespace {

std::string stringAt(const nlohmann::json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int> indexAfter(std::string_view pointer, std::string_view prefix) {
    if (!pointer.starts_with(prefix)) return std::nullopt;
    pointer.remove_prefix(prefix.size());
    int value = -1;
    const auto [p, ec] = std::from_chars(pointer.data(), pointer.data() + pointer.size(), value);
    if (ec != std::errc() || p == pointer.data() ||
        (p != pointer.data() + pointer.size() && *p != '/'))
        return std::nullopt;
    return value;
}

}  // namespace

ScenarioGraph scenarioGraphFromJson(const nlohmann::json& root) {
    ScenarioGraph g;
    if (!root.is_object()) return g;
    const auto nodes = root.find("nodes");
    if (nodes == root.end() || !nodes->is_array()) return g;
    std::unordered_map<std::string, int> index;
    for (const auto& n : *nodes) {
        ScenarioGraph::Node node;
        if (n.is_object()) {
            node.id = stringAt(n, "id");
            node.text = stringAt(n, "text");
            node.speaker = stringAt(n, "speaker");
            if (const auto e = n.find("ending"); e != n.end()) {
                node.ending = true;
                if (e->is_object()) node.outcome = stringAt(*e, "outcome");
            }
            node.timed = n.contains("timeLimit");
            if (const auto t = n.find("tags"); t != n.end() && t->is_array())
                for (const auto& tag : *t)
                    if (tag.is_string() && tag.get<std::string>().starts_with("objection"))
                        node.objection = true;
            if (const auto c = n.find("choices"); c != n.end() && c->is_array())
                node.choices = int(c->size());
            // A written reply counts its parts as its decisions.
            if (const auto c = n.find("compose"); c != n.end() && c->is_object())
                if (const auto parts = c->find("parts"); parts != c->end() && parts->is_array())
                    node.choices = int(parts->size());
        }
        index.try_emplace(node.id, int(g.nodes.size()));
        g.nodes.push_back(std::move(node));
    }
    auto target = [&](const std::string& id) {
        const auto it = index.find(id);
        return it == index.end() ? -1 : it->second;
    };
    for (std::size_t i = 0; i < nodes->size(); ++i) {
        const auto& n = (*nodes)[i];
        if (!n.is_object()) continue;
        if (const auto c = n.find("choices"); c != n.end() && c->is_array())
            for (std::size_t k = 0; k < c->size(); ++k)
                if ((*c)[k].is_object())
                    if (const int to = target(stringAt((*c)[k], "next")); to >= 0)
                        g.edges.push_back({int(i), to, int(k)});
        // A written reply goes on to "compose.next" whatever paragraphs were chosen.
        if (const auto c = n.find("compose"); c != n.end() && c->is_object())
            if (const int to = target(stringAt(*c, "next")); to >= 0)
                g.edges.push_back({int(i), to, 0});
        if (const int to = target(stringAt(n, "onTimeout")); n.contains("onTimeout") && to >= 0)
            g.edges.push_back({int(i), to, -1});
    }
    g.start = target(stringAt(root, "start"));
    return g;
}

void markUnreachable(ScenarioGraph& g, const DiagnosticList& diagnostics) {
    // Reachability ignoring conditions finds a subset of what the validator (which follows
    // conditions exactly) reports, and still works when shape errors kept the validator from
    // running; so the flags are the union of both.
    std::vector<bool> seen(g.nodes.size(), false);
    std::vector<int> todo;
    if (g.start >= 0) {
        seen[std::size_t(g.start)] = true;
        todo.push_back(g.start);
    }
    std::vector<std::vector<int>> out(g.nodes.size(), std::vector<int>{});
    for (const auto& e : g.edges) out[std::size_t(e.from)].push_back(e.to);
    while (!todo.empty()) {
        const int v = todo.back();
        todo.pop_back();
        for (int to : out[std::size_t(v)])
            if (!seen[std::size_t(to)]) {
                seen[std::size_t(to)] = true;
                todo.push_back(to);
            }
    }
    for (std::size_t i = 0; i < g.nodes.size(); ++i) g.nodes[i].unreachable = !seen[i];
    for (const auto& d : diagnostics.items())
        if (d.code == codes::Unreachable || d.code == codes::EndingUnreachable)
            if (const auto n = nodeOfPointer(d.pointer); n && *n < int(g.nodes.size()))
                g.nodes[std::size_t(*n)].unreachable = true;
}

std::optional<int> nodeOfPointer(std::string_view pointer) {
    return indexAfter(pointer, "/nodes/");
}

std::optional<int> choiceOfPointer(std::string_view pointer) {
    const auto node = nodeOfPointer(pointer);
    if (!node) return std::nullopt;
    const std::string prefix = "/nodes/" + std::to_string(*node) + "/choices/";
    return indexAfter(pointer, prefix);
}

}  // namespace rapport
