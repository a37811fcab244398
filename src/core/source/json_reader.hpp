// Typed, located reading of a parsed JSON document for the file formats Rapport loads
// (scenarios, frameworks). Every problem becomes a located diagnostic and reading goes on, so an
// author sees all mistakes at once.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/source/json_source.hpp"
#include "core/source/json_tree.hpp"

namespace rapport {

class JsonReader {
public:
    JsonReader(std::string file, const SourceMap& map, DiagnosticList& diags)
        : file_(std::move(file)), map_(map), diags_(diags) {}

    void error(const char* code, const std::string& pointer, std::string message);
    void warning(const char* code, const std::string& pointer, std::string message);
    // Located at the member's key rather than its value (unknown keys, duplicates).
    void errorAtKey(const char* code, const std::string& pointer, std::string message);
    // Located at an offset of `codePoints` inside the string value at `pointer` (expressions).
    void errorInString(const char* code, const std::string& pointer, std::size_t codePoints,
                       std::string message);

    // Reports each key of `obj` that is not in `allowed` (keys starting with "x-" are kept for
    // tools and always allowed), with a did-you-mean hint.
    void checkKeys(const JsonValue& obj, const std::string& pointer,
                   std::initializer_list<std::string_view> allowed);

    // Each getter reports a missing required key (RAP0013) or a wrong type (RAP0014) and
    // returns nothing then. Absent optional keys return nothing silently.
    const JsonValue* member(const JsonValue& obj, const std::string& pointer, std::string_view key,
                            bool required);
    std::optional<std::string> string(const JsonValue& obj, const std::string& pointer,
                                      std::string_view key, bool required, bool allowEmpty = false);
    std::optional<std::int64_t> integer(const JsonValue& obj, const std::string& pointer,
                                        std::string_view key, bool required, std::int64_t min,
                                        std::int64_t max);
    std::optional<double> number(const JsonValue& obj, const std::string& pointer,
                                 std::string_view key, bool required, double minExclusive,
                                 double max);
    std::optional<bool> boolean(const JsonValue& obj, const std::string& pointer,
                                std::string_view key, bool required);
    const JsonValue* object(const JsonValue& obj, const std::string& pointer, std::string_view key,
                            bool required);
    const JsonValue* array(const JsonValue& obj, const std::string& pointer, std::string_view key,
                           bool required);

    const std::string& file() const { return file_; }
    const SourceMap& map() const { return map_; }
    DiagnosticList& diagnostics() { return diags_; }

private:
    void add(Severity s, const char* code, const std::string& pointer, SourcePosition p,
             std::string message);

    std::string file_;
    const SourceMap& map_;
    DiagnosticList& diags_;
};

// "/a/b" + "c" -> "/a/b/c", escaping the token.
std::string childPointer(const std::string& parent, std::string_view key);
std::string childPointer(const std::string& parent, std::size_t index);

// Name of a JSON value's kind for messages: "a string", "an object", …
const char* jsonKindName(const JsonValue& v);

}  // namespace rapport
