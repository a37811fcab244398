#include "core/twine/twine_passage_text.hpp"

#include <algorithm>
#include <cctype>

#include "core/source/utf8.hpp"

namespace rapport {

namespace {

// Harlowe hooks nested deeper than this keep their brackets; it bounds the forward scans.
constexpr std::size_t kMaxHookDepth = 64;

bool isAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// A short one-line quote of code for a message.
std::string excerpt(std::string_view code) {
    std::string out;
    for (const char c : utf8Prefix(code, 48))
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (code.size() > 48) out += "…";
    return out;
}

bool startsWithCi(std::string_view text, std::size_t pos, std::string_view word) {
    if (pos + word.size() > text.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[pos + i])) != word[i]) return false;
    return true;
}

std::size_t findCi(std::string_view text, std::string_view word, std::size_t from) {
    for (std::size_t i = text.find('<', from); i != std::string_view::npos;
         i = text.find('<', i + 1))
        if (startsWithCi(text, i, word)) return i;
    return std::string_view::npos;
}

// Index of the ']' closing the '[' at `open`, or npos. Each scan spends from `budget`, so
// many unclosed hooks cannot make reading quadratic: past it, hooks keep their brackets.
std::size_t matchingBracket(std::string_view text, std::size_t open, std::size_t& budget) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (budget == 0) return std::string_view::npos;
        --budget;
        if (text[i] == '[')
            ++depth;
        else if (text[i] == ']' && --depth == 0)
            return i;
    }
    return std::string_view::npos;
}

// Index of the ')' closing the Harlowe macro opened at `open`, skipping quoted strings.
std::size_t matchingParen(std::string_view text, std::size_t open) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

TwineLink parseLink(std::string_view inner, std::size_t offset) {
    std::string_view text = inner, target = inner;
    if (const auto arrow = inner.rfind("->"); arrow != std::string_view::npos) {
        text = inner.substr(0, arrow);
        target = inner.substr(arrow + 2);
    } else if (const auto back = inner.find("<-"); back != std::string_view::npos) {
        target = inner.substr(0, back);
        text = inner.substr(back + 2);
    } else if (const auto bar = inner.find('|'); bar != std::string_view::npos) {
        text = inner.substr(0, bar);
        target = inner.substr(bar + 1);
    }
    return {std::string(trimmed(text)), std::string(target), offset};
}

// A Chapbook modifier: a line that is just "[word …]", e.g. "[if trust > 2]" or "[continue]".
bool isChapbookModifier(std::string_view line) {
    line = trimmed(line);
    return line.size() >= 3 && line.front() == '[' && line.back() == ']' && isAlpha(line[1]) &&
           line.substr(1, line.size() - 2).find_first_of("[]") == std::string_view::npos;
}

struct Span {
    std::size_t begin, end;
};

// Lines that only hold links (and list marks or punctuation) are the menu of replies, not
// speech: drop them. Collapse runs of blanks and blank lines left by removed code.
std::string tidy(const std::string& out, const std::vector<Span>& linkSpans) {
    std::string result;
    std::size_t span = 0;
    int blankLines = 0;
    for (std::size_t pos = 0; pos <= out.size();) {
        const std::size_t end = std::min(out.find('\n', pos), out.size());
        bool hasLink = false, hasWords = false;
        for (std::size_t i = pos; i < end; ++i) {
            while (span < linkSpans.size() && linkSpans[span].end <= i) ++span;
            if (span < linkSpans.size() && linkSpans[span].begin <= i) {
                hasLink = true;
                continue;
            }
            const unsigned char c = static_cast<unsigned char>(out[i]);
            if (!std::isspace(c) && !std::ispunct(c)) hasWords = true;
        }
        const bool menuLine = hasLink && !hasWords;
        std::string line;
        if (!menuLine) {
            bool space = false;
            for (std::size_t i = pos; i < end; ++i) {
                const char c = out[i];
                if (c == ' ' || c == '\t' || c == '\r') {
                    space = !line.empty();
                    continue;
                }
                if (space) line += ' ';
                space = false;
                line += c;
            }
        }
        if (menuLine) {
            // Gone without a trace: it must not split the text around it into paragraphs.
        } else if (line.empty()) {
            ++blankLines;
        } else {
            if (!result.empty()) result += blankLines > 0 ? "\n\n" : "\n";
            result += line;
            blankLines = 0;
        }
        if (end == out.size()) break;
        pos = end + 1;
    }
    return result;
}

}  // namespace

TwinePassageText readPassageText(std::string_view text) {
    TwinePassageText r;
    std::string out;
    std::vector<Span> linkSpans;
    std::vector<std::size_t> hookCloses;  // ']' of Harlowe hooks to drop; innermost last
    const auto code = [&](std::size_t at, std::string what) {
        r.code.push_back({at, std::move(what)});
    };
    bool lineStart = true;
    std::size_t bracketBudget = 4 * text.size() + 4096;

    std::size_t i = 0;
    while (i < text.size()) {
        if (!hookCloses.empty() && hookCloses.back() == i) {
            hookCloses.pop_back();
            ++i;
            continue;
        }
        const char c = text[i];
        if (lineStart) {
            lineStart = false;
            const std::size_t eol = std::min(text.find('\n', i), text.size());
            if (isChapbookModifier(text.substr(i, eol - i))) {
                code(i, "Chapbook modifier " + excerpt(trimmed(text.substr(i, eol - i))));
                i = eol;
                continue;
            }
        }
        if (c == '\n') {
            out += c;
            lineStart = true;
            ++i;
            continue;
        }
        if (text.compare(i, 5, "[img[") == 0 || text.compare(i, 6, "[<img[") == 0 ||
            text.compare(i, 6, "[>img[") == 0) {
            const std::size_t close = text.find("]]", i);
            if (close == std::string_view::npos) {
                r.broken.push_back({i, "image link without \"]]\""});
                break;
            }
            code(i, "SugarCube image link " + excerpt(text.substr(i, close + 2 - i)));
            i = close + 2;
            continue;
        }
        if (text.compare(i, 2, "[[") == 0) {
            const std::size_t close = text.find("]]", i + 2);
            if (close == std::string_view::npos) {
                r.broken.push_back({i, "link \"" + excerpt(text.substr(i)) + "\" without \"]]\""});
                out.append(text.substr(i));
                break;
            }
            std::string_view inner = text.substr(i + 2, close - i - 2);
            if (const auto setter = inner.find("]["); setter != std::string_view::npos) {
                code(i, "SugarCube link setter [" + excerpt(inner.substr(setter + 2)) + "]");
                inner = inner.substr(0, setter);
            }
            TwineLink link = parseLink(inner, i);
            if (trimmed(link.target).empty()) {
                r.broken.push_back({i, "link \"" + excerpt(text.substr(i, close + 2 - i)) +
                                           "\" names no passage"});
            } else {
                if (link.text.empty()) link.text = std::string(trimmed(link.target));
                const std::size_t begin = out.size();
                out += link.text;
                linkSpans.push_back({begin, out.size()});
                r.links.push_back(std::move(link));
            }
            // A hook's closing ']' right after "]]" must still be seen.
            i = close + 2;
            continue;
        }
        if (text.compare(i, 2, "<<") == 0) {
            const std::size_t close = text.find(">>", i + 2);
            std::size_t n = i + 2 + (i + 2 < text.size() && text[i + 2] == '/' ? 1 : 0);
            std::size_t e = n;
            while (e < text.size() && isWordChar(text[e])) ++e;
            const std::string name = std::string(text.substr(i + 2, e - i - 2));
            if (close == std::string_view::npos) {
                r.broken.push_back({i, "macro <<" + name + " without \">>\""});
                break;
            }
            code(i, "SugarCube macro <<" + name + ">>");
            i = close + 2;
            continue;
        }
        if (c == '(' && i + 1 < text.size() && isAlpha(text[i + 1])) {
            std::size_t e = i + 1;
            while (e < text.size() && isWordChar(text[e])) ++e;
            if (e < text.size() && text[e] == ':') {
                const std::string name = std::string(text.substr(i + 1, e - i - 1));
                const std::size_t close = matchingParen(text, i);
                if (close == std::string_view::npos) {
                    r.broken.push_back({i, "macro (" + name + ": without \")\""});
                    break;
                }
                code(i, "Harlowe macro (" + name + ":)");
                i = close + 1;
                // The hook it governs: keep its words, drop its brackets.
                if (i < text.size() && text[i] == '[' && hookCloses.size() < kMaxHookDepth) {
                    const std::size_t hookClose = matchingBracket(text, i, bracketBudget);
                    if (hookClose != std::string_view::npos &&
                        (hookCloses.empty() || hookClose < hookCloses.back())) {
                        hookCloses.push_back(hookClose);
                        ++i;
                    }
                }
                continue;
            }
        }
        if (c == '<' && (startsWithCi(text, i, "<script") || startsWithCi(text, i, "<style"))) {
            const bool script = startsWithCi(text, i, "<script");
            const std::size_t close = findCi(text, script ? "</script" : "</style", i + 1);
            const std::size_t gt =
                close == std::string_view::npos ? std::string_view::npos : text.find('>', close);
            code(i, script ? "<script> element" : "<style> element");
            if (gt == std::string_view::npos) break;
            i = gt + 1;
            continue;
        }
        if (text.compare(i, 2, "<%") == 0) {
            const std::size_t close = text.find("%>", i + 2);
            if (close == std::string_view::npos) {
                r.broken.push_back({i, "Snowman code \"<%\" without \"%>\""});
                break;
            }
            code(i, "Snowman code " + excerpt(text.substr(i, close + 2 - i)));
            i = close + 2;
            continue;
        }
        if (c == '<' && i + 1 < text.size() &&
            (isAlpha(text[i + 1]) ||
             (text[i + 1] == '/' && i + 2 < text.size() && isAlpha(text[i + 2])))) {
            // An HTML tag on one line: formatting the simulator does not render. <br> keeps its
            // break.
            const std::size_t gt = text.find_first_of(">\n<", i + 1);
            if (gt != std::string_view::npos && text[gt] == '>' && gt - i <= 256) {
                std::size_t e = i + 1 + (text[i + 1] == '/' ? 1 : 0);
                std::size_t s = e;
                while (e < text.size() && std::isalnum(static_cast<unsigned char>(text[e]))) ++e;
                std::string name(text.substr(s, e - s));
                std::transform(name.begin(), name.end(), name.begin(),
                               [](unsigned char ch) { return char(std::tolower(ch)); });
                if (name == "br")
                    out += '\n';
                else
                    code(i, "HTML markup <" + name + ">");
                i = gt + 1;
                continue;
            }
        }
        if (c == '{' && i + 1 < text.size() && isAlpha(text[i + 1])) {
            const std::size_t close =
                text.substr(0, std::min(text.size(), i + 256)).find_first_of("}\n", i + 1);
            if (close != std::string_view::npos && text[close] == '}') {
                code(i, "Chapbook insert " + excerpt(text.substr(i, close + 1 - i)));
                i = close + 1;
                continue;
            }
        }
        if (c == '$' && i + 1 < text.size() && (isAlpha(text[i + 1]) || text[i + 1] == '_')) {
            // SugarCube and Harlowe print a "naked" $variable; a scenario has no text values.
            std::size_t e = i + 1;
            while (e < text.size() &&
                   (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_'))
                ++e;
            code(i, "variable " + std::string(text.substr(i, e - i)));
            out.append(text.substr(i, e - i));
            i = e;
            continue;
        }
        out += c;
        ++i;
    }
    r.text = tidy(out, linkSpans);
    return r;
}

}  // namespace rapport
