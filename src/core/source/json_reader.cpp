#include "core/source/json_reader.hpp"

#include <cmath>
#include <unordered_set>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

std::string childPointer(const std::string& parent, std::string_view key) {
    return parent + "/" + pointerToken(key);
}

std::string childPointer(const std::string& parent, std::size_t index) {
    return parent + "/" + std::to_string(index);
}

// English, for the messages still built in English; trNoop marks the names so that the
// translated messages below can show them in the reader's language (tr(jsonKindName(v))).
const char* jsonKindName(const JsonValue& v) {
    switch (v.kind()) {
        case JsonValue::Kind::Null:
            return trNoop("null");
        case JsonValue::Kind::Object:
            return trNoop("an object");
        case JsonValue::Kind::Array:
            return trNoop("an array");
        case JsonValue::Kind::String:
            return trNoop("a string");
        case JsonValue::Kind::Boolean:
            return trNoop("a boolean");
        case JsonValue::Kind::Integer:
        case JsonValue::Kind::BigInteger:
            return trNoop("an integer");
        case JsonValue::Kind::Float:
            return trNoop("a number");
    }
    return trNoop("a value");
}

namespace {

std::string outOfRange(std::string_view key, std::int64_t min, std::int64_t max,
                       const std::string& value) {
    return uiFormat(tr("\"{key}\" must be between {min} and {max}, not {value}"),
                    {{"key", key},
                     {"min", std::to_string(min)},
                     {"max", std::to_string(max)},
                     {"value", value}});
}

}  // namespace

void JsonReader::add(Severity s, const char* code, const std::string& pointer, SourcePosition p,
                     std::string message) {
    Diagnostic d;
    d.severity = s;
    d.code = code;
    d.file = file_;
    d.position = p;
    d.pointer = pointer;
    d.message = std::move(message);
    diags_.add(std::move(d));
}

void JsonReader::error(const char* code, const std::string& pointer, std::string message) {
    add(Severity::Error, code, pointer, map_.valuePosition(pointer), std::move(message));
}

void JsonReader::warning(const char* code, const std::string& pointer, std::string message) {
    add(Severity::Warning, code, pointer, map_.valuePosition(pointer), std::move(message));
}

void JsonReader::errorAtKey(const char* code, const std::string& pointer, std::string message) {
    add(Severity::Error, code, pointer, map_.keyPosition(pointer), std::move(message));
}

void JsonReader::errorInString(const char* code, const std::string& pointer, std::size_t codePoints,
                               std::string message) {
    SourcePosition p = map_.valuePosition(pointer);
    // +1 steps over the opening quote; expressions are one line, so the column is enough.
    if (p.line > 0) p.column += 1 + static_cast<int>(codePoints);
    add(Severity::Error, code, pointer, p, std::move(message));
}

void JsonReader::checkKeys(const JsonValue& obj, const std::string& pointer,
                           std::initializer_list<std::string_view> allowed) {
    // A repeated unknown key is one mistake at one pointer: report it once. A set, not a lookup
    // per member: a hostile object with a million unknown keys must stay linear.
    std::unordered_set<std::string_view> reported;
    for (const JsonValue& member : obj) {
        const std::string_view key = member.key();
        if (key.starts_with("x-")) continue;
        bool known = false;
        for (auto a : allowed) known = known || a == key;
        if (known) continue;
        if (!reported.insert(key).second) continue;
        const std::vector<std::string> names(allowed.begin(), allowed.end());
        errorAtKey(codes::UnknownKey, childPointer(pointer, key),
                   uiFormat(tr("unknown key \"{key}\"{hint}; keys for tools must start with "
                               "\"x-\""),
                            {{"key", key}, {"hint", didYouMean(std::string(key), names)}}));
    }
}

const JsonValue* JsonReader::member(const JsonValue& obj, const std::string& pointer,
                                    std::string_view key, bool required) {
    const JsonValue* v = obj.find(key);
    if (!v && required)
        error(codes::MissingKey, pointer,
              uiFormat(tr("missing required key \"{key}\""), {{"key", key}}));
    return v;
}

std::optional<std::string> JsonReader::string(const JsonValue& obj, const std::string& pointer,
                                              std::string_view key, bool required,
                                              bool allowEmpty) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return std::nullopt;
    if (!v->isString()) {
        error(codes::WrongType, childPointer(pointer, key),
              uiFormat(tr("\"{key}\" must be a string, not {kind}"),
                       {{"key", key}, {"kind", tr(jsonKindName(*v))}}));
        return std::nullopt;
    }
    const std::string_view s = v->asString();
    if (!allowEmpty && s.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        error(codes::EmptyText, childPointer(pointer, key),
              uiFormat(tr("\"{key}\" must not be empty"), {{"key", key}}));
        return std::nullopt;
    }
    return std::string(s);
}

std::optional<std::int64_t> JsonReader::integer(const JsonValue& obj, const std::string& pointer,
                                                std::string_view key, bool required,
                                                std::int64_t min, std::int64_t max) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return std::nullopt;
    if (!v->isInteger()) {
        error(codes::WrongType, childPointer(pointer, key),
              uiFormat(tr("\"{key}\" must be an integer, not {kind}"),
                       {{"key", key}, {"kind", tr(jsonKindName(*v))}}));
        return std::nullopt;
    }
    if (v->isBigInteger()) {
        error(codes::OutOfRange, childPointer(pointer, key),
              outOfRange(key, min, max, std::to_string(v->asUnsigned())));
        return std::nullopt;
    }
    const auto i = v->asInteger();
    if (i < min || i > max) {
        error(codes::OutOfRange, childPointer(pointer, key),
              outOfRange(key, min, max, std::to_string(i)));
        return std::nullopt;
    }
    return i;
}

std::optional<double> JsonReader::number(const JsonValue& obj, const std::string& pointer,
                                         std::string_view key, bool required, double minExclusive,
                                         double max) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return std::nullopt;
    if (!v->isNumber()) {
        error(codes::WrongType, childPointer(pointer, key),
              uiFormat(tr("\"{key}\" must be a number, not {kind}"),
                       {{"key", key}, {"kind", tr(jsonKindName(*v))}}));
        return std::nullopt;
    }
    const double d = v->asNumber();
    if (!std::isfinite(d) || d <= minExclusive || d > max) {
        auto fmt = [](double x) {
            std::string s = std::to_string(x);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.') s.pop_back();
            return s;
        };
        error(codes::OutOfRange, childPointer(pointer, key),
              uiFormat(tr("\"{key}\" must be greater than {min} and at most {max}"),
                       {{"key", key}, {"min", fmt(minExclusive)}, {"max", fmt(max)}}));
        return std::nullopt;
    }
    return d;
}

std::optional<bool> JsonReader::boolean(const JsonValue& obj, const std::string& pointer,
                                        std::string_view key, bool required) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return std::nullopt;
    if (!v->isBoolean()) {
        error(codes::WrongType, childPointer(pointer, key),
              uiFormat(tr("\"{key}\" must be true or false, not {kind}"),
                       {{"key", key}, {"kind", tr(jsonKindName(*v))}}));
        return std::nullopt;
    }
    return v->asBool();
}

const JsonValue* JsonReader::object(const JsonValue& obj, const std::string& pointer,
                                    std::string_view key, bool required) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return nullptr;
    if (!v->isObject()) {
        error(codes::WrongType, childPointer(pointer, key),
              uiFormat(tr("\"{key}\" must be an object, not {kind}"),
                       {{"key", key}, {"kind", tr(jsonKindName(*v))}}));
        return nullptr;
    }
    return v;
}

const JsonValue* JsonReader::array(const JsonValue& obj, const std::string& pointer,
                                   std::string_view key, bool required) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return nullptr;
    if (!v->isArray()) {
        error(codes::WrongType, childPointer(pointer, key),
              uiFormat(tr("\"{key}\" must be an array, not {kind}"),
                       {{"key", key}, {"kind", tr(jsonKindName(*v))}}));
        return nullptr;
    }
    return v;
}

}  // namespace rapport
