#include "core/play/open_documents.hpp"

#include <algorithm>

#include "core/play/session.hpp"

namespace rapport {

std::vector<int> openDocuments(const Scenario& scenario, const Transcript& transcript,
                               int currentNode) {
    std::vector<int> open;
    std::vector<char> isOpen(scenario.documents.size(), 0);
    auto add = [&](const std::vector<int>& reveals) {
        for (int d : reveals)
            if (d >= 0 && std::size_t(d) < isOpen.size() && !isOpen[std::size_t(d)]) {
                isOpen[std::size_t(d)] = 1;
                open.push_back(d);
            }
    };
    for (std::size_t i = 0; i < scenario.documents.size(); ++i)
        if (!scenario.documents[i].hidden) add({int(i)});
    for (const auto& step : transcript.steps) {
        const auto n = scenario.findNode(step.node);
        if (!n) continue;
        const Node& node = scenario.nodes[std::size_t(*n)];
        add(node.reveals);
        if (const Choice* c = takenChoice(scenario, step)) add(c->reveals);
    }
    if (currentNode >= 0 && std::size_t(currentNode) < scenario.nodes.size())
        add(scenario.nodes[std::size_t(currentNode)].reveals);
    return open;
}

std::vector<int> openDocuments(const Session& session) {
    return openDocuments(session.scenario(), session.transcript(), session.currentNode());
}

}  // namespace rapport
