// The shape of a scenario as the author tools draw it: nodes, and the choices and timeouts
// between them. Read from the document's JSON as written rather than from a loaded Scenario, so
// a file that still has errors (a misspelt "next", a missing key) can be drawn and fixed.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"

namespace rapport {

struct ScenarioGraph {
    struct Node {
        std::string id;
        std::string text;
        std::string speaker;
        std::string outcome;  // the ending's outcome; empty for a turn
        bool ending = false;
        bool timed = false;        // has a timeLimit
        bool objection = false;    // tagged objection:*
        bool unreachable = false;  // no way from start (see markUnreachable)
        int choices = 0;
    };
    struct Edge {
        int from = -1;
        int to = -1;
        int choice = -1;  // index among the node's choices; -1 for the timeout branch
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;  // only edges whose target names an existing node
    int start = -1;
};

// Builds the graph from a parsed scenario document; tolerant of any shape.
ScenarioGraph scenarioGraphFromJson(const nlohmann::json& root);

// Flags unreachable nodes: those the validator reported (RAP0040, RAP0042; exact, following
// conditions) and those no path reaches even ignoring conditions (works on files with errors).
void markUnreachable(ScenarioGraph& graph, const DiagnosticList& diagnostics);

// The node a JSON pointer is inside ("/nodes/3/choices/1/next" -> 3), if any.
std::optional<int> nodeOfPointer(std::string_view pointer);
// The choice a JSON pointer is inside ("/nodes/3/choices/1/next" -> 1), if any.
std::optional<int> choiceOfPointer(std::string_view pointer);

}  // namespace rapport
