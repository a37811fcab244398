#include "core/authoring/json_text_edit.hpp"

#include <deque>
#include <stdexcept>

#include "core/source/json_scan.hpp"
#include "core/source/json_source.hpp"

namespace rapport {

namespace {

using ojson = nlohmann::ordered_json;

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::size_t lineStart(std::string_view t, std::size_t pos) {
    while (pos > 0 && t[pos - 1] != '\n' && t[pos - 1] != '\r') --pos;
    return pos;
}

std::string lineIndent(std::string_view t, std::size_t pos) {
    const std::size_t start = lineStart(t, pos);
    std::size_t end = start;
    while (end < t.size() && isBlank(t[end])) ++end;
    return std::string(t.substr(start, end - start));
}

// Nothing but blanks before `pos` on its line.
bool startsLine(std::string_view t, std::size_t pos) {
    for (std::size_t i = lineStart(t, pos); i < pos; ++i)
        if (!isBlank(t[i])) return false;
    return true;
}

std::size_t childBegin(const JsonTextValue& v) {
    return v.key.end > v.key.begin ? v.key.begin : v.value.begin;
}

std::string splice(std::string_view t, std::size_t begin, std::size_t end, std::string_view with) {
    std::string out;
    out.reserve(t.size() - (end - begin) + with.size());
    out.append(t.substr(0, begin));
    out.append(with);
    out.append(t.substr(end));
    return out;
}

const JsonTextValue& need(const JsonTextIndex& idx, std::string_view pointer) {
    const JsonTextValue* v = idx.find(pointer);
    if (!v) throw std::logic_error("JSON text edit: no value at \"" + std::string(pointer) + "\"");
    return *v;
}

std::string dumpScalar(const ojson& v) {
    return v.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

bool allScalars(const ojson& v) {
    for (const auto& c : v)
        if (c.is_structured()) return false;
    return true;
}

// The separator the author puts between a key and its value, taken from a sibling.
std::string memberSeparator(std::string_view t, const JsonTextIndex& idx,
                            const JsonTextValue& parent) {
    if (parent.children.empty()) return ": ";
    const JsonTextValue& last = need(idx, parent.children.back());
    const std::string_view sep = t.substr(last.key.end, last.value.begin - last.key.end);
    if (sep.find_first_of("\n\r/") != std::string_view::npos) return ": ";
    return std::string(sep);
}

std::string childText(std::string_view key, std::string_view sep, const ojson& value,
                      std::string_view indent, const JsonTextIndex& idx, bool allowInline = true) {
    std::string out;
    if (!key.empty()) {
        out += ojson(std::string(key)).dump(-1, ' ', false, ojson::error_handler_t::replace);
        out += sep;
    }
    out += formatJsonValue(value, indent, idx.indentUnit(), idx.newline(), allowInline);
    return out;
}

// A structured sibling written over several lines asks for the same of a new value.
bool spansLines(std::string_view t, const JsonTextValue& v) {
    return t.substr(v.value.begin, v.value.end - v.value.begin).find('\n') !=
           std::string_view::npos;
}

// Appends a member (key non-empty) or element to the container `parent`.
std::string append(std::string_view t, const JsonTextIndex& idx, const JsonTextValue& parent,
                   std::string_view key, const ojson& value) {
    const std::string& nl = idx.newline();
    const std::string sep = memberSeparator(t, idx, parent);
    if (parent.children.empty()) {
        const std::size_t innerBegin = parent.value.begin + 1, innerEnd = parent.value.end - 1;
        const std::string_view inner = t.substr(innerBegin, innerEnd - innerBegin);
        const std::string indent = lineIndent(t, parent.value.begin);
        const std::string childIndent = indent + idx.indentUnit();
        const std::string multi = childText(key, sep, value, childIndent, idx);
        const bool inlineFits =
            multi.find('\n') == std::string::npos && multi.size() + indent.size() < 90;
        if (inner.find_first_not_of(" \t\r\n") != std::string_view::npos)  // a comment inside
            return splice(t, innerBegin, innerBegin,
                          " " + childText(key, sep, value, indent, idx) + " ");
        if (inlineFits && inner.find('\n') == std::string_view::npos) {
            const std::string pad = parent.kind == '{' ? " " : "";
            return splice(t, innerBegin, innerEnd, pad + multi + pad);
        }
        return splice(t, innerBegin, innerEnd, nl + childIndent + multi + nl + indent);
    }
    const JsonTextValue& first = need(idx, parent.children.front());
    const JsonTextValue& last = need(idx, parent.children.back());
    const bool multiline =
        t.substr(parent.value.begin, childBegin(first) - parent.value.begin).find('\n') !=
        std::string_view::npos;
    const std::size_t at = last.value.end;
    const bool allowInline = !spansLines(t, last);
    if (!multiline)
        return splice(
            t, at, at,
            ", " + childText(key, sep, value, lineIndent(t, childBegin(last)), idx, allowInline));
    const std::string indent = lineIndent(t, childBegin(last));
    // The new line goes after whatever ends the last member's line (a // note stays where it was).
    std::size_t j = at;
    while (j < t.size() && isBlank(t[j])) ++j;
    if (t.substr(j, 2) == "//") j = t.find_first_of("\r\n", j);
    const std::size_t lineEnd = j < t.size() && (t[j] == '\n' || t[j] == '\r') ? j : at;
    std::string out;
    out.reserve(t.size() + 128);
    out.append(t.substr(0, at));
    out += ',';
    out.append(t.substr(at, lineEnd - at));
    out += nl;
    out += indent;
    out += childText(key, sep, value, indent, idx, allowInline);
    out.append(t.substr(lineEnd));
    return out;
}

std::string unescapeToken(std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

}  // namespace

std::string parentPointer(std::string_view pointer) {
    const auto slash = pointer.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(pointer.substr(0, slash));
}

std::string lastToken(std::string_view pointer) {
    const auto slash = pointer.rfind('/');
    return unescapeToken(slash == std::string_view::npos ? pointer : pointer.substr(slash + 1));
}

JsonTextIndex::JsonTextIndex(std::string_view t) {
    if (t.find("\r\n") != std::string_view::npos) newline_ = "\r\n";
    struct Frame {
        JsonTextValue* value;
        std::string pointer;
        std::size_t index = 0;
    };
    std::vector<Frame> stack;
    std::deque<JsonTextValue> discarded;
    std::size_t i = t.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    i = skipJsonSpace(t, i);
    std::string pointer;
    JsonSpan key{};
    enum class Next { Value, AfterValue, FirstMember, Member, FirstElement } next = Next::Value;
    const auto close = [&] {
        stack.back().value->value.end = i + 1;
        stack.pop_back();
        i = skipJsonSpace(t, i + 1);
        next = Next::AfterValue;
    };
    while (i < t.size()) {
        switch (next) {
            case Next::Value: {
                auto [it, added] = values_.try_emplace(pointer);
                // A repeated key is walked through (its brackets must balance) but not recorded.
                JsonTextValue* v = added ? &it->second : &discarded.emplace_back();
                if (added && !stack.empty()) stack.back().value->children.push_back(pointer);
                v->value.begin = i;
                v->key = key;
                key = {};
                const char c = t[i];
                if (c == '{' || c == '[') {
                    v->kind = c;
                    stack.push_back({v, pointer, 0});
                    i = skipJsonSpace(t, i + 1);
                    next = c == '{' ? Next::FirstMember : Next::FirstElement;
                } else {
                    v->value.end = skipJsonScalar(t, i);
                    i = skipJsonSpace(t, v->value.end);
                    next = Next::AfterValue;
                }
                break;
            }
            case Next::AfterValue: {
                if (stack.empty()) return;
                Frame& top = stack.back();
                if (t[i] == ',') {
                    i = skipJsonSpace(t, i + 1);
                    if (top.value->kind == '{') {
                        next = Next::Member;
                    } else {
                        pointer = top.pointer + "/" + std::to_string(++top.index);
                        next = Next::Value;
                    }
                } else {
                    close();
                }
                break;
            }
            case Next::FirstElement:
                if (t[i] == ']') {
                    close();
                    break;
                }
                pointer = stack.back().pointer + "/0";
                next = Next::Value;
                break;
            case Next::FirstMember:
                if (t[i] == '}') {
                    close();
                    break;
                }
                [[fallthrough]];
            case Next::Member: {
                const std::size_t keyEnd = skipJsonString(t, i);
                std::string name;
                try {
                    name = nlohmann::json::parse(t.substr(i, keyEnd - i)).get<std::string>();
                } catch (const nlohmann::json::exception&) {
                    throw std::logic_error("JSON text edit: the text is not well-formed JSON");
                }
                pointer = stack.back().pointer + "/" + pointerToken(name);
                key = {i, keyEnd};
                i = skipJsonSpace(t, keyEnd);
                if (i < t.size() && t[i] == ':') i = skipJsonSpace(t, i + 1);
                next = Next::Value;
                break;
            }
        }
    }
    if (const JsonTextValue* root = find("");
        root && root->kind == '{' && !root->children.empty()) {
        const JsonTextValue& first = *find(root->children.front());
        if (startsLine(t, first.key.begin)) {
            const std::string rootIndent = lineIndent(t, root->value.begin);
            const std::string childIndent = lineIndent(t, first.key.begin);
            if (childIndent.size() > rootIndent.size())
                unit_ = childIndent.substr(rootIndent.size());
        }
    }
}

const JsonTextValue* JsonTextIndex::find(std::string_view pointer) const {
    const auto it = values_.find(std::string(pointer));
    return it == values_.end() ? nullptr : &it->second;
}

std::string formatJsonValue(const ojson& v, std::string_view indent, std::string_view unit,
                            std::string_view nl, bool allowInline) {
    if (!v.is_structured()) return dumpScalar(v);
    if (v.empty()) return v.is_object() ? "{}" : "[]";
    if (allowInline && allScalars(v) && (v.is_array() || v.size() <= 3)) {
        std::string line = v.is_object() ? "{ " : "[";
        bool firstItem = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!firstItem) line += ", ";
            firstItem = false;
            if (v.is_object()) line += dumpScalar(ojson(it.key())) + ": ";
            line += dumpScalar(*it);
        }
        line += v.is_object() ? " }" : "]";
        if (indent.size() + line.size() <= 100) return line;
    }
    const std::string inner = std::string(indent) + std::string(unit);
    std::string out = v.is_object() ? "{" : "[";
    out += nl;
    std::size_t k = 0;
    for (auto it = v.begin(); it != v.end(); ++it, ++k) {
        out += inner;
        if (v.is_object()) out += dumpScalar(ojson(it.key())) + ": ";
        out += formatJsonValue(*it, inner, unit, nl);
        if (k + 1 < v.size()) out += ',';
        out += nl;
    }
    out += indent;
    out += v.is_object() ? '}' : ']';
    return out;
}

std::string jsonTextSet(std::string_view t, std::string_view pointer, const ojson& value) {
    const JsonTextIndex idx(t);
    if (const JsonTextValue* v = idx.find(pointer)) {
        const std::string_view old = t.substr(v->value.begin, v->value.end - v->value.begin);
        try {
            // Unchanged values keep their spelling (1.0 stays 1.0, a comment inside stays).
            if (nlohmann::json::parse(old, nullptr, true, true) ==
                nlohmann::json::parse(value.dump()))
                return std::string(t);
        } catch (const nlohmann::json::exception&) {
        }
        const std::string indent = lineIndent(t, childBegin(*v));
        return splice(
            t, v->value.begin, v->value.end,
            formatJsonValue(value, indent, idx.indentUnit(), idx.newline(), !spansLines(t, *v)));
    }
    const std::string parent = parentPointer(pointer);
    const JsonTextValue& p = need(idx, parent);
    if (p.kind == '{') return append(t, idx, p, lastToken(pointer), value);
    if (p.kind == '[' &&
        (lastToken(pointer) == "-" || lastToken(pointer) == std::to_string(p.children.size())))
        return append(t, idx, p, "", value);
    throw std::logic_error("JSON text edit: cannot set \"" + std::string(pointer) + "\"");
}

std::string jsonTextInsert(std::string_view t, std::string_view arrayPointer, std::size_t index,
                           const ojson& value) {
    const JsonTextIndex idx(t);
    const JsonTextValue& p = need(idx, arrayPointer);
    if (p.kind != '[')
        throw std::logic_error("JSON text edit: \"" + std::string(arrayPointer) +
                               "\" is not an array");
    if (index > p.children.size())
        throw std::logic_error("JSON text edit: insert index past the end");
    if (index == p.children.size()) return append(t, idx, p, "", value);
    const JsonTextValue& before = need(idx, p.children[index]);
    const std::size_t at = before.value.begin;
    const std::string indent = lineIndent(t, at);
    const std::string text =
        formatJsonValue(value, indent, idx.indentUnit(), idx.newline(), !spansLines(t, before));
    if (startsLine(t, at)) {
        const std::size_t ls = lineStart(t, at);
        return splice(t, ls, ls, indent + text + "," + idx.newline());
    }
    return splice(t, at, at, text + ", ");
}

std::string jsonTextRemove(std::string_view t, std::string_view pointer) {
    const JsonTextIndex idx(t);
    const JsonTextValue& v = need(idx, pointer);
    const JsonTextValue& p = need(idx, parentPointer(pointer));
    std::size_t pos = 0;
    while (pos < p.children.size() && p.children[pos] != pointer) ++pos;
    if (pos == p.children.size())
        throw std::logic_error("JSON text edit: \"" + std::string(pointer) +
                               "\" not in its parent");
    if (p.children.size() == 1) return splice(t, p.value.begin + 1, p.value.end - 1, "");
    const std::size_t begin = childBegin(v);
    if (pos + 1 < p.children.size()) {
        std::size_t j = skipJsonSpace(t, v.value.end);
        if (j < t.size() && t[j] == ',') ++j;
        std::size_t k = j;
        while (k < t.size() && isBlank(t[k])) ++k;
        if (startsLine(t, begin) && k < t.size() && (t[k] == '\n' || t[k] == '\r')) {
            k += t.substr(k, 2) == "\r\n" ? 2 : 1;
            return splice(t, lineStart(t, begin), k, "");
        }
        return splice(t, begin, k, "");
    }
    const JsonTextValue& prev = need(idx, p.children[pos - 1]);
    return splice(t, prev.value.end, v.value.end, "");
}

}  // namespace rapport
