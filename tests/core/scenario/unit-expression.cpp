// The scenario expression language: syntax, types, diagnostics, evaluation and its limits.
#include <doctest/doctest.h>

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/scenario/expression.hpp"

using namespace rapport;

namespace {

// Variables: mood (0, integer), trust (1, integer), angry (2, boolean), zero (3, integer),
// big (4, integer), small (5, integer). Nodes: intro (0), pricing (1), close (2).
class TestSymbols : public ExpressionSymbols {
public:
    std::optional<VariableRef> findVariable(std::string_view name) const override {
        for (std::size_t i = 0; i < vars_.size(); ++i)
            if (vars_[i].first == name) return VariableRef{static_cast<int>(i), vars_[i].second};
        return std::nullopt;
    }
    std::optional<int> findNode(std::string_view id) const override {
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            if (nodes_[i] == id) return static_cast<int>(i);
        return std::nullopt;
    }
    std::vector<std::string> variableNames() const override {
        std::vector<std::string> out;
        for (const auto& v : vars_) out.push_back(v.first);
        return out;
    }
    std::vector<std::string> nodeIds() const override { return nodes_; }

private:
    std::vector<std::pair<std::string, ValueType>> vars_{
        {"mood", ValueType::Integer}, {"trust", ValueType::Integer}, {"angry", ValueType::Boolean},
        {"zero", ValueType::Integer}, {"big", ValueType::Integer},   {"small", ValueType::Integer}};
    std::vector<std::string> nodes_{"intro", "pricing", "close"};
};

const TestSymbols symbols;

struct Env {
    std::vector<std::int64_t> vars{50, 7, 0, 0, INT64_MAX, INT64_MIN};
    std::vector<bool> visited{true, false, false};
    EvalEnv env() const { return EvalEnv{vars, &visited}; }
};

Expression compileOk(std::string_view src, std::optional<ValueType> expected = std::nullopt) {
    CompileResult r = compileExpression(src, symbols, expected);
    INFO("source: ", std::string(src));
    for (const auto& e : r.errors) INFO(e.code, " @", e.offset, ": ", e.message);
    if (!r.errors.empty())
        FAIL_CHECK("unexpected error: ", r.errors[0].code, " @", r.errors[0].offset, ": ",
                   r.errors[0].message);
    REQUIRE(r.expression.has_value());
    return *r.expression;
}

std::int64_t eval(std::string_view src, const Env& env = Env{}) {
    Expression e = compileOk(src);
    EvalResult r = e.evaluate(env.env());
    INFO("source: ", std::string(src), " error: ", r.error);
    REQUIRE(r.ok);
    return r.value;
}

std::string evalError(std::string_view src, const Env& env = Env{}) {
    Expression e = compileOk(src);
    EvalResult r = e.evaluate(env.env());
    INFO("source: ", std::string(src));
    CHECK_FALSE(r.ok);
    return r.error;
}

// The only error of a failing compile, as "CODE@offset: message".
std::string oneError(std::string_view src, std::optional<ValueType> expected = std::nullopt) {
    CompileResult r = compileExpression(src, symbols, expected);
    INFO("source: ", std::string(src));
    CHECK_FALSE(r.expression.has_value());
    REQUIRE(r.errors.size() == 1);
    return r.errors[0].code + "@" + std::to_string(r.errors[0].offset) + ": " + r.errors[0].message;
}

}  // namespace

TEST_CASE("expression: literals and variables") {
    CHECK(eval("42") == 42);
    CHECK(eval("0") == 0);
    CHECK(eval("007") == 7);
    CHECK(eval("true") == 1);
    CHECK(eval("false") == 0);
    CHECK(eval("9223372036854775807") == INT64_MAX);
    CHECK(eval("-9223372036854775808") == INT64_MIN);
    CHECK(eval("mood") == 50);
    CHECK(eval("angry") == 0);
    CHECK(compileOk("mood").type() == ValueType::Integer);
    CHECK(compileOk("angry").type() == ValueType::Boolean);
    CHECK(compileOk("1 < 2").type() == ValueType::Boolean);
}

TEST_CASE("expression: every operator") {
    CHECK(eval("mood + 3") == 53);
    CHECK(eval("mood - 60") == -10);
    CHECK(eval("mood * trust") == 350);
    CHECK(eval("mood / trust") == 7);
    CHECK(eval("mood % trust") == 1);
    CHECK(eval("-mood") == -50);
    CHECK(eval("!angry") == 1);
    CHECK(eval("mood < 50") == 0);
    CHECK(eval("mood <= 50") == 1);
    CHECK(eval("mood > 49") == 1);
    CHECK(eval("mood >= 51") == 0);
    CHECK(eval("mood == 50") == 1);
    CHECK(eval("mood != 50") == 0);
    CHECK(eval("angry == false") == 1);
    CHECK(eval("angry != true") == 1);
    CHECK(eval("angry && true") == 0);
    CHECK(eval("!angry && true") == 1);
    CHECK(eval("angry || mood > 10") == 1);
    CHECK(eval("angry || mood > 100") == 0);
}

TEST_CASE("expression: precedence and associativity follow C") {
    CHECK(eval("2 + 3 * 4") == 14);
    CHECK(eval("(2 + 3) * 4") == 20);
    CHECK(eval("10 - 3 - 2") == 5);    // left-assoc
    CHECK(eval("100 / 10 / 5") == 2);  // left-assoc
    CHECK(eval("100 % 7 % 3") == 2);
    CHECK(eval("2 * 3 % 4") == 2);  // (2*3)%4, same level left to right
    CHECK(eval("-2 * 3") == -6);
    CHECK(eval("- -5") == 5);
    CHECK(eval("!!true") == 1);
    CHECK(eval("1 + 2 < 4") == 1);               // arithmetic before comparison
    CHECK(eval("1 < 2 == 2 < 3") == 1);          // ordering before equality
    CHECK(eval("true || false && false") == 1);  // && before ||
    CHECK(eval("(true || false) && false") == 0);
    CHECK(eval("!angry && mood == 50 || trust > 100") == 1);
    CHECK(eval("mood - trust * 2 + 1") == 37);
    CHECK(eval("(mood - trust) * (2 + 1)") == 129);
    CHECK(eval("!(mood > 10)") == 0);
}

TEST_CASE("expression: whitespace is free and empty input is an error") {
    CHECK(eval("  mood\t+\n1\r\n ") == 51);
    CHECK(eval("mood+1") == 51);
    CHECK(eval("(((mood)))") == 50);
    CHECK(oneError("") == "RAP0030@0: expected a value but found end of expression");
    CHECK(oneError("   ") == "RAP0030@3: expected a value but found end of expression");
}

TEST_CASE("expression: syntax errors say what was expected and where") {
    CHECK(oneError("(1 + 2") == "RAP0030@6: expected ')' but found end of expression");
    CHECK(oneError("1 +") == "RAP0030@3: expected a value but found end of expression");
    CHECK(oneError("1 + * 2") == "RAP0030@4: expected a value but found '*'");
    CHECK(oneError("mood 2") ==
          "RAP0030@5: expected an operator or end of expression but found '2'");
    CHECK(oneError("(mood trust)") == "RAP0030@6: expected ')' but found 'trust'");
    CHECK(oneError("mood )") ==
          "RAP0030@5: expected an operator or end of expression but found ')'");
    CHECK(oneError("mood = 3") == "RAP0030@5: '=' is not an operator here (use '==' to compare)");
    CHECK(oneError("angry & true") == "RAP0030@6: '&' is not an operator (use '&&' for \"and\")");
    CHECK(oneError("angry | true") == "RAP0030@6: '|' is not an operator (use '||' for \"or\")");
    CHECK(oneError("mood # 2") == "RAP0030@5: unexpected character '#'");
    CHECK(oneError("mood \xE2\x89\xA4 2") == "RAP0030@5: unexpected character '\xE2\x89\xA4'");
    CHECK(oneError("mood \xFF 2") == "RAP0030@5: unexpected character byte 0xFF");
    CHECK(oneError("12abc") == "RAP0030@0: invalid number '12abc'");
    CHECK(
        oneError("9223372036854775808") ==
        "RAP0030@0: number 9223372036854775808 is too large (the largest is 9223372036854775807)");
    CHECK(oneError("99999999999999999999999") ==
          "RAP0030@0: number 99999999999999999999999 is too large (the largest is "
          "9223372036854775807)");
    CHECK(oneError("max(1, 2)") ==
          "RAP0030@0: unknown function 'max' (the only function is visited(\"node-id\"))");
    CHECK(oneError("\"intro\"") == "RAP0030@0: expected a value but found '\"intro\"'");
}

TEST_CASE("expression: type mismatches are reported exactly") {
    CHECK(oneError("angry + 1") == "RAP0032@6: '+' needs integers but the left side is boolean");
    CHECK(oneError("1 - angry") == "RAP0032@2: '-' needs integers but the right side is boolean");
    CHECK(oneError("true * false") == "RAP0032@5: '*' needs integers but both sides are boolean");
    CHECK(oneError("angry / 2") == "RAP0032@6: '/' needs integers but the left side is boolean");
    CHECK(oneError("angry % 2") == "RAP0032@6: '%' needs integers but the left side is boolean");
    CHECK(oneError("angry < 2") == "RAP0032@6: '<' needs integers but the left side is boolean");
    CHECK(oneError("2 <= angry") == "RAP0032@2: '<=' needs integers but the right side is boolean");
    CHECK(oneError("angry > angry") == "RAP0032@6: '>' needs integers but both sides are boolean");
    CHECK(oneError("angry >= 1") == "RAP0032@6: '>=' needs integers but the left side is boolean");
    CHECK(oneError("mood == angry") ==
          "RAP0032@5: '==' needs both sides of the same type but the left side is integer and the "
          "right side is boolean");
    CHECK(oneError("true != 1") ==
          "RAP0032@5: '!=' needs both sides of the same type but the left side is boolean and the "
          "right side is integer");
    CHECK(oneError("mood && angry") ==
          "RAP0032@5: '&&' needs booleans but the left side is integer");
    CHECK(oneError("angry || 1") == "RAP0032@6: '||' needs booleans but the right side is integer");
    CHECK(oneError("1 || 2") == "RAP0032@2: '||' needs booleans but both sides are integer");
    CHECK(oneError("!mood") == "RAP0032@0: '!' needs a boolean but its operand is integer");
    CHECK(oneError("-angry") == "RAP0032@0: unary '-' needs an integer but its operand is boolean");
    CHECK(oneError(" mood + 1", ValueType::Boolean) ==
          "RAP0032@1: condition must be boolean but this expression is integer");
    CHECK(oneError("mood > 1", ValueType::Integer) ==
          "RAP0032@0: value must be integer but this expression is boolean");
    CHECK(compileOk("mood > 1", ValueType::Boolean).type() == ValueType::Boolean);
    CHECK(compileOk("mood + 1", ValueType::Integer).type() == ValueType::Integer);
}

TEST_CASE("expression: unknown names come with a hint") {
    CHECK(oneError("moood > 3") ==
          "RAP0031@0: unknown variable \"moood\" (did you mean \"mood\"?)");
    CHECK(oneError("1 + budget") == "RAP0031@4: unknown variable \"budget\"");
    CHECK(oneError("visited(\"pricng\")") ==
          "RAP0035@8: unknown node \"pricng\" in visited() (did you mean \"pricing\"?)");
    CHECK(oneError("visited(\"nowhere\")") == "RAP0035@8: unknown node \"nowhere\" in visited()");
    // An unknown name does not cascade into type errors, and independent errors all show.
    CompileResult r = compileExpression("moood > 2 && trst == 3 || mood + angry > 0", symbols,
                                        ValueType::Boolean);
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].code == std::string(codes::ExprUnknownVariable));
    CHECK(r.errors[0].offset == 0);
    CHECK(r.errors[1].code == std::string(codes::ExprUnknownVariable));
    CHECK(r.errors[1].offset == 13);
    CHECK(r.errors[2].code == std::string(codes::ExprType));
    CHECK(r.errors[2].offset == 31);
}

TEST_CASE("expression: visited()") {
    CHECK(eval("visited(\"intro\")") == 1);
    CHECK(eval("visited(\"pricing\")") == 0);
    CHECK(eval("visited('intro') && !visited( 'close' )") == 1);
    CHECK(compileOk("visited(\"close\") || visited(\"intro\")").nodesTested() ==
          std::vector<int>{0, 2});
    CHECK(oneError("visited") ==
          "RAP0030@7: expected '(' after 'visited' but found end of expression");
    CHECK(oneError("visited(intro)") ==
          "RAP0030@8: expected a node id in quotes but found 'intro'");
    CHECK(oneError("visited(\"intro\"") == "RAP0030@15: expected ')' but found end of expression");
    CHECK(oneError("visited(\"intro)") ==
          "RAP0030@15: expected a closing '\"' but found end of expression");
    CHECK(oneError("visited(\"intro\" + 1)") == "RAP0030@16: expected ')' but found '+'");
}

TEST_CASE("expression: && and || short-circuit") {
    Env env;
    CHECK(eval("false && 1/0 == 0") == 0);
    CHECK(eval("true || 1/0 == 0") == 1);
    CHECK(eval("angry && mood / zero == 0") == 0);
    CHECK(eval("!angry || mood / zero == 0") == 1);
    CHECK(evalError("!angry && mood / zero == 0") == "division by zero");
    CHECK(evalError("angry || mood / zero == 0") == "division by zero");
    // Chains keep going left to right.
    CHECK(eval("angry || false || mood == 50") == 1);
    CHECK(eval("!angry && true && mood == 49") == 0);
    env.vars[2] = 1;
    CHECK(eval("!angry && mood / zero == 0 || true", env) == 1);
    CHECK(evalError("angry && mood / zero == 0 || true", env) == "division by zero");
}

TEST_CASE("expression: division and modulo by zero are runtime errors") {
    CHECK(evalError("mood / zero") == "division by zero");
    CHECK(evalError("mood % zero") == "division by zero");
    CHECK(eval("-7 / 2") == -3);  // truncation toward zero, like C++
    CHECK(eval("-7 % 2") == -1);  // sign follows the dividend
    CHECK(eval("7 % -2") == 1);
    CHECK(eval("small % -1") == 0);  // INT64_MIN % -1 is 0, not UB
}

TEST_CASE("expression: overflow is a runtime error, never UB") {
    CHECK(evalError("big + 1") == "integer overflow");
    CHECK(evalError("small - 1") == "integer overflow");
    CHECK(evalError("big * 2") == "integer overflow");
    CHECK(evalError("small * -1") == "integer overflow");
    CHECK(evalError("small / -1") == "integer overflow");
    CHECK(evalError("-small") == "integer overflow");
    CHECK(eval("big + small") == -1);
    CHECK(eval("big * -1") == -INT64_MAX);
    CHECK(eval("-big") == -INT64_MAX);
}

TEST_CASE("expression: operations on constants that always fail are compile errors") {
    CHECK(oneError("mood + 1/0") == "RAP0036@8: '/' always fails here: division by zero");
    CHECK(oneError("mood % (3 - 3) == 0") == "RAP0036@5: '%' always fails here: division by zero");
    CHECK(oneError("9223372036854775807 + 1") ==
          "RAP0036@20: '+' always fails here: integer overflow");
    CHECK(oneError("-9223372036854775808 / -1") ==
          "RAP0036@21: '/' always fails here: integer overflow");
    CHECK(oneError("-(-9223372036854775808)") ==
          "RAP0036@0: unary '-' always fails here: integer overflow");
    CHECK(oneError("4611686018427387904 * 2") ==
          "RAP0036@20: '*' always fails here: integer overflow");
    // Code that can never run is not reported.
    CHECK(eval("false && 1 / 0 == 1") == 0);
}

TEST_CASE("expression: constants fold, analysis sees what is read") {
    CHECK(compileOk("true").constantValue() == 1);
    CHECK(compileOk("2 + 3 * 4").constantValue() == 14);
    CHECK(compileOk("-(5)").constantValue() == -5);
    CHECK(compileOk("!(1 < 2)").constantValue() == 0);
    CHECK(compileOk("false && angry").constantValue() == 0);
    CHECK(compileOk("true || angry").constantValue() == 1);
    CHECK_FALSE(compileOk("true && angry").constantValue().has_value());
    CHECK_FALSE(compileOk("mood + 0").constantValue().has_value());
    CHECK(compileOk("mood + trust * mood > 3 || angry").variablesRead() ==
          std::vector<int>{0, 1, 2});
    CHECK(compileOk("false && angry").variablesRead().empty());
    CHECK(compileOk("42").nodesTested().empty());
    // Folding `true && x` to `x` keeps the jumps of x correct.
    Env env;
    CHECK(eval("true && (angry || mood == 50)", env) == 1);
    CHECK(eval("(angry || mood == 50) && true", env) == 1);
    CHECK(eval("(angry || mood == 51) || false", env) == 0);
}

TEST_CASE("expression: constantExpression and valueTypeName") {
    Expression t = constantExpression(1, ValueType::Boolean);
    CHECK(t.type() == ValueType::Boolean);
    CHECK(t.constantValue() == 1);
    CHECK(t.source() == "true");
    CHECK(constantExpression(7, ValueType::Boolean).constantValue() == 1);
    Expression n = constantExpression(-12, ValueType::Integer);
    CHECK(n.type() == ValueType::Integer);
    CHECK(n.source() == "-12");
    Env env;
    CHECK(n.evaluate(env.env()).value == -12);
    CHECK(std::string(valueTypeName(ValueType::Integer)) == "integer");
    CHECK(std::string(valueTypeName(ValueType::Boolean)) == "boolean");
    CHECK(compileOk(" mood ").source() == " mood ");
}

TEST_CASE("expression: hostile input is bounded") {
    const std::string deepParens = std::string(10000, '(') + "1" + std::string(10000, ')');
    CHECK(oneError(deepParens) ==
          "RAP0033@4096: expression is too long (20001 bytes; the limit is 4096)");
    // Within the length limit, nesting is what stops it.
    const std::string nested = std::string(2000, '(') + "1" + std::string(2000, ')');
    CHECK(oneError(nested) ==
          "RAP0033@64: expression is nested too deeply (more than 64 levels of parentheses and "
          "prefix operators)");
    CHECK(oneError(std::string(4000, '-') + "1").substr(0, 11) == "RAP0033@64:");
    CHECK(oneError(std::string(4000, '!') + "true").substr(0, 11) == "RAP0033@64:");
    CHECK(oneError(std::string(10000, '!') + "true").substr(0, 13) == "RAP0033@4096:");
    // Exactly at the limits it still compiles.
    CHECK(eval(std::string(64, '(') + "1" + std::string(64, ')')) == 1);
    CHECK(eval(std::string(64, '-') + "1") == 1);
    std::string longSum = "1";
    while (longSum.size() + 2 <= kMaxExpressionLength) longSum += "+1";
    CHECK(longSum.size() == kMaxExpressionLength - 1);
    CHECK(eval(longSum) == 2048);
    std::string tooLong = longSum + "+1";
    CHECK(oneError(tooLong).substr(0, 13) == "RAP0033@4096:");
    // The worst stack need: every level holds a value for each precedence level.
    std::string worst;
    for (int i = 0; i < kMaxExpressionDepth; ++i) worst += "mood == mood < mood + mood * (";
    worst += "mood";
    for (int i = 0; i < kMaxExpressionDepth; ++i) worst += ")";
    CompileResult r = compileExpression(worst, symbols, std::nullopt);
    CHECK_FALSE(r.errors.empty());  // types don't fit, but nothing crashes
    std::string worstTyped;
    for (int i = 0; i < 20; ++i) worstTyped += "zero + zero * (";
    worstTyped += "mood";
    for (int i = 0; i < 20; ++i) worstTyped += ")";
    CHECK(eval(worstTyped) == 0);
}

TEST_CASE("expression: a default-constructed expression evaluates to false") {
    Expression e;
    Env env;
    EvalResult r = e.evaluate(env.env());
    CHECK(r.ok);
    CHECK(r.value == 0);
}
