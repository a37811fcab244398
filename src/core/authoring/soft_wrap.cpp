#include "core/authoring/soft_wrap.hpp"

#include <vector>

namespace rapport {

namespace {

std::string_view trimEnd(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

std::size_t nextCodePoint(std::string_view s, std::size_t i) {
    if (i >= s.size()) return s.size();
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

}  // namespace

std::string stripSoftBreaks(std::string_view shown) {
    std::string out;
    out.reserve(shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (shown[i] != '\r') {
            out += shown[i];
        } else if (i + 1 < shown.size() && shown[i + 1] == '\n') {
            ++i;  // the soft break's "\n" goes with it
        }
    }
    return out;
}

std::string softWrap(std::string_view value, float width, const TextMeasure& measure) {
    std::string plainText;
    for (char c : value)
        if (c != '\r') plainText += c;
    const std::string_view plain = plainText;
    if (width <= 0 || plain.empty()) return plainText;
    const std::vector<BreakOpportunity> ops = lineBreakOpportunities(plain);
    std::string out;
    out.reserve(plain.size() + plain.size() / 16);
    std::size_t lineStart = 0;
    std::size_t lastFit = std::string_view::npos;
    const auto softBreakAt = [&](std::size_t at) {
        out.append(plain.substr(lineStart, at - lineStart));
        out.append(kSoftBreak);
        lineStart = at;
    };
    for (std::size_t i = 0; i < ops.size();) {
        const BreakOpportunity& op = ops[i];
        // Spaces at the end of a line are kept but, as on paper, not counted.
        const std::string_view piece = trimEnd(plain.substr(lineStart, op.offset - lineStart));
        if (measure(piece) <= width) {
            lastFit = op.offset;
            if (op.mandatory || op.offset == plain.size()) {
                out.append(plain.substr(lineStart, op.offset - lineStart));
                lineStart = op.offset;
                lastFit = std::string_view::npos;
            }
            ++i;
            continue;
        }
        if (lastFit != std::string_view::npos && lastFit > lineStart) {
            softBreakAt(lastFit);
            lastFit = std::string_view::npos;
            continue;
        }
        // No break fits: cut between characters, at least one per line.
        std::size_t cut = nextCodePoint(plain, lineStart);
        while (cut < op.offset) {
            const std::size_t next = nextCodePoint(plain, cut);
            if (next > op.offset || measure(plain.substr(lineStart, next - lineStart)) > width)
                break;
            cut = next;
        }
        if (cut >= op.offset) {  // the whole piece is one character: it stays
            lastFit = op.offset;
            ++i;
            if (op.mandatory || op.offset == plain.size()) {
                out.append(plain.substr(lineStart, op.offset - lineStart));
                lineStart = op.offset;
                lastFit = std::string_view::npos;
            }
            continue;
        }
        softBreakAt(cut);
    }
    if (lineStart < plain.size()) out.append(plain.substr(lineStart));
    return out;
}

std::size_t plainOffset(std::string_view shown, std::size_t at) {
    std::size_t plain = 0;
    for (std::size_t i = 0; i < shown.size() && i < at; ++i) {
        if (shown[i] == '\r') {
            if (i + 1 < shown.size() && shown[i + 1] == '\n') ++i;
            continue;
        }
        ++plain;
    }
    return plain;
}

std::size_t shownOffset(std::string_view shown, std::size_t plain) {
    std::size_t seen = 0, i = 0;
    while (i < shown.size()) {
        if (shown[i] == '\r') {
            i += (i + 1 < shown.size() && shown[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (seen == plain) return i;
        ++seen;
        ++i;
    }
    return shown.size();
}

}  // namespace rapport
