#include "core/scenario/expression.hpp"

#include <algorithm>
#include <climits>

#include "core/scenario/expression_arithmetic.hpp"

namespace rapport {

using namespace expression_detail;

const char* valueTypeName(ValueType t) { return t == ValueType::Integer ? "integer" : "boolean"; }

std::optional<std::int64_t> Expression::constantValue() const {
    const auto code = program();
    if (code.size() == 1 && code[0].kind == Op::PushConst) return code[0].arg;
    return std::nullopt;
}

namespace {
std::vector<int> argsOf(std::span<const Expression::Op> program, Expression::Op::Kind kind) {
    std::vector<int> out;
    for (const auto& op : program)
        if (op.kind == kind) out.push_back(static_cast<int>(op.arg));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}
}  // namespace

std::vector<int> Expression::variablesRead() const { return argsOf(program(), Op::PushVar); }
std::vector<int> Expression::nodesTested() const { return argsOf(program(), Op::Visited); }

// The hot path of play: a switch loop over postfix ops with the top of the stack kept in a
// local, on a fixed array sized by the compiler's bound, so nothing is allocated unless an
// error string is returned.
EvalResult Expression::run(const std::span<const Op> code, const EvalEnv& env) {
    const Op* pc = code.data();
    const Op* const end = pc + code.size();
    std::int64_t stack[kStackCapacity + 1];
    std::int64_t* sp = stack;
    std::int64_t top = 0;  // a default-constructed Expression (empty program) yields 0 / false
    std::int64_t a = 0;
    Fault fault = Fault::None;
    const std::size_t nvars = env.variables.size();
    while (pc != end) {
        const Op op = *pc++;
        switch (op.kind) {
            case Op::PushConst:
                *sp++ = top;
                top = op.arg;
                break;
            case Op::PushVar:
                if (static_cast<std::uint64_t>(op.arg) >= nvars)
                    throw std::logic_error("Expression::evaluate: variable index out of range");
                *sp++ = top;
                top = env.variables[static_cast<std::size_t>(op.arg)];
                break;
            case Op::Visited:
                if (!env.visited || op.arg < 0)
                    throw std::logic_error("Expression::evaluate: node index out of range");
                *sp++ = top;
                top = static_cast<std::uint64_t>(op.arg) < env.visited->size() &&
                              (*env.visited)[static_cast<std::size_t>(op.arg)]
                          ? 1
                          : 0;
                break;
            case Op::Neg:
                if (top == INT64_MIN) return EvalResult{false, 0, faultText(Fault::Overflow)};
                top = -top;
                break;
            case Op::Not:
                top = !top;
                break;
            case Op::Add:
                a = *--sp;
                if (__builtin_add_overflow(a, top, &top))
                    return EvalResult{false, 0, faultText(Fault::Overflow)};
                break;
            case Op::Sub:
                a = *--sp;
                if (__builtin_sub_overflow(a, top, &top))
                    return EvalResult{false, 0, faultText(Fault::Overflow)};
                break;
            case Op::Mul:
                a = *--sp;
                if (__builtin_mul_overflow(a, top, &top))
                    return EvalResult{false, 0, faultText(Fault::Overflow)};
                break;
            case Op::Div:
            case Op::Mod:
                a = *--sp;
                fault = applyBinary(op.kind, a, top, top);
                if (fault != Fault::None) return EvalResult{false, 0, faultText(fault)};
                break;
            case Op::Lt:
                top = *--sp < top;
                break;
            case Op::Le:
                top = *--sp <= top;
                break;
            case Op::Gt:
                top = *--sp > top;
                break;
            case Op::Ge:
                top = *--sp >= top;
                break;
            case Op::Eq:
                top = *--sp == top;
                break;
            case Op::Ne:
                top = *--sp != top;
                break;
            case Op::JumpIfFalseKeep:
                if (!top) pc += op.arg - 1;
                break;
            case Op::JumpIfTrueKeep:
                if (top) pc += op.arg - 1;
                break;
            case Op::Pop:
                top = *--sp;
                break;
        }
    }
    return EvalResult{true, top, {}};
}

}  // namespace rapport
