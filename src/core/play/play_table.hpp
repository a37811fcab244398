// What play reads of a scenario, packed: per node, per choice, per variant and per assignment a
// small fixed-size row in one contiguous array each, and every condition and `set` program of
// the scenario in one op buffer. Built once per Scenario (playTableOf) and shared by all its
// sessions. On a large scenario play is bound by memory latency: the Node and Choice objects
// (strings, vectors, an Expression each) lie scattered across the heap, and following them cost
// a cache miss per hop, so random play at 10,000 nodes ran at a fifth of its speed at 100.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/scenario/expression.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct PlayTable {
    // A program in `ops`: ops[begin, begin + count).
    struct Program {
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };
    struct NodeRow {
        std::uint64_t idHash = 0;  // replyOrderHash(node id), for the reply order
        std::uint32_t choiceBegin = 0;
        std::uint32_t choiceCount = 0;
        std::uint32_t variantBegin = 0;
        std::uint32_t variantCount = 0;
        bool ending = false;
        bool shuffle = true;
    };
    struct ChoiceRow {
        std::int32_t next = -1;
        bool once = false;
        bool hasCondition = false;
        Program condition;
        std::uint32_t setBegin = 0;  // into assignments
        std::uint32_t setCount = 0;
    };
    struct AssignmentRow {
        std::int32_t variable = -1;
        Program value;
    };

    std::vector<NodeRow> nodes;
    std::vector<ChoiceRow> choices;  // node by node, in file order
    std::vector<Program> variants;   // conditions, node by node, in file order
    std::vector<AssignmentRow> assignments;
    std::vector<Expression::Op> ops;

    // What the table was built from, so a scenario copied or changed since is rebuilt.
    const Node* builtFrom = nullptr;
    std::size_t builtNodeCount = 0;

    std::span<const Expression::Op> program(Program p) const {
        return {ops.data() + p.begin, p.count};
    }
};

PlayTable buildPlayTable(const Scenario& scenario);

// The scenario's table, built on first use and kept beside the scenario (Scenario::playTable);
// thread-safe. Rebuilt when the scenario's nodes were replaced since (a copy, an edit that
// reallocated them); a scenario must not be edited in place while sessions play it.
std::shared_ptr<const PlayTable> playTableOf(const Scenario& scenario);

}  // namespace rapport
