#include "core/play/play_table.hpp"

#include <stdexcept>

#include "core/play/reply_order.hpp"

namespace rapport {

namespace {

PlayTable::Program addProgram(PlayTable& t, const Expression& e) {
    const auto code = e.program();
    PlayTable::Program p{std::uint32_t(t.ops.size()), std::uint32_t(code.size())};
    t.ops.insert(t.ops.end(), code.begin(), code.end());
    return p;
}

}  // namespace

PlayTable buildPlayTable(const Scenario& s) {
    PlayTable t;
    t.builtFrom = s.nodes.data();
    t.builtNodeCount = s.nodes.size();
    t.nodes.reserve(s.nodes.size());
    for (const Node& n : s.nodes) {
        PlayTable::NodeRow row;
        row.idHash = replyOrderHash(n.id);
        row.choiceBegin = std::uint32_t(t.choices.size());
        row.choiceCount = std::uint32_t(n.choices.size());
        row.variantBegin = std::uint32_t(t.variants.size());
        row.variantCount = std::uint32_t(n.variants.size());
        row.ending = n.isEnding();
        row.shuffle = n.shuffle;
        for (const TextVariant& v : n.variants) t.variants.push_back(addProgram(t, v.condition));
        for (const Choice& c : n.choices) {
            PlayTable::ChoiceRow cr;
            cr.next = c.next;
            cr.once = c.once;
            if (c.condition) {
                cr.hasCondition = true;
                cr.condition = addProgram(t, *c.condition);
            }
            cr.setBegin = std::uint32_t(t.assignments.size());
            cr.setCount = std::uint32_t(c.set.size());
            for (const Assignment& a : c.set)
                t.assignments.push_back({a.variable, addProgram(t, a.value)});
            t.choices.push_back(cr);
        }
        t.nodes.push_back(row);
    }
    return t;
}

std::shared_ptr<const PlayTable> playTableOf(const Scenario& s) {
    return s.playTable.get(
        [&](const PlayTable& t) {
            return t.builtFrom == s.nodes.data() && t.builtNodeCount == s.nodes.size();
        },
        [&] { return std::make_shared<const PlayTable>(buildPlayTable(s)); });
}

}  // namespace rapport
