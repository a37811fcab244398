#include "core/text/line_break.hpp"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "core/source/utf8.hpp"

namespace rapport {

namespace {

// One line iterator per thread (ICU iterators are not shared across threads), built once: the
// rules and data take far longer to load than a paragraph takes to segment. "lb=strict" is the
// Japanese line-breaking strictness of CSS and JIS X 4051; for Latin and Cyrillic text it
// changes nothing.
struct LineIterator {
    UBreakIterator* it = nullptr;
    LineIterator() {
        UErrorCode status = U_ZERO_ERROR;
        it = ubrk_open(UBRK_LINE, "ja@lb=strict", nullptr, 0, &status);
        if (U_FAILURE(status)) it = nullptr;
    }
    ~LineIterator() {
        if (it) ubrk_close(it);
    }
    LineIterator(const LineIterator&) = delete;
    LineIterator& operator=(const LineIterator&) = delete;
};

UBreakIterator* lineIterator() {
    thread_local LineIterator li;
    return li.it;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimEnd(std::string_view s) {
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::size_t nextCodePoint(std::string_view s, std::size_t at) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
    return at;
}

}  // namespace

std::vector<BreakOpportunity> lineBreakOpportunities(std::string_view utf8) {
    std::vector<BreakOpportunity> out;
    UBreakIterator* bi = lineIterator();
    if (!bi || utf8.empty() || findInvalidUtf8(utf8)) {
        out.push_back({utf8.size(), false});
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) {
        out.push_back({utf8.size(), false});
        return out;
    }
    ubrk_setUText(bi, text, &status);
    if (U_SUCCESS(status)) {
        // Over UTF-8 text, ICU's boundaries are byte offsets.
        for (int32_t b = ubrk_following(bi, 0); b != UBRK_DONE; b = ubrk_next(bi)) {
            const auto offset = static_cast<std::size_t>(b);
            const bool hard = ubrk_getRuleStatus(bi) >= UBRK_LINE_HARD;
            // Tailoring of UAX #14: a dash after a space stays with the word before it (Russian
            // and English typesetting put a no-break space there; authors type a plain one).
            if (!hard && offset > 0 && utf8[offset - 1] == ' ' &&
                (utf8.substr(offset, 3) == "\xE2\x80\x94" ||
                 utf8.substr(offset, 3) == "\xE2\x80\x93"))
                continue;
            // Likewise a per cent sign after a number and a space ("16 %", as Russian and the
            // interface write it): a line never starts with the sign, cut from its figure.
            if (!hard && offset > 1 && utf8[offset - 1] == ' ' && utf8[offset] == '%' &&
                utf8[offset - 2] >= '0' && utf8[offset - 2] <= '9')
                continue;
            out.push_back({offset, hard && offset < utf8.size()});
        }
    }
    // Detach the text before closing it, so the thread's iterator never points at freed memory.
    ubrk_setText(bi, nullptr, 0, &status);
    utext_close(text);
    if (out.empty() || out.back().offset != utf8.size()) out.push_back({utf8.size(), false});
    return out;
}

std::string wrapText(std::string_view utf8, float width, const TextMeasure& measure) {
    if (width <= 0 || utf8.empty()) return std::string(utf8);
    const std::vector<BreakOpportunity> ops = lineBreakOpportunities(utf8);
    std::string out;
    const auto emit = [&](std::size_t from, std::size_t to) {
        if (!out.empty()) out += '\n';
        out += trimEnd(utf8.substr(from, to - from));
    };
    std::size_t lineStart = 0;
    std::size_t lastFit = std::string_view::npos;
    for (std::size_t i = 0; i < ops.size();) {
        const BreakOpportunity& op = ops[i];
        const std::string_view piece = trimEnd(utf8.substr(lineStart, op.offset - lineStart));
        if (measure(piece) <= width) {
            lastFit = op.offset;
            if (op.mandatory || op.offset == utf8.size()) {
                emit(lineStart, op.offset);
                lineStart = op.offset;
                lastFit = std::string_view::npos;
            }
            ++i;
            continue;
        }
        if (lastFit != std::string_view::npos) {
            emit(lineStart, lastFit);
            lineStart = lastFit;
            lastFit = std::string_view::npos;
            continue;  // the same opportunity, now from the new line's start
        }
        // Nothing fits: cut the piece between characters, at least one per line.
        std::size_t cut = nextCodePoint(utf8, lineStart);
        while (cut < op.offset) {
            const std::size_t next = nextCodePoint(utf8, cut);
            if (next > op.offset || measure(utf8.substr(lineStart, next - lineStart)) > width)
                break;
            cut = next;
        }
        emit(lineStart, cut);
        lineStart = cut;
    }
    return out;
}

float widestUnbreakable(std::string_view utf8, const TextMeasure& measure) {
    float widest = 0;
    std::size_t from = 0;
    for (const BreakOpportunity& op : lineBreakOpportunities(utf8)) {
        widest = std::max(widest, measure(trimEnd(utf8.substr(from, op.offset - from))));
        from = op.offset;
    }
    return widest;
}

}  // namespace rapport
