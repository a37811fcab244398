// The integer arithmetic of expressions, shared by evaluation and constant folding so both
// agree to the bit; and the bound on the evaluation stack the compiler enforces. Internal to
// core/scenario/expression*.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "core/scenario/expression.hpp"

namespace rapport::expression_detail {

// The value stack of `evaluate` is a fixed array. Within one nesting level the operands held
// while a right side is evaluated are at most one per binary precedence level that keeps its
// left value (== <  + *); && and || pop theirs first. So the need is about 4 per level; the
// compiler measures the real need and rejects anything over this, as too complex.
constexpr std::size_t kStackCapacity = 4 * (kMaxExpressionDepth + 2) + 8;

// Arithmetic shared by evaluation and constant folding, so both agree to the bit.
enum class Fault { None, DivisionByZero, Overflow };

inline Fault applyBinary(Expression::Op::Kind kind, std::int64_t a, std::int64_t b,
                         std::int64_t& out) {
    using K = Expression::Op::Kind;
    switch (kind) {
        case K::Add:
            return __builtin_add_overflow(a, b, &out) ? Fault::Overflow : Fault::None;
        case K::Sub:
            return __builtin_sub_overflow(a, b, &out) ? Fault::Overflow : Fault::None;
        case K::Mul:
            return __builtin_mul_overflow(a, b, &out) ? Fault::Overflow : Fault::None;
        case K::Div:
            if (b == 0) return Fault::DivisionByZero;
            if (a == INT64_MIN && b == -1) return Fault::Overflow;
            out = a / b;
            return Fault::None;
        case K::Mod:
            // C++ truncating remainder (sign follows the dividend, -7 % 2 == -1): it is what every
            // C-family language and spreadsheet MOD-less author tool does, it keeps a == (a/b)*b +
            // a%b with our truncating `/`, and it needs no extra work per evaluation. INT64_MIN %
            // -1 is mathematically 0 but UB in C++, hence the explicit case.
            if (b == 0) return Fault::DivisionByZero;
            out = b == -1 ? 0 : a % b;
            return Fault::None;
        case K::Lt:
            out = a < b;
            return Fault::None;
        case K::Le:
            out = a <= b;
            return Fault::None;
        case K::Gt:
            out = a > b;
            return Fault::None;
        case K::Ge:
            out = a >= b;
            return Fault::None;
        case K::Eq:
            out = a == b;
            return Fault::None;
        case K::Ne:
            out = a != b;
            return Fault::None;
        default:
            throw std::logic_error("applyBinary: not a binary operator");
    }
}

inline const char* faultText(Fault f) {
    return f == Fault::DivisionByZero ? "division by zero" : "integer overflow";
}

}  // namespace rapport::expression_detail
