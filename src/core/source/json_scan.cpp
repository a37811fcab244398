#include "core/source/json_scan.hpp"

namespace rapport {

bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skipJsonSpace(std::string_view t, std::size_t i) {
    while (i < t.size()) {
        if (isJsonSpace(t[i])) {
            ++i;
        } else if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '/') {
            i += 2;
            while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
        } else if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '*') {
            const std::size_t end = t.find("*/", i + 2);
            i = end == std::string_view::npos ? t.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}

std::size_t skipJsonString(std::string_view t, std::size_t i) {
    for (++i; i < t.size(); ++i) {
        if (t[i] == '\\') {
            ++i;
        } else if (t[i] == '"') {
            return i + 1;
        }
    }
    return t.size();
}

std::size_t skipJsonScalar(std::string_view t, std::size_t i) {
    if (i < t.size() && t[i] == '"') return skipJsonString(t, i);
    while (i < t.size() && !isJsonSpace(t[i]) && t[i] != ',' && t[i] != ']' && t[i] != '}' &&
           t[i] != '/')
        ++i;
    return i;
}

}  // namespace rapport
