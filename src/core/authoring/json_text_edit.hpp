// Editing human-written JSON text in place. A value is replaced at its byte span and a new member
// or element is inserted beside its siblings with their indentation, so everything the author
// wrote around it (key order, layout, comments) stays byte for byte as it was and a saved file's
// diff shows only what changed. The text must be well-formed JSON (comments allowed), e.g. text
// nlohmann has accepted; edits on a pointer that does not exist throw std::logic_error.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapport {

// Byte range [begin, end) in the text.
struct JsonSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Where one value of the text is. For a container, its children in text order.
struct JsonTextValue {
    JsonSpan value;   // brackets included for containers, quotes for strings
    JsonSpan key;     // the member's key with its quotes; empty for elements and root
    char kind = 's';  // '{' object, '[' array, 's' anything else
    std::vector<std::string> children;  // pointers of members / elements, in text order
};

// Every value of a text by JSON pointer ("" is the root). For a repeated key the first
// occurrence wins.
class JsonTextIndex {
public:
    explicit JsonTextIndex(std::string_view text);
    const JsonTextValue* find(std::string_view pointer) const;
    // The indentation one level adds in this text (that of the root's first member), "  " if none.
    const std::string& indentUnit() const { return unit_; }
    // "\r\n" when the text uses it, else "\n".
    const std::string& newline() const { return newline_; }

private:
    std::unordered_map<std::string, JsonTextValue> values_;
    std::string unit_ = "  ";
    std::string newline_ = "\n";
};

// Formats `value` for insertion at a line indented by `indent`: short objects of scalars and short
// arrays of scalars on one line (`{ "indicator": "x" }`, `["a", "b"]`) unless `allowInline` is
// false (the siblings are written one member per line), everything else one member per line,
// keys in the order given.
std::string formatJsonValue(const nlohmann::ordered_json& value, std::string_view indent,
                            std::string_view unit, std::string_view newline = "\n",
                            bool allowInline = true);

// Sets the value at `pointer`. An existing value is replaced at its span (left untouched when it
// already equals `value`); a missing member of an existing object is appended to it.
std::string jsonTextSet(std::string_view text, std::string_view pointer,
                        const nlohmann::ordered_json& value);
// Inserts `value` into the array at `arrayPointer` before element `index` (index == size appends).
std::string jsonTextInsert(std::string_view text, std::string_view arrayPointer, std::size_t index,
                           const nlohmann::ordered_json& value);
// Removes the member or element at `pointer` with its comma; a member alone on its line takes the
// line with it.
std::string jsonTextRemove(std::string_view text, std::string_view pointer);

// The pointer's parent ("/a/b" -> "/a") and last token, unescaped ("/a/x~1y" -> "x/y").
std::string parentPointer(std::string_view pointer);
std::string lastToken(std::string_view pointer);

}  // namespace rapport
