#include "json_reader.hpp"

#include <cmath>

#include "diagnostic_codes.hpp"
#include "did_you_mean.hpp"

namespace rapport {

std::string childPointer(const std::string& parent, std::string_view key) {
    return parent + "/" + pointerToken(key);
}

std::string childPointer(const std::string& parent, std::size_t index) {
    return parent + "/" + std::to_string(index);
}

const char* jsonKindName(const nlohmann::json& v) {
    switch (v.type()) {
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::object: return "an object";
        case nlohmann::json::value_t::array: return "an array";
        case nlohmann::json::value_t::string: return "a string";
        case nlohmann::json::value_t::boolean: return "a boolean";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return "an integer";
        case nlohmann::json::value_t::number_float: return "a number";
        default: return "a value";
    }
}

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

void JsonReader::checkKeys(const nlohmann::json& obj, const std::string& pointer,
                           std::initializer_list<std::string_view> allowed) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string& key = it.key();
        if (key.rfind("x-", 0) == 0) continue;
        bool known = false;
        for (auto a : allowed) known = known || a == key;
        if (known) continue;
        const std::vector<std::string> names(allowed.begin(), allowed.end());
        errorAtKey(codes::UnknownKey, childPointer(pointer, key),
                   "unknown key \"" + key + "\"" + didYouMean(key, names) +
                       "; keys for tools must start with \"x-\"");
    }
}

const nlohmann::json* JsonReader::member(const nlohmann::json& obj, const std::string& pointer,
                                         std::string_view key, bool required) {
    auto it = obj.find(std::string(key));
    if (it == obj.end()) {
        if (required)
            error(codes::MissingKey, pointer, "missing required key \"" + std::string(key) + "\"");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonReader::string(const nlohmann::json& obj, const std::string& pointer,
                                              std::string_view key, bool required, bool allowEmpty) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return std::nullopt;
    const std::string p = childPointer(pointer, key);
    if (!v->is_string()) {
        error(codes::WrongType, p, "\"" + std::string(key) + "\" must be a string, not " + jsonKindName(*v));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (!allowEmpty && s.find_first_not_of(" \t\r\n") == std::string::npos) {
        error(codes::EmptyText, p, "\"" + std::string(key) + "\" must not be empty");
        return std::nullopt;
    }
    return s;
}

std::optional<std::int64_t> JsonReader::integer(const nlohmann::json& obj, const std::string& pointer,
                                                std::string_view key, bool required,
                                                std::int64_t min, std::int64_t max) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return std::nullopt;
    const std::string p = childPointer(pointer, key);
    if (!v->is_number_integer() && !v->is_number_unsigned()) {
        error(codes::WrongType, p, "\"" + std::string(key) + "\" must be an integer, not " + jsonKindName(*v));
        return std::nullopt;
    }
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
        error(codes::OutOfRange, p, "\"" + std::string(key) + "\" must be between " + std::to_string(min) +
                                        " and " + std::to_string(max) + ", not " +
                                        std::to_string(v->get<std::uint64_t>()));
        return std::nullopt;
    }
    const auto i = v->get<std::int64_t>();
    if (i < min || i > max) {
        error(codes::OutOfRange, p, "\"" + std::string(key) + "\" must be between " + std::to_string(min) +
                                        " and " + std::to_string(max) + ", not " + std::to_string(i));
        return std::nullopt;
    }
    return i;
}

std::optional<double> JsonReader::number(const nlohmann::json& obj, const std::string& pointer,
                                         std::string_view key, bool required, double minExclusive,
                                         double max) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return std::nullopt;
    const std::string p = childPointer(pointer, key);
    if (!v->is_number()) {
        error(codes::WrongType, p, "\"" + std::string(key) + "\" must be a number, not " + jsonKindName(*v));
        return std::nullopt;
    }
    const double d = v->get<double>();
    if (!std::isfinite(d) || d <= minExclusive || d > max) {
        auto fmt = [](double x) {
            std::string s = std::to_string(x);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.') s.pop_back();
            return s;
        };
        error(codes::OutOfRange, p, "\"" + std::string(key) + "\" must be greater than " + fmt(minExclusive) +
                                        " and at most " + fmt(max));
        return std::nullopt;
    }
    return d;
}

std::optional<bool> JsonReader::boolean(const nlohmann::json& obj, const std::string& pointer,
                                        std::string_view key, bool required) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        error(codes::WrongType, childPointer(pointer, key),
              "\"" + std::string(key) + "\" must be true or false, not " + jsonKindName(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

const nlohmann::json* JsonReader::object(const nlohmann::json& obj, const std::string& pointer,
                                         std::string_view key, bool required) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return nullptr;
    if (!v->is_object()) {
        error(codes::WrongType, childPointer(pointer, key),
              "\"" + std::string(key) + "\" must be an object, not " + jsonKindName(*v));
        return nullptr;
    }
    return v;
}

const nlohmann::json* JsonReader::array(const nlohmann::json& obj, const std::string& pointer,
                                        std::string_view key, bool required) {
    const auto* v = member(obj, pointer, key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        error(codes::WrongType, childPointer(pointer, key),
              "\"" + std::string(key) + "\" must be an array, not " + jsonKindName(*v));
        return nullptr;
    }
    return v;
}

}  // namespace rapport
