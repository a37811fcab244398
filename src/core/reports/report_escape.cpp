#include "core/reports/report_escape.hpp"

namespace rapport {

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string csvField(std::string_view text) {
    std::string cell;
    bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                                     text[0] == '@' || text[0] == '\t' || text[0] == '\r');
    if (formula) cell += '\'';
    cell += text;
    bool quote = formula || cell.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) return cell;
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace rapport
