// The scenario expression language used in `if` conditions and `set` values.
// Small, pure and bounded: integer and boolean literals, variables, + - * / %, comparisons,
// && || !, parentheses and visited("node"). Compiled once at load time to a flat program, so
// evaluation needs no recursion and no allocation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class ValueType { Integer, Boolean };

const char* valueTypeName(ValueType t);  // "integer" / "boolean"

// What an expression may refer to. Variables and nodes are resolved to indices at compile time.
class ExpressionSymbols {
public:
    virtual ~ExpressionSymbols() = default;
    struct VariableRef {
        int index;
        ValueType type;
    };
    virtual std::optional<VariableRef> findVariable(std::string_view name) const = 0;
    virtual std::optional<int> findNode(std::string_view id) const = 0;
    // All names, for "did you mean" hints.
    virtual std::vector<std::string> variableNames() const = 0;
    virtual std::vector<std::string> nodeIds() const = 0;
};

// A compile problem located by byte offset inside the expression text.
struct ExpressionError {
    std::string code;  // RAP0030.. (see diagnostic_codes.hpp)
    std::size_t offset = 0;
    std::string message;
};

// Values at run time: booleans are stored as 0/1 in the same slots as integers.
struct EvalEnv {
    std::span<const std::int64_t> variables;
    // visited[n] is true once node n has been entered in this session. It may be shorter than
    // the scenario's node count (a session grows it as it goes): nodes past its end are not
    // visited.
    const std::vector<bool>* visited = nullptr;
};

struct EvalResult {
    bool ok = true;
    std::int64_t value = 0;
    std::string error;  // "division by zero", "integer overflow" when !ok
};

class Expression {
public:
    struct Op {
        enum Kind : std::uint8_t {
            PushConst,
            PushVar,
            Visited,
            Neg,
            Not,
            Add,
            Sub,
            Mul,
            Div,
            Mod,
            Lt,
            Le,
            Gt,
            Ge,
            Eq,
            Ne,
            JumpIfFalseKeep,
            JumpIfTrueKeep,
            Pop  // short-circuit && and ||
        } kind;
        // PushConst: the value; PushVar / Visited: the variable / node index; jumps: how many ops
        // forward the target is, counted from the jump itself (relative, so code can be moved).
        std::int64_t arg = 0;
    };

    Expression() = default;
    ValueType type() const { return type_; }
    const std::string& source() const { return source_; }
    // True when the expression is a literal (e.g. `true`), so analysis can decide it exactly.
    std::optional<std::int64_t> constantValue() const;
    // Variable indices read and node indices tested by visited(), for analysis.
    std::vector<int> variablesRead() const;
    std::vector<int> nodesTested() const;

    EvalResult evaluate(const EvalEnv& env) const { return run(program(), env); }
    // Evaluates a compiled program held elsewhere (the play table keeps every program of a
    // scenario in one buffer): exactly what evaluate() does with this expression's program.
    static EvalResult run(std::span<const Op> program, const EvalEnv& env);

    std::span<const Op> program() const {
        return inlineCount_ ? std::span<const Op>(inline_.data(), inlineCount_)
                            : std::span<const Op>(program_);
    }

private:
    friend struct ExpressionCompiler;
    // Most conditions and assignments are a handful of ops (`trust > 70`, `trust + 5`). Keeping
    // those inside the Expression saves play a dependent cache miss per evaluation: on large
    // scenarios play is bound by memory latency, not by arithmetic.
    static constexpr std::size_t kInlineOps = 6;
    std::array<Op, kInlineOps> inline_{};
    std::uint8_t inlineCount_ = 0;  // > 0: the program lives in inline_; else in program_
    std::vector<Op> program_;
    ValueType type_ = ValueType::Boolean;
    std::string source_;
};

// Limits that keep hostile input bounded. Exceeding them is a compile error, never a crash.
inline constexpr std::size_t kMaxExpressionLength = 4096;
inline constexpr int kMaxExpressionDepth = 64;

struct CompileResult {
    std::optional<Expression> expression;  // set when errors is empty
    std::vector<ExpressionError> errors;
};

// Compiles `source`, checking names and types. `expected`, when given, is the type the context
// needs (boolean for `if`, the variable's type for `set`); a mismatch is an error.
CompileResult compileExpression(std::string_view source, const ExpressionSymbols& symbols,
                                std::optional<ValueType> expected);

// Where `source` names a node in a visited("id") call: the byte span of the id between its
// quotes, found with the compiler's own lexer, so the author tools can rename a node everywhere
// it is named. Stops quietly at the first lexical error (such text does not compile anyway).
struct NodeMention {
    std::size_t offset = 0;
    std::size_t length = 0;
};
std::vector<NodeMention> visitedNodeMentions(std::string_view source);

// An expression for a literal JSON value (`"if": true`, `"set": {"x": 3}`).
Expression constantExpression(std::int64_t value, ValueType type);

}  // namespace rapport
