// Written replies ("compose"): a node where the trainee assembles a message from paragraph
// options. Expanded here into one decision node per part, so that play, scoring, analysis,
// shuffling and the test-wise players see ordinary replies and need no change: the first part
// keeps the node's id, part k (k >= 2) is the node "ID#k", an id authors cannot write.
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/scenario/scenario_loader_detail.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::scenario_loading {

namespace {

std::string partId(const std::string& id, std::size_t part) {
    return id + "#" + std::to_string(part + 1);
}

}  // namespace

// First pass, with the node ids: the parts after the first become nodes of their own at the end
// of Scenario::nodes, so the authored nodes keep their file positions (and "/nodes/N" pointers).
void Loader::collectComposeParts(const JsonValue& nodes, Scenario& s) {
    const std::size_t authored = nodes.size();
    for (std::size_t i = 0; i < authored; ++i) {
        const auto& n = nodes[i];
        if (!n.isObject()) continue;
        const JsonValue* compose = n.find("compose");
        const JsonValue* parts = compose && compose->isObject() ? compose->find("parts") : nullptr;
        if (!parts || !parts->isArray() || s.nodes[i].id.empty() || !isValidNodeId(s.nodes[i].id))
            continue;
        std::vector<int> extra;
        for (std::size_t k = 1; k < parts->size(); ++k) {
            Node part;
            part.id = partId(s.nodes[i].id, k);
            part.pointer = childPointer(s.nodes[i].pointer + "/compose/parts", k);
            extra.push_back(int(s.nodes.size()));
            s.nodeIndex.emplace(part.id, int(s.nodes.size()));
            s.nodes.push_back(std::move(part));
        }
        composeParts_[int(i)] = std::move(extra);
    }
}

void Loader::readCompose(const JsonValue& n, Scenario& s, int index) {
    const std::string p = s.nodes[std::size_t(index)].pointer + "/compose";
    const auto* c = r_.object(n, s.nodes[std::size_t(index)].pointer, "compose", true);
    if (!c) return;
    r_.checkKeys(*c, p, {"to", "subject", "parts", "next"});
    Letter letter;
    letter.node = s.nodes[std::size_t(index)].id;
    if (auto v = r_.string(*c, p, "to", true)) letter.to = *v;
    if (auto v = r_.string(*c, p, "subject", true)) letter.subject = *v;
    int next = -1;
    if (auto v = r_.string(*c, p, "next", true)) {
        if (auto idx = resolveNode(p + "/next", *v, s)) next = *idx;
    }
    const auto* parts = r_.array(*c, p, "parts", true);
    if (!parts) return;
    if (parts->empty()) {
        r_.error(codes::ComposeShape, p + "/parts",
                 tr("\"parts\" is empty: a written reply needs at least one part to choose"));
        return;
    }
    const auto it = composeParts_.find(index);
    if (it == composeParts_.end() || it->second.size() + 1 != parts->size()) return;
    letter.parts.push_back(index);
    for (int extra : it->second) letter.parts.push_back(extra);
    const int letterIndex = int(s.letters.size());
    // Every part is said by the compose node's speaker with its text and time limit.
    const Node& first = s.nodes[std::size_t(index)];
    for (std::size_t k = 0; k < parts->size(); ++k) {
        const int partIndex = letter.parts[k];
        if (k > 0) {
            Node& part = s.nodes[std::size_t(partIndex)];
            part.speaker = first.speaker;
            part.cast = first.cast;
            part.text = first.text;
            part.variants = first.variants;
            part.tags = first.tags;
            part.timeLimit = first.timeLimit;
            part.onTimeout = first.onTimeout;
            part.shuffle = first.shuffle;
        }
        s.nodes[std::size_t(partIndex)].compose = ComposePart{letterIndex, int(k)};
        const auto& part = (*parts)[k];
        const std::string pp = childPointer(p + "/parts", k);
        if (!part.isObject()) {
            r_.error(codes::NotAnObject, pp,
                     uiFormat(tr("a part must be {\"label\": …, \"choices\": […]}, not {kind}"),
                              {{"kind", tr(jsonKindName(part))}}));
            letter.labels.emplace_back();
            continue;
        }
        r_.checkKeys(part, pp, {"label", "choices"});
        auto label = r_.string(part, pp, "label", true);
        letter.labels.push_back(label ? *label : std::string());
        const int after = k + 1 < parts->size() ? letter.parts[k + 1] : next;
        // Without a resolved "next" (already reported) the last part has nowhere to go.
        if (after >= 0) readChoices(part, pp, s, s.nodes[std::size_t(partIndex)], after);
    }
    s.letters.push_back(std::move(letter));
}

}  // namespace rapport::scenario_loading
