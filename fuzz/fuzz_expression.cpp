// libFuzzer entry point for the expression compiler and evaluator: arbitrary bytes must give
// either a compiled expression or located errors, and evaluation must give a value or a defined
// runtime error — never a crash, hang, sanitizer report or unbounded recursion.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/expression.hpp"

namespace {

// Variables a (integer), b (integer), flag (boolean), n (integer); nodes intro, pricing, close.
class FuzzSymbols : public rapport::ExpressionSymbols {
public:
    std::optional<VariableRef> findVariable(std::string_view name) const override {
        if (name == "a") return VariableRef{0, rapport::ValueType::Integer};
        if (name == "b") return VariableRef{1, rapport::ValueType::Integer};
        if (name == "flag") return VariableRef{2, rapport::ValueType::Boolean};
        if (name == "n") return VariableRef{3, rapport::ValueType::Integer};
        return std::nullopt;
    }
    std::optional<int> findNode(std::string_view id) const override {
        if (id == "intro") return 0;
        if (id == "pricing") return 1;
        if (id == "close") return 2;
        return std::nullopt;
    }
    std::vector<std::string> variableNames() const override { return {"a", "b", "flag", "n"}; }
    std::vector<std::string> nodeIds() const override { return {"intro", "pricing", "close"}; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const FuzzSymbols symbols;
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    const rapport::CompileResult r = rapport::compileExpression(source, symbols, std::nullopt);
    if (r.expression.has_value() != r.errors.empty()) std::abort();
    for (const auto& e : r.errors)
        if (e.offset > source.size() || e.message.empty() || e.code.size() != 7) std::abort();
    if (!r.expression) return 0;

    const rapport::Expression& e = *r.expression;
    static const std::int64_t values[][4] = {{0, 0, 0, 0},
                                             {1, -1, 1, 7},
                                             {INT64_MAX, INT64_MIN, 0, -1},
                                             {-7, 2, 1, INT64_MIN},
                                             {3, 0, 1, 1}};
    const std::vector<bool> visited{true, false, true};
    for (const auto& v : values) {
        const rapport::EvalResult res =
            e.evaluate(rapport::EvalEnv{std::span<const std::int64_t>(v, 4), &visited});
        if (res.ok && e.type() == rapport::ValueType::Boolean && res.value != 0 && res.value != 1)
            std::abort();
        if (!res.ok && res.error != "division by zero" && res.error != "integer overflow")
            std::abort();
        if (e.constantValue() && (!res.ok || res.value != *e.constantValue())) std::abort();
    }
    return 0;
}
