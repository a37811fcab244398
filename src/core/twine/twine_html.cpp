#include "core/twine/twine_html.hpp"

#include <cctype>
#include <cstdint>
#include <utility>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/source/line_index.hpp"
#include "core/source/utf8.hpp"
#include "core/twine/twine_source.hpp"

namespace rapport {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithCi(std::string_view text, std::size_t pos, std::string_view word) {
    if (pos + word.size() > text.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(text[pos + i]) != word[i]) return false;
    return true;
}

// Case-insensitive search for a lowercase ASCII `word`.
std::size_t findCi(std::string_view text, std::string_view word, std::size_t from) {
    const char first = word[0];
    const char both[2] = {
        first, (first >= 'a' && first <= 'z') ? static_cast<char>(first - 'a' + 'A') : first};
    for (std::size_t i = from;; ++i) {
        i = text.find_first_of(std::string_view(both, 2), i);
        if (i == std::string_view::npos || i + word.size() > text.size())
            return std::string_view::npos;
        if (startsWithCi(text, i, word)) return i;
    }
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// "<name" followed by something that ends a tag name.
bool opensTag(std::string_view text, std::size_t pos, std::string_view name) {
    if (!startsWithCi(text, pos + 1, name)) return false;
    const std::size_t after = pos + 1 + name.size();
    return after >= text.size() || isSpace(text[after]) || text[after] == '>' || text[after] == '/';
}

// HTML character references may name code points UTF-8 cannot carry; show those as U+FFFD.
void appendReference(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    appendUtf8(out, cp);
}

constexpr std::pair<std::string_view, std::uint32_t> kNamed[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"laquo", 0xAB},   {"raquo", 0xBB},
    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"euro", 0x20AC},  {"deg", 0xB0},
    {"middot", 0xB7},  {"bull", 0x2022},   {"times", 0xD7},   {"shy", 0xAD},
};

// Decodes the reference at text[pos] == '&'. Returns the bytes it used (0 = not a reference).
std::size_t decodeReference(std::string_view text, std::size_t pos, std::string& out) {
    // References are short: looking further for ';' would make a file of '&' quadratic.
    const std::size_t found = text.substr(pos + 1, 12).find(';');
    if (found == std::string_view::npos || found == 0) return 0;
    const std::size_t semi = pos + 1 + found;
    const std::string_view body = text.substr(pos + 1, semi - pos - 1);
    if (body[0] == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 8) return 0;
        std::uint32_t cp = 0;
        for (const char c : digits) {
            int v;
            if (c >= '0' && c <= '9')
                v = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                v = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                v = c - 'A' + 10;
            else
                return 0;
            cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v);
        }
        appendReference(out, cp);
        return semi - pos + 1;
    }
    for (const auto& [name, cp] : kNamed)
        if (body == name) {
            appendReference(out, cp);
            return semi - pos + 1;
        }
    return 0;
}

struct Tag {
    std::string name;                                             // lowercase
    std::vector<std::pair<std::string, std::string>> attributes;  // names lowercase, values decoded
    std::size_t end = 0;                                          // just past '>'

    const std::string* attribute(std::string_view n) const {
        for (const auto& [k, v] : attributes)
            if (k == n) return &v;
        return nullptr;
    }
};

class HtmlReader {
public:
    HtmlReader(std::string_view text, const std::string& file, DiagnosticList& diags)
        : text_(text), file_(file), diags_(diags), lines_(text) {}

    std::optional<TwineStory> read();

private:
    void report(Severity s, const char* code, std::size_t offset, std::string message) {
        addTwineDiagnostic(diags_, s, code, file_, lines_.at(offset), std::move(message));
    }
    std::optional<Tag> parseTag(std::size_t lt);
    std::size_t skipRawElement(std::size_t lt, std::string_view name);
    void readStory(const Tag& storyTag, std::size_t lt);
    std::size_t readPassage(std::size_t lt);
    TwinePassage decodeText(std::size_t from, std::size_t to);

    std::string_view text_;
    const std::string& file_;
    DiagnosticList& diags_;
    LineIndex lines_;
    TwineStory story_;
    std::string startPid_;
    std::size_t pos_ = 0;  // where reading goes on after the story element
};

// Reads "<name attr=value …>" starting at text[lt] == '<'. Reports an unclosed tag.
std::optional<Tag> HtmlReader::parseTag(std::size_t lt) {
    Tag tag;
    std::size_t i = lt + 1;
    while (i < text_.size() && !isSpace(text_[i]) && text_[i] != '>' && text_[i] != '/')
        tag.name += lower(text_[i++]);
    for (;;) {
        while (i < text_.size() && (isSpace(text_[i]) || text_[i] == '/')) ++i;
        if (i >= text_.size()) break;
        if (text_[i] == '>') {
            tag.end = i + 1;
            return tag;
        }
        std::string name;
        while (i < text_.size() && !isSpace(text_[i]) && text_[i] != '=' && text_[i] != '>' &&
               text_[i] != '/')
            name += lower(text_[i++]);
        while (i < text_.size() && isSpace(text_[i])) ++i;
        std::string value;
        if (i < text_.size() && text_[i] == '=') {
            ++i;
            while (i < text_.size() && isSpace(text_[i])) ++i;
            if (i < text_.size() && (text_[i] == '"' || text_[i] == '\'')) {
                const char quote = text_[i];
                const std::size_t close = text_.find(quote, i + 1);
                if (close == std::string_view::npos) {
                    report(Severity::Error, codes::TwineMalformed, i,
                           "the value of attribute '" + name + "' of <" + tag.name +
                               "> has no closing " + (quote == '"' ? "'\"'" : "\"'\""));
                    return std::nullopt;
                }
                value = decodeHtmlEntities(text_.substr(i + 1, close - i - 1));
                i = close + 1;
            } else {
                const std::size_t start = i;
                while (i < text_.size() && !isSpace(text_[i]) && text_[i] != '>') ++i;
                value = decodeHtmlEntities(text_.substr(start, i - start));
            }
        }
        if (!name.empty()) tag.attributes.emplace_back(std::move(name), std::move(value));
    }
    report(Severity::Error, codes::TwineMalformed, lt, "<" + tag.name + "> is not closed with '>'");
    return std::nullopt;
}

// Past the end of a <script>, <style> or comment starting at `lt`; the end of the text if it
// is never closed (its content is not story data either way).
std::size_t HtmlReader::skipRawElement(std::size_t lt, std::string_view name) {
    if (name == "!--") {
        const std::size_t close = text_.find("-->", lt + 4);
        return close == std::string_view::npos ? text_.size() : close + 3;
    }
    const std::string closing = "</" + std::string(name);
    const std::size_t close = findCi(text_, closing, lt + 1);
    if (close == std::string_view::npos) return text_.size();
    const std::size_t gt = text_.find('>', close);
    return gt == std::string_view::npos ? text_.size() : gt + 1;
}

TwinePassage HtmlReader::decodeText(std::size_t from, std::size_t to) {
    TwinePassage p;
    p.lineOffsets.push_back(0);
    p.lineStarts.push_back(lines_.at(from));
    for (std::size_t i = from; i < to;) {
        const char c = text_[i];
        if (c == '&') {
            if (const std::size_t used = decodeReference(text_.substr(0, to), i, p.text)) {
                i += used;
                continue;
            }
        }
        if (c == '\r' && i + 1 < to && text_[i + 1] == '\n') {
            ++i;
            continue;
        }
        p.text += c;
        ++i;
        if (c == '\n') {
            p.lineOffsets.push_back(p.text.size());
            p.lineStarts.push_back(lines_.at(i));
        }
    }
    return p;
}

// Reads one <tw-passagedata> at `lt`; returns where reading goes on.
std::size_t HtmlReader::readPassage(std::size_t lt) {
    const auto tag = parseTag(lt);
    if (!tag) return text_.size();
    const std::size_t close = findCi(text_, "</tw-passagedata", tag->end);
    const std::string* name = tag->attribute("name");
    if (close == std::string_view::npos) {
        report(
            Severity::Error, codes::TwineMalformed, lt,
            "passage \"" + (name ? *name : std::string("?")) +
                "\" is not closed with </tw-passagedata>; it and the rest of the file are skipped");
        return text_.size();
    }
    const std::size_t gt = text_.find('>', close);
    const std::size_t next = gt == std::string_view::npos ? text_.size() : gt + 1;
    if (!name || name->empty()) {
        report(Severity::Warning, codes::TwineMalformed, lt,
               "<tw-passagedata> without a name; the passage is skipped");
        return next;
    }
    TwinePassage p = decodeText(tag->end, close);
    p.name = *name;
    p.header = lines_.at(lt);
    if (const std::string* tags = tag->attribute("tags")) {
        std::string t;
        for (const char c : *tags + " ") {
            if (isSpace(c)) {
                if (!t.empty()) p.tags.push_back(std::move(t));
                t.clear();
            } else {
                t += c;
            }
        }
    }
    if (const std::string* position = tag->attribute("position")) {
        const auto comma = position->find(',');
        try {
            if (comma != std::string::npos)
                p.mapPosition = std::pair{std::stod(position->substr(0, comma)),
                                          std::stod(position->substr(comma + 1))};
        } catch (const std::exception&) {
            // A position that is not "x,y" only loses the map layout.
        }
    }
    if (const std::string* pid = tag->attribute("pid");
        pid && story_.start.empty() && *pid == startPid_)
        story_.start = p.name;
    story_.passages.push_back(std::move(p));
    return next;
}

void HtmlReader::readStory(const Tag& storyTag, std::size_t lt) {
    const auto text = [&](std::string_view key) {
        const std::string* v = storyTag.attribute(key);
        return v ? *v : std::string();
    };
    story_.title = text("name");
    story_.ifid = text("ifid");
    story_.format = text("format");
    story_.formatVersion = text("format-version");
    story_.startDeclared = lines_.at(lt);
    startPid_ = text("startnode");
    std::size_t pos = storyTag.end;
    for (;;) {
        const std::size_t next = text_.find('<', pos);
        if (next == std::string_view::npos) {
            report(Severity::Warning, codes::TwineMalformed, lt,
                   "<tw-storydata> is not closed with </tw-storydata>; is the file cut short?");
            pos_ = text_.size();
            return;
        }
        if (startsWithCi(text_, next, "</tw-storydata")) {
            const std::size_t gt = text_.find('>', next);
            pos_ = gt == std::string_view::npos ? text_.size() : gt + 1;
            return;
        }
        if (opensTag(text_, next, "tw-passagedata")) {
            pos = readPassage(next);
        } else if (opensTag(text_, next, "script") || opensTag(text_, next, "style")) {
            const bool script = opensTag(text_, next, "script");
            const auto tag = parseTag(next);
            if (!tag) {
                pos_ = text_.size();
                return;
            }
            pos = skipRawElement(next, script ? "script" : "style");
            const std::size_t contentEnd = findCi(text_, script ? "</script" : "</style", tag->end);
            const std::string_view content = text_.substr(
                tag->end,
                (contentEnd == std::string_view::npos ? text_.size() : contentEnd) - tag->end);
            if (content.find_first_not_of(" \t\r\n") != std::string_view::npos)
                report(
                    Severity::Warning, codes::TwineNotImported, next,
                    script
                        ? "the story JavaScript is not imported: a scenario runs no scripts"
                        : "the story stylesheet is not imported: the simulator has its own look");
        } else if (startsWithCi(text_, next, "<!--")) {
            pos = skipRawElement(next, "!--");
        } else if (text_.size() > next + 1 &&
                   (std::isalpha(static_cast<unsigned char>(text_[next + 1])) ||
                    text_[next + 1] == '/')) {
            const auto tag = parseTag(next);  // <tw-tag> colours and anything else carry no story
            if (!tag) {
                pos_ = text_.size();
                return;
            }
            pos = tag->end;
        } else {
            pos = next + 1;
        }
    }
}

std::optional<TwineStory> HtmlReader::read() {
    bool found = false;
    int more = 0;
    std::size_t pos = 0;
    while (pos < text_.size()) {
        const std::size_t lt = text_.find('<', pos);
        if (lt == std::string_view::npos) break;
        if (startsWithCi(text_, lt, "<!--")) {
            pos = skipRawElement(lt, "!--");
        } else if (opensTag(text_, lt, "script")) {
            pos = skipRawElement(lt, "script");
        } else if (opensTag(text_, lt, "style")) {
            pos = skipRawElement(lt, "style");
        } else if (opensTag(text_, lt, "tw-storydata")) {
            const auto tag = parseTag(lt);
            if (!tag) break;
            if (found) {
                if (more++ == 0)
                    report(Severity::Warning, codes::TwineNotImported, lt,
                           "the file holds more than one story; only the first, \"" + story_.title +
                               "\", is imported");
                pos = tag->end;
                continue;
            }
            found = true;
            readStory(*tag, lt);
            pos = pos_;
        } else {
            pos = lt + 1;
        }
    }
    if (!found) {
        const bool twine1 = text_.find("tiddler=") != std::string_view::npos;
        addTwineDiagnostic(
            diags_, Severity::Error, codes::TwineNotAStory, file_, {1, 1},
            twine1 ? "this looks like Twine 1 HTML, which is not supported: open it in Twine 2 "
                     "and publish it again, or import its Twee source"
                   : "no <tw-storydata> element: this is not a story published from Twine 2");
        return std::nullopt;
    }
    if (story_.passages.empty()) {
        addTwineDiagnostic(diags_, Severity::Error, codes::TwineNotAStory, file_,
                           story_.startDeclared,
                           "the story \"" + story_.title + "\" has no passages");
        return std::nullopt;
    }
    return std::move(story_);
}

}  // namespace

std::string decodeHtmlEntities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '&')
            if (const std::size_t used = decodeReference(text, i, out)) {
                i += used;
                continue;
            }
        out += text[i++];
    }
    return out;
}

std::optional<TwineStory> parseTwineHtml(std::string_view text, const std::string& file,
                                         DiagnosticList& diags) {
    return HtmlReader(text, file, diags).read();
}

}  // namespace rapport
