// Differential fuzzing of the loaders' JSON tree against nlohmann's own DOM: for any bytes, both
// must accept or refuse alike, and an accepted document must hold the same values (objects in
// the DOM's member order, the last of repeated keys). Traps on the first difference.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/source/json_tree.hpp"

namespace {

void same(const rapport::JsonValue& v, const nlohmann::json& j) {
    using K = rapport::JsonValue::Kind;
    bool ok = true;
    switch (v.kind()) {
        case K::Null:
            ok = j.is_null();
            break;
        case K::Boolean:
            ok = j.is_boolean() && v.asBool() == j.get<bool>();
            break;
        case K::Integer:
            ok = j.is_number_integer() && v.asInteger() == j.get<std::int64_t>();
            break;
        case K::BigInteger:
            ok = j.is_number_unsigned() && v.asUnsigned() == j.get<std::uint64_t>();
            break;
        case K::Float:
            ok = j.is_number_float() &&
                 (v.asNumber() == j.get<double>() || v.asNumber() != v.asNumber());
            break;
        case K::String:
            ok = j.is_string() && v.asString() == j.get_ref<const std::string&>();
            break;
        case K::Array:
            ok = j.is_array() && v.size() == j.size();
            for (std::size_t i = 0; ok && i < v.size(); ++i) same(v[i], j[i]);
            break;
        case K::Object: {
            const auto members = v.sortedMembers();
            ok = j.is_object() && members.size() == j.size();
            std::size_t i = 0;
            for (auto it = j.begin(); ok && it != j.end(); ++it, ++i) {
                ok = members[i]->key() == it.key();
                if (ok) same(*members[i], it.value());
            }
            break;
        }
    }
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The loaders refuse NUL bytes before parsing (nlohmann would stop reading there).
    if (text.find('\0') != std::string_view::npos) return 0;
    const rapport::JsonTreeResult tree = rapport::parseJsonTree(text, 64);
    if (!tree.tree && tree.failure.reason == rapport::JsonTreeFailure::Reason::TooDeep) return 0;
    nlohmann::json dom;
    bool domOk = true;
    try {
        dom = nlohmann::json::parse(text, nullptr, true, true);
    } catch (const nlohmann::json::exception&) {
        domOk = false;
    }
    if (domOk != tree.tree.has_value()) std::abort();
    if (domOk) same(tree.tree->root(), dom);
    return 0;
}
