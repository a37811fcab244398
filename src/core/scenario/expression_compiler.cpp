// compileExpression: source text to checked, constant-folded postfix code.
#include <algorithm>
#include <climits>
#include <stdexcept>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/scenario/expression.hpp"
#include "core/scenario/expression_arithmetic.hpp"
#include "core/scenario/expression_lexer.hpp"

namespace rapport {

using namespace expression_detail;

namespace {

// Types during compilation: Invalid marks a sub-expression that already has an error, so one
// mistake does not cascade into a string of follow-on type errors.
enum class Ty { Integer, Boolean, Invalid };

const char* tyName(Ty t) {
    return t == Ty::Integer ? "integer" : t == Ty::Boolean ? "boolean" : "invalid";
}

// Thrown to abandon compilation after a syntax or complexity error; the error is already
// recorded. Only used inside the compiler.
struct Abort {};

}  // namespace

// A one-pass recursive-descent compiler: each parse function emits postfix code for what it
// read and returns its type and where its code starts. Recursion happens only for parentheses
// and prefix operators, each of which counts against kMaxExpressionDepth, so the C++ stack is
// bounded whatever the input. Constant sub-expressions are folded as they are emitted.
struct ExpressionCompiler {
    using Op = Expression::Op;

    std::string_view src;
    const ExpressionSymbols& symbols;
    Lexer lexer;
    Token tok;
    std::vector<Op> code;
    std::vector<ExpressionError> errors;
    int depth = 0;
    int dead = 0;  // > 0 while compiling code that can never run (`false && …`)

    struct Sub {
        Ty type;
        std::size_t start;  // index of this sub-expression's first op
    };

    ExpressionCompiler(std::string_view s, const ExpressionSymbols& sy)
        : src(s), symbols(sy), lexer(s) {}

    static Expression make(std::vector<Op> program, ValueType type, std::string source) {
        Expression e;
        if (!program.empty() && program.size() <= Expression::kInlineOps) {
            std::copy(program.begin(), program.end(), e.inline_.begin());
            e.inlineCount_ = std::uint8_t(program.size());
        } else {
            e.program_ = std::move(program);
        }
        e.type_ = type;
        e.source_ = std::move(source);
        return e;
    }

    void advance() {
        tok = lexer.next();
        if (tok.kind == Tok::Bad) fail(tok.offset, tok.error);
    }

    void error(const char* code, std::size_t offset, std::string message) {
        errors.push_back(ExpressionError{code, offset, std::move(message)});
    }
    [[noreturn]] void fail(std::size_t offset, std::string message) {
        error(codes::ExprSyntax, offset, std::move(message));
        throw Abort{};
    }

    std::string found() const {
        if (tok.kind == Tok::End) return "end of expression";
        return "'" + Lexer::clip(src.substr(tok.offset, tok.length)) + "'";
    }
    [[noreturn]] void expected(const std::string& what) {
        fail(tok.offset, "expected " + what + " but found " + found());
    }

    void enter(std::size_t offset) {
        if (++depth > kMaxExpressionDepth) {
            error(codes::ExprTooComplex, offset,
                  "expression is nested too deeply (more than " +
                      std::to_string(kMaxExpressionDepth) +
                      " levels of parentheses and prefix operators)");
            throw Abort{};
        }
    }

    bool isConstant(const Sub& s) const {
        return code.size() == s.start + 1 && code[s.start].kind == Op::PushConst;
    }

    void emit(Op::Kind k, std::int64_t arg = 0) { code.push_back(Op{k, arg}); }

    // expression := or
    Sub parseExpression() { return parseOr(); }

    Sub parseOr() {
        return parseLogical(Tok::OrOr, "'||'", Op::JumpIfTrueKeep, &ExpressionCompiler::parseAnd);
    }
    Sub parseAnd() {
        return parseLogical(Tok::AndAnd, "'&&'", Op::JumpIfFalseKeep,
                            &ExpressionCompiler::parseEquality);
    }

    // a && b  =>  a JumpIfFalseKeep(L) Pop b L:     (a || b likewise with JumpIfTrueKeep)
    Sub parseLogical(Tok opTok, const char* name, Op::Kind jump,
                     Sub (ExpressionCompiler::*operand)()) {
        Sub left = (this->*operand)();
        while (tok.kind == opTok) {
            const std::size_t opOffset = tok.offset;
            advance();
            // The value that decides the result without looking at the right side.
            const std::int64_t decisive = jump == Op::JumpIfTrueKeep ? 1 : 0;
            if (isConstant(left) && left.type == Ty::Boolean) {
                const bool decided = code[left.start].arg == decisive;
                if (decided) ++dead;
                Sub right = (this->*operand)();
                if (decided) --dead;
                checkLogical(name, opOffset, left.type, right.type);
                if (decided) {
                    code.resize(left.start + 1);  // the right side can never run
                } else {
                    code.erase(code.begin() +
                               static_cast<std::ptrdiff_t>(left.start));  // `true && b` is b
                }
                left.type = Ty::Boolean;
                continue;
            }
            const std::size_t jumpAt = code.size();
            emit(jump);
            emit(Op::Pop);
            Sub right = (this->*operand)();
            checkLogical(name, opOffset, left.type, right.type);
            if (isConstant(right) && right.type == Ty::Boolean &&
                code[right.start].arg != decisive) {
                code.resize(jumpAt);  // `a && true` is a
            } else {
                code[jumpAt].arg = static_cast<std::int64_t>(code.size() - jumpAt);
            }
            left.type = Ty::Boolean;
        }
        return left;
    }

    void checkLogical(const char* name, std::size_t at, Ty l, Ty r) {
        const bool lbad = l == Ty::Integer, rbad = r == Ty::Integer;
        if (lbad || rbad)
            error(codes::ExprType, at,
                  std::string(name) + " needs booleans but " + sides(lbad, rbad, l, r));
    }

    static std::string sides(bool lbad, bool rbad, Ty l, Ty r) {
        if (lbad && rbad) return std::string("both sides are ") + tyName(l);
        if (lbad) return std::string("the left side is ") + tyName(l);
        return std::string("the right side is ") + tyName(r);
    }

    Sub parseEquality() {
        Sub left = parseRelational();
        while (tok.kind == Tok::EqEq || tok.kind == Tok::Ne) {
            const Op::Kind k = tok.kind == Tok::EqEq ? Op::Eq : Op::Ne;
            const std::size_t at = tok.offset;
            const char* name = k == Op::Eq ? "'=='" : "'!='";
            advance();
            Sub right = parseRelational();
            if (left.type != Ty::Invalid && right.type != Ty::Invalid && left.type != right.type)
                error(codes::ExprType, at,
                      std::string(name) +
                          " needs both sides of the same type but the left side is " +
                          tyName(left.type) + " and the right side is " + tyName(right.type));
            binary(k, at, name, left, right, Ty::Boolean);
        }
        return left;
    }

    Sub parseRelational() {
        Sub left = parseAdditive();
        for (;;) {
            Op::Kind k;
            const char* name;
            switch (tok.kind) {
                case Tok::Lt:
                    k = Op::Lt;
                    name = "'<'";
                    break;
                case Tok::Le:
                    k = Op::Le;
                    name = "'<='";
                    break;
                case Tok::Gt:
                    k = Op::Gt;
                    name = "'>'";
                    break;
                case Tok::Ge:
                    k = Op::Ge;
                    name = "'>='";
                    break;
                default:
                    return left;
            }
            const std::size_t at = tok.offset;
            advance();
            Sub right = parseAdditive();
            checkIntegers(name, at, left.type, right.type);
            binary(k, at, name, left, right, Ty::Boolean);
        }
    }

    Sub parseAdditive() {
        Sub left = parseMultiplicative();
        while (tok.kind == Tok::Plus || tok.kind == Tok::Minus) {
            const Op::Kind k = tok.kind == Tok::Plus ? Op::Add : Op::Sub;
            const char* name = k == Op::Add ? "'+'" : "'-'";
            const std::size_t at = tok.offset;
            advance();
            Sub right = parseMultiplicative();
            checkIntegers(name, at, left.type, right.type);
            binary(k, at, name, left, right, Ty::Integer);
        }
        return left;
    }

    Sub parseMultiplicative() {
        Sub left = parseUnary();
        for (;;) {
            Op::Kind k;
            const char* name;
            switch (tok.kind) {
                case Tok::Star:
                    k = Op::Mul;
                    name = "'*'";
                    break;
                case Tok::Slash:
                    k = Op::Div;
                    name = "'/'";
                    break;
                case Tok::Percent:
                    k = Op::Mod;
                    name = "'%'";
                    break;
                default:
                    return left;
            }
            const std::size_t at = tok.offset;
            advance();
            Sub right = parseUnary();
            checkIntegers(name, at, left.type, right.type);
            binary(k, at, name, left, right, Ty::Integer);
        }
    }

    void checkIntegers(const char* name, std::size_t at, Ty l, Ty r) {
        const bool lbad = l == Ty::Boolean, rbad = r == Ty::Boolean;
        if (lbad || rbad)
            error(codes::ExprType, at,
                  std::string(name) + " needs integers but " + sides(lbad, rbad, l, r));
    }

    // Emits (or folds) a binary operator whose operands' code is already in place.
    void binary(Op::Kind k, std::size_t at, const char* name, Sub& left, Sub right, Ty result) {
        const bool typed = left.type != Ty::Invalid && right.type != Ty::Invalid;
        const bool bothConst =
            code.size() == left.start + 2 && code[left.start].kind == Op::PushConst &&
            code[left.start + 1].kind == Op::PushConst && right.start == left.start + 1;
        left.type = typed ? result : Ty::Invalid;
        const bool byConstZero = (k == Op::Div || k == Op::Mod) && right.type == Ty::Integer &&
                                 code.size() == right.start + 1 &&
                                 code[right.start].kind == Op::PushConst &&
                                 code[right.start].arg == 0;
        if (byConstZero && dead == 0)
            error(codes::ExprConstantError, at,
                  std::string(name) + " always fails here: division by zero");
        if (typed && bothConst && !byConstZero) {
            std::int64_t v = 0;
            const Fault f = applyBinary(k, code[left.start].arg, code[left.start + 1].arg, v);
            if (f == Fault::None) {
                code.resize(left.start);
                emit(Op::PushConst, v);
                return;
            }
            if (dead == 0)
                error(codes::ExprConstantError, at,
                      std::string(name) + " always fails here: " + faultText(f));
        }
        emit(k);
    }

    Sub parseUnary() {
        if (tok.kind != Tok::Minus && tok.kind != Tok::Not) return parsePrimary();
        const bool neg = tok.kind == Tok::Minus;
        const std::size_t at = tok.offset;
        enter(at);
        advance();
        Sub sub;
        // -9223372036854775808 is INT64_MIN: the literal alone does not fit, its negation does.
        if (neg && tok.kind == Tok::Integer && !tok.numberTooBig && tok.number == (1ULL << 63)) {
            sub = Sub{Ty::Integer, code.size()};
            emit(Op::PushConst, INT64_MIN);
            advance();
            --depth;
            return sub;
        }
        sub = parseUnary();
        --depth;
        if (neg) {
            if (sub.type == Ty::Boolean)
                error(codes::ExprType, at, "unary '-' needs an integer but its operand is boolean");
            if (isConstant(sub) && sub.type == Ty::Integer) {
                if (code[sub.start].arg != INT64_MIN) {
                    code[sub.start].arg = -code[sub.start].arg;
                    return sub;
                }
                if (dead == 0)
                    error(codes::ExprConstantError, at,
                          "unary '-' always fails here: integer overflow");
            }
            emit(Op::Neg);
            return Sub{sub.type == Ty::Invalid ? Ty::Invalid : Ty::Integer, sub.start};
        }
        if (sub.type == Ty::Integer)
            error(codes::ExprType, at, "'!' needs a boolean but its operand is integer");
        if (isConstant(sub) && sub.type == Ty::Boolean) {
            code[sub.start].arg = !code[sub.start].arg;
            return sub;
        }
        emit(Op::Not);
        return Sub{sub.type == Ty::Invalid ? Ty::Invalid : Ty::Boolean, sub.start};
    }

    Sub parsePrimary() {
        const std::size_t start = code.size();
        switch (tok.kind) {
            case Tok::Integer: {
                if (tok.numberTooBig || tok.number > static_cast<std::uint64_t>(INT64_MAX))
                    fail(tok.offset, "number " + Lexer::clip(src.substr(tok.offset, tok.length)) +
                                         " is too large (the largest is 9223372036854775807)");
                emit(Op::PushConst, static_cast<std::int64_t>(tok.number));
                advance();
                return Sub{Ty::Integer, start};
            }
            case Tok::LParen: {
                enter(tok.offset);
                advance();
                Sub inner = parseExpression();
                if (tok.kind != Tok::RParen) expected("')'");
                advance();
                --depth;
                return Sub{inner.type, start};
            }
            case Tok::Identifier: {
                const std::string_view name = src.substr(tok.offset, tok.length);
                const std::size_t at = tok.offset;
                if (name == "true" || name == "false") {
                    emit(Op::PushConst, name == "true" ? 1 : 0);
                    advance();
                    return Sub{Ty::Boolean, start};
                }
                advance();
                if (tok.kind == Tok::LParen) {
                    if (name == "visited") return parseVisited(start);
                    fail(at, "unknown function '" + Lexer::clip(name) +
                                 "' (the only function is visited(\"node-id\"))");
                }
                if (name == "visited") expected("'(' after 'visited'");
                if (auto v = symbols.findVariable(name)) {
                    emit(Op::PushVar, v->index);
                    return Sub{v->type == ValueType::Integer ? Ty::Integer : Ty::Boolean, start};
                }
                error(codes::ExprUnknownVariable, at,
                      "unknown variable \"" + Lexer::clip(name) + "\"" +
                          didYouMean(name, symbols.variableNames()));
                emit(Op::PushVar, -1);
                return Sub{Ty::Invalid, start};
            }
            default:
                expected("a value");
        }
    }

    // visited("node-id"), the '(' being the current token.
    Sub parseVisited(std::size_t start) {
        advance();
        if (tok.kind != Tok::String) expected("a node id in quotes");
        const std::size_t at = tok.offset;
        const std::string_view id = src.substr(tok.offset + 1, tok.length - 2);
        advance();
        if (tok.kind != Tok::RParen) expected("')'");
        advance();
        if (auto n = symbols.findNode(id)) {
            emit(Op::Visited, *n);
            return Sub{Ty::Boolean, start};
        }
        error(codes::ExprUnknownNode, at,
              "unknown node \"" + Lexer::clip(id) + "\" in visited()" +
                  didYouMean(id, symbols.nodeIds()));
        emit(Op::Visited, -1);
        return Sub{Ty::Boolean, start};
    }

    // The most values the program holds at once; jumps land where the stack height is the same
    // as on the fall-through path, so one linear pass is exact.
    std::size_t stackNeed() const {
        std::size_t h = 0, most = 0;
        for (const Op& op : code) {
            switch (op.kind) {
                case Op::PushConst:
                case Op::PushVar:
                case Op::Visited:
                    ++h;
                    break;
                case Op::Neg:
                case Op::Not:
                case Op::JumpIfFalseKeep:
                case Op::JumpIfTrueKeep:
                    break;
                default:
                    --h;
                    break;  // binary operators and Pop
            }
            most = std::max(most, h);
        }
        return most;
    }

    std::optional<Ty> compile() {
        try {
            advance();
            Sub whole = parseExpression();
            if (tok.kind != Tok::End) expected("an operator or end of expression");
            if (stackNeed() > kStackCapacity) {
                error(codes::ExprTooComplex, 0, "expression is too complex to evaluate");
                return std::nullopt;
            }
            return whole.type;
        } catch (const Abort&) {
            return std::nullopt;
        }
    }
};

CompileResult compileExpression(std::string_view source, const ExpressionSymbols& symbols,
                                std::optional<ValueType> expected) {
    CompileResult result;
    if (source.size() > kMaxExpressionLength) {
        result.errors.push_back(ExpressionError{
            codes::ExprTooComplex, kMaxExpressionLength,
            "expression is too long (" + std::to_string(source.size()) + " bytes; the limit is " +
                std::to_string(kMaxExpressionLength) + ")"});
        return result;
    }
    ExpressionCompiler c(source, symbols);
    const std::optional<Ty> type = c.compile();
    if (type && expected && *type != Ty::Invalid) {
        const Ty want = *expected == ValueType::Integer ? Ty::Integer : Ty::Boolean;
        if (*type != want) {
            std::size_t first = 0;
            while (first < source.size() && isSpace(source[first])) ++first;
            c.error(codes::ExprType, first,
                    std::string(want == Ty::Boolean ? "condition" : "value") + " must be " +
                        tyName(want) + " but this expression is " + tyName(*type));
        }
    }
    result.errors = std::move(c.errors);
    if (result.errors.empty()) {
        result.expression = ExpressionCompiler::make(
            std::move(c.code), *type == Ty::Integer ? ValueType::Integer : ValueType::Boolean,
            std::string(source));
    }
    return result;
}

Expression constantExpression(std::int64_t value, ValueType type) {
    if (type == ValueType::Boolean) value = value != 0;
    std::string text = type == ValueType::Integer ? std::to_string(value)
                       : value                    ? "true"
                                                  : "false";
    return ExpressionCompiler::make({Expression::Op{Expression::Op::PushConst, value}}, type,
                                    std::move(text));
}

}  // namespace rapport
