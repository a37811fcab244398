#include "core/twine/twine_twee.hpp"

#include <nlohmann/json.hpp>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/source/json_source.hpp"
#include "core/source/line_index.hpp"
#include "core/twine/twine_source.hpp"

namespace rapport {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (isBlank(s.front()) || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (isBlank(s.back()) || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

struct Header {
    std::string name;
    std::vector<std::string> tags;
    std::optional<std::pair<double, double>> mapPosition;
};

// "x,y" as Twine writes a passage position.
std::optional<std::pair<double, double>> parsePosition(const std::string& s) {
    const auto comma = s.find(',');
    if (comma == std::string::npos) return std::nullopt;
    try {
        std::size_t used1 = 0, used2 = 0;
        const double x = std::stod(s.substr(0, comma), &used1);
        const double y = std::stod(s.substr(comma + 1), &used2);
        if (used1 == 0 || used2 == 0) return std::nullopt;
        return std::pair{x, y};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

class TweeReader {
public:
    TweeReader(std::string_view text, const std::string& file, DiagnosticList& diags)
        : text_(text), file_(file), diags_(diags), lines_(text) {}

    std::optional<TwineStory> read();

private:
    void warn(const char* code, std::size_t offset, std::string message) {
        addTwineDiagnostic(diags_, Severity::Warning, code, file_, lines_.at(offset),
                           std::move(message));
    }
    std::optional<Header> parseHeader(std::string_view line, std::size_t lineOffset);
    void finish(TwinePassage& p, std::size_t headerOffset);
    void storyData(const TwinePassage& p, std::size_t headerOffset);

    std::string_view text_;
    const std::string& file_;
    DiagnosticList& diags_;
    LineIndex lines_;
    TwineStory story_;
    bool sawStoryData_ = false;
};

std::optional<Header> TweeReader::parseHeader(std::string_view line, std::size_t lineOffset) {
    Header h;
    std::size_t i = 2;  // past "::"
    while (i < line.size() && isBlank(line[i])) ++i;
    // The name runs to the first unescaped '[' or '{'; "\x" stands for x.
    for (; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '\\' && i + 1 < line.size()) {
            h.name += line[++i];
            continue;
        }
        if (c == '[' || c == '{') break;
        h.name += c;
    }
    h.name = std::string(trim(h.name));
    if (h.name.empty()) {
        warn(codes::TwineMalformed, lineOffset,
             "passage header without a name; the passage is skipped");
        return std::nullopt;
    }
    if (i < line.size() && line[i] == '[') {
        const std::size_t open = i;
        std::string tag;
        bool closed = false;
        for (++i; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '\\' && i + 1 < line.size()) {
                tag += line[++i];
                continue;
            }
            if (c == ']') {
                closed = true;
                ++i;
                break;
            }
            if (isBlank(c)) {
                if (!tag.empty()) h.tags.push_back(std::move(tag));
                tag.clear();
            } else {
                tag += c;
            }
        }
        if (!tag.empty()) h.tags.push_back(std::move(tag));
        if (!closed) {
            warn(codes::TwineMalformed, lineOffset + open,
                 "the tag list of passage \"" + h.name +
                     "\" is not closed with ']'; its tags are ignored");
            h.tags.clear();
            return h;
        }
        while (i < line.size() && isBlank(line[i])) ++i;
    }
    if (i < line.size() && line[i] == '{') {
        const std::string_view meta = trim(line.substr(i));
        nlohmann::json m = jsonNestingWithin(meta, 8)
                               ? nlohmann::json::parse(meta, nullptr, false)
                               : nlohmann::json(nlohmann::json::value_t::discarded);
        if (!m.is_object()) {
            warn(codes::TwineMalformed, lineOffset + i,
                 "the metadata of passage \"" + h.name + "\" is not a JSON object; it is ignored");
        } else if (const auto pos = m.find("position"); pos != m.end() && pos->is_string()) {
            h.mapPosition = parsePosition(pos->get<std::string>());
        }
    } else if (i < line.size() && !trim(line.substr(i)).empty()) {
        warn(codes::TwineMalformed, lineOffset + i,
             "unexpected text after the name of passage \"" + h.name +
                 "\"; a header is ':: Name [tags] {metadata}'");
    }
    return h;
}

void TweeReader::storyData(const TwinePassage& p, std::size_t headerOffset) {
    sawStoryData_ = true;
    story_.startDeclared = p.header;
    const std::string_view body = trim(p.text);
    nlohmann::json d = jsonNestingWithin(body, 16)
                           ? nlohmann::json::parse(body, nullptr, false)
                           : nlohmann::json(nlohmann::json::value_t::discarded);
    if (!d.is_object()) {
        warn(codes::TwineMalformed, headerOffset,
             "StoryData is not a JSON object; its start passage and IFID are ignored");
        return;
    }
    const auto text = [&](const char* key) {
        const auto it = d.find(key);
        return it != d.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    story_.start = text("start");
    story_.ifid = text("ifid");
    story_.format = text("format");
    story_.formatVersion = text("format-version");
}

// Drops trailing blank lines: Twee separates passages with them, they are not content.
void TweeReader::finish(TwinePassage& p, std::size_t headerOffset) {
    while (!p.text.empty() && (p.text.back() == '\n' || isBlank(p.text.back()))) p.text.pop_back();
    while (p.lineOffsets.size() > 1 && p.lineOffsets.back() > p.text.size()) {
        p.lineOffsets.pop_back();
        p.lineStarts.pop_back();
    }
    if (p.name == "StoryTitle") {
        story_.title = std::string(trim(p.text));
        return;
    }
    if (p.name == "StoryData") {
        storyData(p, headerOffset);
        return;
    }
    story_.passages.push_back(std::move(p));
}

std::optional<TwineStory> TweeReader::read() {
    std::size_t pos = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    std::optional<TwinePassage> current;
    std::size_t currentHeader = 0;
    while (pos <= text_.size()) {
        const std::size_t end = std::min(text_.find('\n', pos), text_.size());
        std::string_view line = text_.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.substr(0, 2) == "::") {
            if (current) finish(*current, currentHeader);
            current.reset();
            if (auto h = parseHeader(line, pos)) {
                current.emplace();
                current->name = std::move(h->name);
                current->tags = std::move(h->tags);
                current->mapPosition = h->mapPosition;
                current->header = lines_.at(pos);
                currentHeader = pos;
            }
        } else if (current) {
            SourcePosition at = lines_.at(pos);
            // "\::" at the start of a line is an escaped "::", not a header.
            if (line.substr(0, 3) == "\\::") {
                line.remove_prefix(1);
                ++at.column;
            }
            if (!current->lineOffsets.empty()) current->text += '\n';
            current->lineOffsets.push_back(current->text.size());
            current->lineStarts.push_back(at);
            current->text.append(line);
        }
        if (end == text_.size()) break;
        pos = end + 1;
    }
    if (current) finish(*current, currentHeader);
    if (story_.passages.empty()) {
        addTwineDiagnostic(diags_, Severity::Error, codes::TwineNotAStory, file_, {1, 1},
                           "no Twee passage found: a passage starts with a line ':: Name'");
        return std::nullopt;
    }
    if (!sawStoryData_) story_.startDeclared = story_.passages.front().header;
    return std::move(story_);
}

}  // namespace

bool jsonNestingWithin(std::string_view text, int limit) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

std::optional<TwineStory> parseTwee(std::string_view text, const std::string& file,
                                    DiagnosticList& diags) {
    return TweeReader(text, file, diags).read();
}

}  // namespace rapport
