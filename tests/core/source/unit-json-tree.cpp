// The compact JSON tree the loaders read: every kind of value, lookups, repeated keys, the
// depth limit and parse failures, checked against what nlohmann's own DOM makes of the same text.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/source/json_tree.hpp"

using namespace rapport;

namespace {

JsonTree parseOk(const std::string& text) {
    JsonTreeResult r = parseJsonTree(text, 64);
    REQUIRE(r.tree.has_value());
    return std::move(*r.tree);
}

// The same document through nlohmann's DOM, value by value (objects through sortedMembers,
// which must match the DOM's own member order).
void checkSame(const JsonValue& v, const nlohmann::json& j) {
    switch (v.kind()) {
        case JsonValue::Kind::Null:
            CHECK(j.is_null());
            break;
        case JsonValue::Kind::Boolean:
            REQUIRE(j.is_boolean());
            CHECK(v.asBool() == j.get<bool>());
            break;
        case JsonValue::Kind::Integer:
            REQUIRE(j.is_number_integer());
            CHECK(v.asInteger() == j.get<std::int64_t>());
            break;
        case JsonValue::Kind::BigInteger:
            REQUIRE(j.is_number_unsigned());
            CHECK(v.asUnsigned() == j.get<std::uint64_t>());
            break;
        case JsonValue::Kind::Float:
            REQUIRE(j.is_number_float());
            CHECK(v.asNumber() == j.get<double>());
            break;
        case JsonValue::Kind::String:
            REQUIRE(j.is_string());
            CHECK(v.asString() == j.get<std::string>());
            break;
        case JsonValue::Kind::Array:
            REQUIRE(j.is_array());
            REQUIRE(v.size() == j.size());
            for (std::size_t i = 0; i < v.size(); ++i) checkSame(v[i], j[i]);
            break;
        case JsonValue::Kind::Object: {
            REQUIRE(j.is_object());
            const auto members = v.sortedMembers();
            REQUIRE(members.size() == j.size());
            std::size_t i = 0;
            for (auto it = j.begin(); it != j.end(); ++it, ++i) {
                CHECK(members[i]->key() == it.key());
                checkSame(*members[i], it.value());
            }
            break;
        }
    }
}

}  // namespace

TEST_CASE("json tree: every kind of value, as nlohmann's DOM reads it") {
    const std::string text = R"(// a comment
    {
      "s": "plain", "esc": "tab\there \"quoted\" \u00e9 \ud83d\ude00 /\/",
      "i": -42, "zero": 0, "max": 9223372036854775807, "big": 18446744073709551615,
      "f": 2.5, "e": 1e3, "t": true, "no": false, "n": null,
      "a": [1, [2, [3, {}]], [], "x"], "o": {"z": 1, "a": {"m": [null]}},
      "кириллица": "日本語", "": "empty key"
      /* trailing block comment */
    })";
    const JsonTree tree = parseOk(text);
    checkSame(tree.root(), nlohmann::json::parse(text, nullptr, true, true));
    const JsonValue& r = tree.root();
    CHECK(r.find("max")->kind() == JsonValue::Kind::Integer);
    CHECK(r.find("big")->isBigInteger());
    CHECK(r.find("big")->isInteger());
    CHECK(r.find("e")->kind() == JsonValue::Kind::Float);
    CHECK(r.find("esc")->asString() == "tab\there \"quoted\" \xC3\xA9 \xF0\x9F\x98\x80 //");
    CHECK(r.find("")->asString() == "empty key");
    CHECK(r.find("missing") == nullptr);
    CHECK(r.find("a")->find("x") == nullptr);  // not an object
    CHECK(r.find("s")->empty());
    CHECK(r.find("a")->size() == 4);
    CHECK(r.size() == 15);
}

TEST_CASE(
    "json tree: members keep document order; lookups and sorted members see the last repeat") {
    const JsonTree tree = parseOk(R"({"b": 1, "a": {"x": 1}, "c": 3, "a": 2})");
    const JsonValue& r = tree.root();
    CHECK(tree.hasDuplicateKeys());
    REQUIRE(r.size() == 4);
    CHECK(r[0].key() == "b");
    CHECK(r[1].key() == "a");
    CHECK(r.find("a")->asInteger() == 2);
    const auto sorted = r.sortedMembers();
    REQUIRE(sorted.size() == 3);
    CHECK(sorted[0]->key() == "a");
    CHECK(sorted[0]->asInteger() == 2);
    CHECK(sorted[1]->key() == "b");
    CHECK(sorted[2]->key() == "c");
    CHECK_FALSE(parseOk(R"({"a": 1, "b": {"a": 2}})").hasDuplicateKeys());

    // Large objects are checked by sorting, not pairwise.
    std::string many = "{";
    for (int i = 0; i < 1000; ++i)
        many += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
    CHECK_FALSE(parseOk(many + "\"last\": 0}").hasDuplicateKeys());
    const JsonTree repeated = parseOk(many + "\"k500\": -1}");
    CHECK(repeated.hasDuplicateKeys());
    CHECK(repeated.root().find("k500")->asInteger() == -1);
    CHECK(repeated.root().sortedMembers().size() == 1000);
}

TEST_CASE("json tree: values stay valid when the tree moves") {
    std::string text = "[";
    for (int i = 0; i < 10000; ++i) text += "{\"id\": \"node-" + std::to_string(i) + "\"},";
    text += "\"s\"]";
    JsonTree moved = parseOk(text);
    const JsonTree tree = std::move(moved);
    REQUIRE(tree.root().size() == 10001);
    CHECK(tree.root()[9999].find("id")->asString() == "node-9999");
    CHECK(tree.root()[10000].asString() == "s");
}

TEST_CASE("json tree: nesting beyond the limit stops the parse before building it") {
    CHECK(parseJsonTree(std::string(64, '[') + std::string(64, ']'), 64).tree.has_value());
    const JsonTreeResult deep = parseJsonTree(std::string(65, '[') + std::string(65, ']'), 64);
    CHECK_FALSE(deep.tree.has_value());
    CHECK(deep.failure.reason == JsonTreeFailure::Reason::TooDeep);
    // 100,000 unclosed levels: refused at level 65, no recursion anywhere.
    const JsonTreeResult hostile = parseJsonTree(std::string(100000, '['), 64);
    CHECK(hostile.failure.reason == JsonTreeFailure::Reason::TooDeep);
}

TEST_CASE(
    "json tree: syntax errors carry nlohmann's byte and message; overflow is its own reason") {
    const JsonTreeResult bad = parseJsonTree("{\"a\": 1,}", 64);
    CHECK_FALSE(bad.tree.has_value());
    CHECK(bad.failure.reason == JsonTreeFailure::Reason::Syntax);
    CHECK(bad.failure.byte == 9);
    CHECK(bad.failure.what.find("syntax error") != std::string::npos);

    const JsonTreeResult trailing = parseJsonTree("{} x", 64);
    CHECK(trailing.failure.reason == JsonTreeFailure::Reason::Syntax);

    const JsonTreeResult huge = parseJsonTree("[1e999]", 64);
    CHECK(huge.failure.reason == JsonTreeFailure::Reason::NumberOverflow);
    CHECK(huge.failure.what.find("1e999") != std::string::npos);

    CHECK(parseJsonTree("", 64).failure.reason == JsonTreeFailure::Reason::Syntax);
}
