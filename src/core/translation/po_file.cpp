#include "core/translation/po_file.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/source/utf8.hpp"

namespace rapport {

bool PoEntry::fuzzy() const {
    return std::find(flags.begin(), flags.end(), "fuzzy") != flags.end();
}

void PoEntry::setFuzzy(bool on) {
    const auto it = std::find(flags.begin(), flags.end(), "fuzzy");
    if (on && it == flags.end()) flags.insert(flags.begin(), "fuzzy");
    if (!on && it != flags.end()) flags.erase(it);
}

const PoEntry* PoFile::header() const {
    for (const auto& e : entries)
        if (e.isHeader()) return &e;
    return nullptr;
}

std::string PoFile::headerField(std::string_view name) const {
    const PoEntry* h = header();
    if (!h) return {};
    std::string_view rest = h->str;
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || line.substr(0, colon) != name) continue;
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() &&
               (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
            value.remove_suffix(1);
        return std::string(value);
    }
    return {};
}

void PoFile::setHeaderField(std::string_view name, const std::string& value) {
    auto it =
        std::find_if(entries.begin(), entries.end(), [](const PoEntry& e) { return e.isHeader(); });
    if (it == entries.end()) it = entries.insert(entries.begin(), PoEntry{});
    std::string& h = it->str;
    const std::string field = std::string(name) + ": " + value + "\n";
    for (std::size_t at = 0; at < h.size();) {
        const std::size_t nl = h.find('\n', at);
        const std::size_t end = nl == std::string::npos ? h.size() : nl + 1;
        if (h.compare(at, name.size(), name) == 0 && h.size() > at + name.size() &&
            h[at + name.size()] == ':') {
            h.replace(at, end - at, field);
            return;
        }
        at = end;
    }
    if (!h.empty() && h.back() != '\n') h += '\n';
    h += field;
}

namespace {

struct LineCursor {
    std::string_view text;
    std::size_t pos = 0;
    int line = 0;
    bool next(std::string_view& out) {
        if (pos >= text.size()) return false;
        const std::size_t nl = text.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        out = text.substr(pos, end - pos);
        if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        ++line;
        return true;
    }
};

std::string_view trimLeft(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

std::string_view trim(std::string_view s) {
    s = trimLeft(s);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Decodes one quoted string `"…"` that must make up all of `s` (trimmed). Returns an error
// message instead when it is not one.
std::optional<std::string> unquote(std::string_view s, std::string& error) {
    s = trim(s);
    if (!s.empty() && s.front() == '"' && (s.size() < 2 || s.back() != '"')) {
        error = "the string is not closed: a line's string ends with \"";
        return std::nullopt;
    }
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') {
        error = "expected a quoted string";
        return std::nullopt;
    }
    s = s.substr(1, s.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            error = "a quote inside a string must be written \\\"";
            return std::nullopt;
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= s.size()) {
            error = "a string ends with a lone backslash";
            return std::nullopt;
        }
        const char e = s[i];
        switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case '\\':
                out += '\\';
                break;
            case '"':
                out += '"';
                break;
            default:
                if (e >= '0' && e <= '7') {
                    int v = 0, n = 0;
                    while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7') {
                        v = v * 8 + (s[i] - '0');
                        ++i;
                        ++n;
                    }
                    --i;
                    out += static_cast<char>(v & 0xff);
                } else if (e == 'x') {
                    int v = 0, n = 0;
                    while (i + 1 < s.size() &&
                           std::isxdigit(static_cast<unsigned char>(s[i + 1]))) {
                        const char h = s[++i];
                        v = v * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                        ++n;
                    }
                    if (n == 0) {
                        error = "\\x must be followed by hexadecimal digits";
                        return std::nullopt;
                    }
                    out += static_cast<char>(v & 0xff);
                } else {
                    error = std::string("unknown escape \\") + e;
                    return std::nullopt;
                }
        }
    }
    return out;
}

std::vector<std::string> splitFlags(std::string_view s) {
    std::vector<std::string> flags;
    while (!s.empty()) {
        const std::size_t comma = s.find(',');
        const std::string_view f = trim(s.substr(0, comma));
        if (!f.empty()) flags.emplace_back(f);
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    return flags;
}

class PoParser {
public:
    PoParser(std::string_view text, const std::string& name) : name_(name) { cursor_.text = text; }

    PoParse run() {
        if (const auto bad = findInvalidUtf8(cursor_.text)) {
            error(lineOfOffset(bad->offset), std::string("the file is not valid UTF-8 (") +
                                                 bad->reason + "); save it as UTF-8");
            return std::move(result_);
        }
        std::string_view line;
        while (cursor_.next(line)) handle(line);
        finishEntry();
        checkDuplicates();
        const std::string charset = charsetOfHeader();
        if (!charset.empty() && charset != "UTF-8" && charset != "utf-8" && charset != "CHARSET")
            error(headerLine_, "the catalogue's charset is " + charset +
                                   "; Rapport reads UTF-8 only (convert it with msgconv -t UTF-8)");
        result_.diagnostics.sortByPosition();
        return std::move(result_);
    }

private:
    enum class Target { None, Context, Id, Str, PrevContext, PrevId };

    void error(int line, std::string message) {
        result_.diagnostics.add(Diagnostic{Severity::Error, codes::PoSyntax, name_,
                                           SourcePosition{line, 1}, "", std::move(message)});
    }

    int lineOfOffset(std::size_t offset) const {
        return 1 +
               static_cast<int>(std::count(cursor_.text.begin(),
                                           cursor_.text.begin() + static_cast<long>(offset), '\n'));
    }

    void startIfNeeded() {
        if (!open_) {
            open_ = true;
            entry_ = PoEntry{};
            entry_.line = cursor_.line;
            rawLines_.clear();
            obsolete_ = false;
        }
    }

    void finishEntry() {
        if (!open_) return;
        open_ = false;
        target_ = Target::None;
        if (obsolete_) {
            result_.file.obsoleteText.push_back(joinRaw());
            return;
        }
        if (!hasId_ && !hasStr_ && !entry_.context) {
            // Comments alone (a file's opening remarks): kept with no entry.
            hasId_ = hasStr_ = false;
            return;
        }
        if (!hasId_)
            error(entry_.line, "an entry has no msgid");
        else if (!hasStr_)
            error(entry_.line, "the entry \"" + entry_.id + "\" has no msgstr");
        else {
            if (entry_.isHeader()) headerLine_ = entry_.line;
            result_.file.entries.push_back(std::move(entry_));
        }
        hasId_ = hasStr_ = false;
    }

    std::string joinRaw() const {
        std::string s;
        for (const auto& l : rawLines_) {
            s += l;
            s += '\n';
        }
        return s;
    }

    void append(Target t, const std::string& value) {
        switch (t) {
            case Target::Context:
                *entry_.context += value;
                break;
            case Target::Id:
                entry_.id += value;
                break;
            case Target::Str:
                entry_.str += value;
                break;
            case Target::PrevContext:
                *entry_.previousContext += value;
                break;
            case Target::PrevId:
                *entry_.previousId += value;
                break;
            case Target::None:
                break;
        }
    }

    bool keyword(std::string_view line, std::string_view word, std::string_view& rest) {
        if (line.substr(0, word.size()) != word) return false;
        const std::string_view after = line.substr(word.size());
        if (!after.empty() && after.front() != ' ' && after.front() != '\t' && after.front() != '"')
            return false;
        rest = after;
        return true;
    }

    void handle(std::string_view line) {
        const std::string_view t = trimLeft(line);
        if (t.empty()) {
            finishEntry();
            return;
        }
        if (t.substr(0, 2) == "#~") {
            // An obsolete entry: kept as written.
            if (open_ && (hasStr_ || hasId_) && !obsolete_) finishEntry();
            startIfNeeded();
            obsolete_ = true;
            rawLines_.emplace_back(line);
            return;
        }
        if (t.front() == '#') {
            // A comment after a complete entry starts the next one.
            if (open_ && hasStr_) finishEntry();
            startIfNeeded();
            rawLines_.emplace_back(line);
            if (obsolete_) return;
            const std::string_view body = t.substr(t.size() >= 2 ? 2 : 1);
            const char kind = t.size() >= 2 ? t[1] : ' ';
            if (kind == '.')
                entry_.extractedComments.emplace_back(trimLeft(t.substr(2)));
            else if (kind == ':')
                entry_.references.emplace_back(trimLeft(t.substr(2)));
            else if (kind == ',') {
                for (auto& f : splitFlags(t.substr(2))) entry_.flags.push_back(std::move(f));
            } else if (kind == '|')
                previous(trimLeft(t.substr(2)));
            else
                entry_.translatorComments.emplace_back(kind == ' ' ? body : t.substr(1));
            return;
        }
        std::string_view rest;
        std::string err;
        if (t.front() == '"') {
            if (!open_ || target_ == Target::None) {
                error(cursor_.line,
                      "a string continues nothing (it must follow msgid, msgstr or msgctxt)");
                return;
            }
            rawLines_.emplace_back(line);
            if (auto v = unquote(t, err))
                append(target_, *v);
            else
                error(cursor_.line, err);
            return;
        }
        if (keyword(t, "msgid_plural", rest) || t.substr(0, 7) == "msgstr[") {
            error(cursor_.line,
                  "plural forms (msgid_plural, msgstr[N]) are not used in scenario catalogues");
            target_ = Target::None;
            return;
        }
        if (keyword(t, "msgctxt", rest)) {
            if (open_ && (hasId_ || entry_.context)) finishEntry();
            startIfNeeded();
            rawLines_.emplace_back(line);
            entry_.context = std::string();
            target_ = Target::Context;
        } else if (keyword(t, "msgid", rest)) {
            if (open_ && hasId_) finishEntry();
            startIfNeeded();
            rawLines_.emplace_back(line);
            hasId_ = true;
            target_ = Target::Id;
        } else if (keyword(t, "msgstr", rest)) {
            if (!open_ || !hasId_ || hasStr_) {
                error(cursor_.line, "msgstr without a msgid before it");
                target_ = Target::None;
                return;
            }
            rawLines_.emplace_back(line);
            hasStr_ = true;
            target_ = Target::Str;
        } else {
            error(cursor_.line, "expected msgctxt, msgid, msgstr, a comment or a quoted string");
            return;
        }
        if (auto v = unquote(rest, err))
            append(target_, *v);
        else
            error(cursor_.line, err);
    }

    void previous(std::string_view t) {
        std::string_view rest;
        std::string err;
        Target target = Target::None;
        if (keyword(t, "msgctxt", rest)) {
            entry_.previousContext = std::string();
            target = Target::PrevContext;
        } else if (keyword(t, "msgid", rest)) {
            entry_.previousId = std::string();
            target = Target::PrevId;
        } else if (!t.empty() && t.front() == '"') {
            target = prevTarget_;
            rest = t;
        } else {
            return;  // "#| msgid_plural" and the like: only informative
        }
        prevTarget_ = target;
        if (target == Target::None) return;
        if (auto v = unquote(rest, err))
            append(target, *v);
        else
            error(cursor_.line, err);
    }

    void checkDuplicates() {
        std::map<std::pair<std::string, std::string>, int> seen;
        for (const auto& e : result_.file.entries) {
            const auto key = std::make_pair(e.context ? "\x04" + *e.context : std::string(), e.id);
            if (auto [it, fresh] = seen.emplace(key, e.line); !fresh)
                error(e.line, "this entry repeats the one on line " + std::to_string(it->second) +
                                  (e.context ? " (same msgctxt \"" + *e.context + "\")" : ""));
        }
    }

    std::string charsetOfHeader() const {
        const std::string type = result_.file.headerField("Content-Type");
        const std::size_t at = type.find("charset=");
        if (at == std::string::npos) return {};
        return std::string(trim(std::string_view(type).substr(at + 8)));
    }

    const std::string& name_;
    LineCursor cursor_;
    PoParse result_;
    PoEntry entry_;
    bool open_ = false, hasId_ = false, hasStr_ = false, obsolete_ = false;
    Target target_ = Target::None;
    Target prevTarget_ = Target::None;
    std::vector<std::string> rawLines_;
    int headerLine_ = 0;
};

void writeKeyword(std::string& out, std::string_view prefix, std::string_view keyword,
                  std::string_view value) {
    out += prefix;
    out += keyword;
    out += ' ';
    // Split after each "\n" that is not the last character, as msgmerge --no-wrap does.
    std::vector<std::string_view> pieces;
    std::size_t from = 0;
    for (std::size_t nl = value.find('\n'); nl != std::string_view::npos && nl + 1 < value.size();
         nl = value.find('\n', from)) {
        pieces.push_back(value.substr(from, nl + 1 - from));
        from = nl + 1;
    }
    if (pieces.empty()) {
        out += poQuote(value);
        out += '\n';
        return;
    }
    pieces.push_back(value.substr(from));
    out += "\"\"\n";
    for (const auto piece : pieces) {
        if (piece.empty()) continue;
        out += prefix;
        out += poQuote(piece);
        out += '\n';
    }
}

}  // namespace

PoParse parsePo(std::string_view text, const std::string& name) {
    return PoParser(text, name).run();
}

std::string poQuote(std::string_view text) {
    std::string out = "\"";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    const char oct[] = {'\\', static_cast<char>('0' + ((c >> 6) & 7)),
                                        static_cast<char>('0' + ((c >> 3) & 7)),
                                        static_cast<char>('0' + (c & 7)), 0};
                    out += oct;
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
    return out;
}

std::string writePo(const PoFile& file) {
    std::string out;
    bool first = true;
    for (const auto& e : file.entries) {
        if (!first) out += '\n';
        first = false;
        for (const auto& c : e.translatorComments) out += c.empty() ? "#\n" : "# " + c + "\n";
        for (const auto& c : e.extractedComments) out += "#. " + c + "\n";
        for (const auto& c : e.references) out += "#: " + c + "\n";
        if (!e.flags.empty()) {
            out += "#,";
            for (std::size_t i = 0; i < e.flags.size(); ++i) out += (i ? ", " : " ") + e.flags[i];
            out += '\n';
        }
        if (e.previousContext) writeKeyword(out, "#| ", "msgctxt", *e.previousContext);
        if (e.previousId) writeKeyword(out, "#| ", "msgid", *e.previousId);
        if (e.context) writeKeyword(out, "", "msgctxt", *e.context);
        writeKeyword(out, "", "msgid", e.id);
        writeKeyword(out, "", "msgstr", e.str);
    }
    for (const auto& o : file.obsoleteText) {
        out += '\n';
        out += o;
    }
    return out;
}

}  // namespace rapport
