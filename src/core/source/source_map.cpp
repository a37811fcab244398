#include "core/source/source_map.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "core/source/json_scan.hpp"
#include "core/source/json_source.hpp"
#include "core/source/line_index.hpp"
#include "core/source/utf8.hpp"

namespace rapport {

namespace {

// Decodes a JSON string's escapes into UTF-8, the same key nlohmann stores. `raw` excludes quotes.
std::string decodeString(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    const auto hex4 = [&](std::size_t i) -> unsigned {
        unsigned v = 0;
        for (std::size_t k = i; k < i + 4 && k < raw.size(); ++k) {
            const char c = raw[k];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
        }
        return v;
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        const char e = raw[++i];
        switch (e) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = hex4(i + 1);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < raw.size() + 0 && raw[i + 1] == '\\' &&
                    raw[i + 2] == 'u') {
                    const unsigned low = hex4(i + 3);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                out += e;
                break;  // \" \\ \/
        }
    }
    return out;
}

struct Frame {
    bool object;
    bool shadowed;  // inside the value of a duplicate key: earlier positions win
    std::size_t index;
    std::size_t pointerLength;
};

}  // namespace

void buildSourceMap(std::string_view t, std::size_t bom, SourceMap& map,
                    std::vector<std::string>* duplicateKeys,
                    std::vector<SourcePosition>* duplicateKeyPositions) {
    // Every value but the root follows a ',', '[' or ':', and every key a ':'; counting them
    // sizes the tables once instead of rehashing as they grow.
    std::size_t separators = 0, colons = 0;
    for (std::size_t k = bom; k < t.size(); ++k) {
        const char c = t[k];
        if (c == '"') {
            k = skipJsonString(t, k) - 1;
        } else if (c == ':') {
            ++colons;
        } else if (c == ',' || c == '[') {
            ++separators;
        }
    }
    map.reserve(separators + colons + 1, colons);

    PositionCursor cursor(t);
    std::vector<Frame> stack;
    stack.reserve(kMaxJsonDepth);
    std::string pointer;
    std::size_t i = skipJsonSpace(t, bom);

    const auto shadowed = [&] { return !stack.empty() && stack.back().shadowed; };
    const auto recordValue = [&] {
        if (shadowed() && map.hasValue(pointer)) return;
        map.setValue(pointer, cursor.at(i));
    };

    enum class Next { Value, AfterValue, FirstMember, Member, FirstElement };
    Next next = Next::Value;
    while (i < t.size()) {
        switch (next) {
            case Next::Value: {
                recordValue();
                const char c = t[i];
                if (c == '{' || c == '[') {
                    stack.push_back({c == '{', shadowed(), 0, pointer.size()});
                    i = skipJsonSpace(t, i + 1);
                    next = c == '{' ? Next::FirstMember : Next::FirstElement;
                    continue;
                }
                i = skipJsonSpace(t, skipJsonScalar(t, i));
                next = Next::AfterValue;
                continue;
            }
            case Next::AfterValue: {
                if (stack.empty()) return;
                Frame& top = stack.back();
                pointer.resize(top.pointerLength);
                if (t[i] == ',') {
                    i = skipJsonSpace(t, i + 1);
                    if (top.object) {
                        next = Next::Member;
                    } else {
                        pointer += '/';
                        pointer += std::to_string(++top.index);
                        next = Next::Value;
                    }
                } else {  // '}' or ']'
                    stack.pop_back();
                    i = skipJsonSpace(t, i + 1);
                }
                continue;
            }
            case Next::FirstElement:
                if (t[i] == ']') {
                    next = Next::AfterValue;
                    stack.pop_back();
                    i = skipJsonSpace(t, i + 1);
                    continue;
                }
                pointer += "/0";
                next = Next::Value;
                continue;
            case Next::FirstMember:
                if (t[i] == '}') {
                    next = Next::AfterValue;
                    stack.pop_back();
                    i = skipJsonSpace(t, i + 1);
                    continue;
                }
                [[fallthrough]];
            case Next::Member: {
                Frame& top = stack.back();
                const std::size_t keyStart = i;
                const std::size_t keyEnd = skipJsonString(t, i);
                const std::size_t rawEnd = keyEnd > keyStart + 1 ? keyEnd - 1 : keyEnd;
                pointer.resize(top.pointerLength);
                pointer += '/';
                pointer +=
                    pointerToken(decodeString(t.substr(keyStart + 1, rawEnd - keyStart - 1)));
                const SourcePosition keyPos = cursor.at(keyStart);
                const bool duplicate = !map.addKey(pointer, keyPos);
                if (duplicate && !top.shadowed && duplicateKeys) {
                    duplicateKeys->push_back(pointer);
                    duplicateKeyPositions->push_back(keyPos);
                }
                i = skipJsonSpace(t, keyEnd);
                if (i < t.size() && t[i] == ':') i = skipJsonSpace(t, i + 1);
                // Everything under a repeated key is recorded only where the first copy left a gap.
                const bool wasShadowed = top.shadowed;
                top.shadowed = wasShadowed || duplicate;
                if (i < t.size()) recordValue();
                top.shadowed = wasShadowed;
                if (i < t.size() && (t[i] == '{' || t[i] == '[')) {
                    const char c = t[i];
                    stack.push_back({c == '{', wasShadowed || duplicate, 0, pointer.size()});
                    i = skipJsonSpace(t, i + 1);
                    next = c == '{' ? Next::FirstMember : Next::FirstElement;
                } else {
                    i = skipJsonSpace(t, skipJsonScalar(t, i));
                    next = Next::AfterValue;
                }
                continue;
            }
        }
    }
}

namespace {

// ---- locating one pointer without the map ----------------------------------------------------

// Offset just past the value starting at `i`: a scalar, or a container up to its matching
// bracket (strings and comments inside skipped). The text was accepted by the parser.
std::size_t skipJsonValue(std::string_view t, std::size_t i) {
    if (i >= t.size()) return i;
    if (t[i] != '{' && t[i] != '[') return skipJsonScalar(t, i);
    int depth = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"') {
            i = skipJsonString(t, i);
        } else if (c == '/' && i + 1 < t.size() && (t[i + 1] == '/' || t[i + 1] == '*')) {
            i = skipJsonSpace(t, i);
        } else {
            ++i;
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i;
        }
    }
    return i;
}

// True when the raw (escaped, unquoted) key decodes to `token` (a pointer token, unescaped).
bool keyEquals(std::string_view raw, std::string_view token) {
    if (raw.find('\\') == std::string_view::npos) return raw == token;
    return decodeString(raw) == token;
}

// "~1" -> "/", "~0" -> "~".
std::string unescapeToken(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() &&
            (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

// Array indices as the map writes them: decimal without leading zeros.
std::optional<std::size_t> arrayIndex(std::string_view token) {
    if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0'))
        return std::nullopt;
    std::size_t n = 0;
    for (const char c : token) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + std::size_t(c - '0');
    }
    return n;
}

struct PointerLocation {
    std::size_t value;               // where the deepest value found on the pointer's path starts
    std::optional<std::size_t> key;  // the member's key, when the whole pointer names a member
};

// Descends the text along `pointer`, skipping every value off the path: one pass over at most
// the text before the target, and no allocation but the current token. Only valid for text
// without repeated keys (the map is built eagerly for those, keeping first occurrences).
PointerLocation locatePointer(std::string_view t, std::size_t bom, std::string_view pointer) {
    std::size_t i = skipJsonSpace(t, bom);
    PointerLocation at{i, std::nullopt};
    std::size_t from = 0;
    while (from < pointer.size() && pointer[from] == '/') {
        const std::size_t end = std::min(pointer.find('/', from + 1), pointer.size());
        const std::string token = unescapeToken(pointer.substr(from + 1, end - from - 1));
        from = end;
        if (i >= t.size()) break;
        std::size_t j = skipJsonSpace(t, i + 1);
        bool found = false;
        std::optional<std::size_t> key;
        if (t[i] == '{') {
            while (j < t.size() && t[j] == '"') {
                const std::size_t keyStart = j, keyEnd = skipJsonString(t, j);
                const bool match = keyEquals(t.substr(keyStart + 1, keyEnd - keyStart - 2), token);
                j = skipJsonSpace(t, keyEnd);
                if (j < t.size() && t[j] == ':') j = skipJsonSpace(t, j + 1);
                if (match) {
                    found = true;
                    key = keyStart;
                    break;
                }
                j = skipJsonSpace(t, skipJsonValue(t, j));
                if (j >= t.size() || t[j] != ',') break;
                j = skipJsonSpace(t, j + 1);
            }
        } else if (t[i] == '[') {
            if (const auto index = arrayIndex(token); index && j < t.size() && t[j] != ']') {
                found = true;
                for (std::size_t k = 0; k < *index && found; ++k) {
                    j = skipJsonSpace(t, skipJsonValue(t, j));
                    found = j < t.size() && t[j] == ',';
                    if (found) j = skipJsonSpace(t, j + 1);
                }
            }
        }
        if (!found) return {at.value, std::nullopt};
        i = j;
        at = {i, key};
    }
    return at;
}

}  // namespace

const SourceMap::Tables& SourceMap::tables() const {
    if (!tables_) {
        SourceMap eager;
        eager.tables_ = std::make_shared<Tables>();
        if (text_) buildSourceMap(*text_, utf8BomLength(*text_), eager, nullptr, nullptr);
        tables_ = std::move(eager.tables_);
    }
    return *tables_;
}

SourceMap::Tables& SourceMap::mutableTables() {
    if (!tables_) tables_ = std::make_shared<Tables>();
    return *tables_;
}

bool SourceMap::hasValue(std::string_view pointer) const {
    return tables().values.count(std::string(pointer)) != 0;
}
bool SourceMap::hasKey(std::string_view pointer) const {
    return tables().keys.count(std::string(pointer)) != 0;
}

SourcePosition SourceMap::valuePosition(std::string_view pointer) const {
    if (!tables_ && text_ && ++directLookups_ <= kDirectLookups)
        return positionAt(*text_, locatePointer(*text_, utf8BomLength(*text_), pointer).value);
    const auto& values = tables().values;
    std::string p(pointer);
    for (;;) {
        if (const auto it = values.find(p); it != values.end()) return it->second;
        if (p.empty()) return {};
        const auto slash = p.rfind('/');
        p.resize(slash == std::string::npos ? 0 : slash);
    }
}

SourcePosition SourceMap::keyPosition(std::string_view pointer) const {
    if (!tables_ && text_ && ++directLookups_ <= kDirectLookups) {
        const PointerLocation at = locatePointer(*text_, utf8BomLength(*text_), pointer);
        return positionAt(*text_, at.key.value_or(at.value));
    }
    const auto& keys = tables().keys;
    if (const auto it = keys.find(std::string(pointer)); it != keys.end()) return it->second;
    return valuePosition(pointer);
}

std::string pointerToken(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

}  // namespace rapport
