#include "core/twine/twine_import.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/source/json_source.hpp"
#include "core/source/line_index.hpp"
#include "core/source/sha256.hpp"
#include "core/source/utf8.hpp"
#include "core/text/number_format.hpp"
#include "core/text/trainee_text.hpp"
#include "core/twine/twine_html.hpp"
#include "core/twine/twine_passage_text.hpp"
#include "core/twine/twine_source.hpp"
#include "core/twine/twine_twee.hpp"

namespace rapport {

namespace {

using nlohmann::ordered_json;

std::string lowercase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

bool endsWithCi(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && lowercase(s.substr(s.size() - suffix.size())) == suffix;
}

std::string inQuotes(std::string_view s) {
    std::string out = "\"";
    for (const char c : utf8Prefix(s, 80)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (s.size() > 80) out += "…";
    return out + "\"";
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Passages that story formats run as code or chrome rather than show as a moment of the story.
bool isSpecialPassage(const TwinePassage& p, std::string& why) {
    static const std::unordered_set<std::string> kSugarCubeNames = {
        "StoryInit",   "StoryCaption",   "StoryMenu",     "StoryBanner",       "StorySubtitle",
        "StoryAuthor", "StoryInterface", "StoryShare",    "StoryDisplayTitle", "PassageReady",
        "PassageDone", "PassageHeader",  "PassageFooter", "StorySettings",     "StoryIncludes"};
    static const std::unordered_set<std::string> kCodeTags = {
        "script", "stylesheet", "widget",        "init",         "startup",
        "header", "footer",     "debug-startup", "debug-header", "debug-footer"};
    for (const auto& t : p.tags)
        if (kCodeTags.count(t)) {
            why = "is tagged '" + t + "', so the story format runs it as code or page chrome";
            return true;
        }
    if (kSugarCubeNames.count(p.name)) {
        why = "is a special passage of the SugarCube story format";
        return true;
    }
    return false;
}

// The outcome a passage's tags ask for: "won", "lost", "partial", "escalated", or "".
std::string outcomeFromTags(const std::vector<std::string>& tags) {
    static const std::map<std::string, std::string, std::less<>> kWords = {
        {"won", "won"},
        {"win", "won"},
        {"success", "won"},
        {"succeeded", "won"},
        {"lost", "lost"},
        {"lose", "lost"},
        {"loss", "lost"},
        {"fail", "lost"},
        {"failed", "lost"},
        {"failure", "lost"},
        {"partial", "partial"},
        {"escalated", "escalated"},
        {"escalation", "escalated"},
        {"escalate", "escalated"}};
    for (const auto& tag : tags) {
        std::string t = lowercase(tag);
        for (const std::string_view prefix : {"outcome:", "ending:", "outcome-", "ending-"})
            if (t.rfind(prefix, 0) == 0) t = t.substr(prefix.size());
        if (const auto it = kWords.find(t); it != kWords.end()) return it->second;
    }
    return {};
}

std::string hintFor(const std::string& what) {
    if (what.rfind("variable", 0) == 0) return "; it stays in the text as written";
    if (what.rfind("Harlowe macro", 0) == 0)
        return "; it is removed, and a hook after it keeps its words but loses its effect";
    if (what.rfind("HTML markup", 0) == 0) return "; the tag is removed";
    return "; it is removed from the text";
}

// The first paragraph of a text, at most about 200 characters, cut at a word.
std::string firstParagraph(std::string_view text) {
    std::string_view p = text.substr(0, text.find("\n\n"));
    if (p.size() <= 200) return std::string(p);
    std::size_t cut = p.rfind(' ', 200);
    if (cut == std::string_view::npos || cut < 100) cut = 200;
    return std::string(utf8Prefix(p, cut)) + "…";
}

class Converter {
public:
    Converter(const TwineStory& story, const std::string& file, const TwineImportOptions& options,
              DiagnosticList& diags)
        : story_(story), file_(file), options_(options), diags_(diags) {}

    ordered_json run(TwineImport* counts);

private:
    void warn(const char* code, SourcePosition at, std::string message) {
        addTwineDiagnostic(diags_, Severity::Warning, code, file_, at, std::move(message));
    }
    void choosePassages();
    std::string chooseStart();
    ordered_json node(std::size_t index);
    const std::string* nodeIdFor(const std::string& target) const;

    const TwineStory& story_;
    const std::string& file_;
    const TwineImportOptions& options_;
    DiagnosticList& diags_;
    std::vector<std::size_t> imported_;                    // indexes into story_.passages
    std::vector<std::string> ids_;                         // node id of each imported passage
    std::unordered_map<std::string, std::size_t> byName_;  // passage name -> position in imported_
    std::unordered_set<std::string> skippedNames_;
    std::vector<std::string> names_;  // for did-you-mean
    std::size_t choices_ = 0, endings_ = 0, brokenLinks_ = 0;
};

void Converter::choosePassages() {
    std::unordered_set<std::string> usedIds;
    std::unordered_map<std::string, int> nextSuffix;
    for (std::size_t i = 0; i < story_.passages.size(); ++i) {
        const TwinePassage& p = story_.passages[i];
        std::string why;
        if (isSpecialPassage(p, why)) {
            warn(codes::TwineNotImported, p.header,
                 "passage " + inQuotes(p.name) + " " + why + "; it is not imported");
            skippedNames_.insert(p.name);
            continue;
        }
        if (byName_.count(p.name)) {
            const TwinePassage& first = story_.passages[imported_[byName_[p.name]]];
            warn(codes::TwineDuplicatePassage, p.header,
                 "a passage named " + inQuotes(p.name) + " already exists (line " +
                     std::to_string(first.header.line) + "); this one is not imported");
            continue;
        }
        // Stable ids: the slug of the name, and a number after it only when an earlier passage
        // already took that slug.
        const std::string slug = twineSlug(p.name);
        std::string id = slug;
        if (usedIds.count(id)) {
            int& n = nextSuffix.try_emplace(slug, 2).first->second;
            while (usedIds.count(slug + "-" + std::to_string(n))) ++n;
            id = slug + "-" + std::to_string(n++);
        }
        usedIds.insert(id);
        byName_.emplace(p.name, imported_.size());
        imported_.push_back(i);
        ids_.push_back(std::move(id));
        if (names_.size() < 2000) names_.push_back(p.name);
    }
}

const std::string* Converter::nodeIdFor(const std::string& target) const {
    auto it = byName_.find(target);
    if (it == byName_.end()) it = byName_.find(std::string(trimmed(target)));
    return it == byName_.end() ? nullptr : &ids_[it->second];
}

std::string Converter::chooseStart() {
    const TwinePassage& first = story_.passages[imported_.front()];
    std::string wanted = story_.start;
    if (wanted.empty()) {
        // Twee 3 and Twine both fall back to a passage named "Start".
        if (const std::string* id = nodeIdFor("Start")) return *id;
        warn(codes::TwineStartMissing, story_.startDeclared,
             "the story names no start passage and none is called \"Start\"; the first passage, " +
                 inQuotes(first.name) + ", is the start");
        return ids_.front();
    }
    if (const std::string* id = nodeIdFor(wanted)) return *id;
    warn(codes::TwineStartMissing, story_.startDeclared,
         "the start passage " + inQuotes(wanted) +
             (skippedNames_.count(wanted) ? " is not imported" : " does not exist") +
             "; the first passage, " + inQuotes(first.name) + ", is the start");
    return ids_.front();
}

ordered_json Converter::node(std::size_t k) {
    const TwinePassage& p = story_.passages[imported_[k]];
    const TwinePassageText content = readPassageText(p.text);
    const std::string in = "passage " + inQuotes(p.name) + ": ";

    // One warning per kind of code per passage, at its first place, keeps the list readable.
    std::map<std::string, std::pair<std::size_t, int>> kinds;  // what -> (first offset, count)
    std::vector<std::string> order;
    for (const auto& c : content.code) {
        auto [it, added] = kinds.try_emplace(c.what, c.offset, 0);
        if (added) order.push_back(c.what);
        ++it->second.second;
    }
    for (const auto& what : order) {
        const auto [offset, count] = kinds[what];
        warn(codes::TwineCode, p.positionOf(offset),
             in + what + " is story-format code and is not imported" +
                 (count > 1 ? " (" + std::to_string(count) + " times)" : std::string()) +
                 hintFor(what));
    }
    for (const auto& b : content.broken)
        warn(codes::TwineMalformed, p.positionOf(b.offset),
             in + b.what + "; check the passage in Twine");

    ordered_json n;
    n["id"] = ids_[k];
    const bool narrator = std::any_of(p.tags.begin(), p.tags.end(), [](const std::string& t) {
        return lowercase(t) == "narrator";
    });
    n["speaker"] = narrator ? "narrator" : "client";
    std::string text = content.text;
    if (text.empty()) {
        text = p.name;
        warn(codes::TwineNotImported, p.header,
             in + "no text of its own is left once links and code are taken out; the passage name "
                  "is the node's text");
    }
    n["text"] = escapeTraineeText(text);
    if (!p.tags.empty()) n["tags"] = p.tags;

    ordered_json choices = ordered_json::array();
    for (const auto& link : content.links) {
        const std::string* target = nodeIdFor(link.target);
        if (!target) {
            std::string hint;
            if (++brokenLinks_ <= 100 && !skippedNames_.count(link.target))
                hint = didYouMean(link.target, names_);
            warn(codes::TwineBrokenLink, p.positionOf(link.offset),
                 in + "link " + inQuotes(link.text) + " leads to " + inQuotes(link.target) +
                     (skippedNames_.count(link.target) ? ", a passage that is not imported"
                                                       : ", which is not a passage" + hint) +
                     "; the choice is left out");
            continue;
        }
        ordered_json c;
        c["text"] = escapeTraineeText(link.text);
        c["next"] = *target;
        choices.push_back(std::move(c));
    }
    if (!choices.empty()) {
        choices_ += choices.size();
        n["choices"] = std::move(choices);
    } else {
        ++endings_;
        std::string outcome = outcomeFromTags(p.tags);
        if (outcome.empty()) {
            outcome = "partial";
            warn(codes::TwineOutcomeGuessed, p.header,
                 in + "it has no links, so it is an ending; its outcome is set to \"partial\" — "
                      "tag the passage "
                      "won, lost, partial or escalated to say how the conversation ended");
        }
        ordered_json e;
        e["outcome"] = outcome;
        e["title"] = p.name;
        e["summary"] = firstParagraph(text);
        n["ending"] = std::move(e);
    }
    ordered_json twine;
    twine["passage"] = p.name;
    if (p.mapPosition) {
        // Twine stores whole numbers; keep them whole so the file reads as the author wrote it.
        const auto number = [](double v) -> ordered_json {
            if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
                return static_cast<std::int64_t>(v);
            return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr);
        };
        twine["position"] = {number(p.mapPosition->first), number(p.mapPosition->second)};
    }
    n["x-twine"] = std::move(twine);
    return n;
}

ordered_json Converter::run(TwineImport* counts) {
    choosePassages();
    if (imported_.empty()) {
        addTwineDiagnostic(
            diags_, Severity::Error, codes::TwineNotAStory, file_, story_.startDeclared,
            "no passage is left to import once code and special passages are set aside");
        return nullptr;
    }
    const std::string start = chooseStart();
    ordered_json nodes = ordered_json::array();
    for (std::size_t k = 0; k < imported_.size(); ++k) nodes.push_back(node(k));

    std::string title(trimmed(story_.title));
    if (title.empty()) {
        const auto slash = file_.find_last_of("/\\");
        title = file_.substr(slash == std::string::npos ? 0 : slash + 1);
        if (const auto dot = title.rfind('.'); dot != std::string::npos && dot > 0)
            title.resize(dot);
    }
    if (title.empty()) title = "Imported story";
    std::string id = options_.id;
    if (id.empty()) {
        id = twineSlug(title);
        if (id.rfind("passage-", 0) == 0) id = "imported-" + id.substr(8);
    }

    ordered_json s;
    s["format"] = "rapport-scenario/1";
    s["id"] = id;
    s["version"] = "0.1.0";
    s["title"] = title;
    s["language"] = options_.language;
    s["summary"] = "Imported from the Twine story " + inQuotes(title) +
                   ". Say in a sentence or two what situation this is and what skill it trains.";
    s["sector"] = "unspecified";
    s["difficulty"] = 1;
    s["passScore"] = 70;
    s["framework"] = options_.framework;
    s["client"] = {{"name", "Client"},
                   {"role", "Client"},
                   {"company", "Not yet described"},
                   {"description",
                    "Imported from Twine: describe who the trainee is talking to and what they "
                    "know before the conversation."}};
    s["start"] = start;
    s["nodes"] = std::move(nodes);
    ordered_json twine;
    const auto slash = file_.find_last_of("/\\");
    twine["source"] = file_.substr(slash == std::string::npos ? 0 : slash + 1);
    if (!story_.ifid.empty()) twine["ifid"] = story_.ifid;
    if (!story_.format.empty()) twine["format"] = story_.format;
    if (!story_.formatVersion.empty()) twine["format-version"] = story_.formatVersion;
    s["x-twine"] = std::move(twine);

    if (counts) {
        counts->passages = story_.passages.size();
        counts->nodes = imported_.size();
        counts->choices = choices_;
        counts->endings = endings_;
    }
    return s;
}

// Top to bottom of the file, as the validator lists them; the note that the list was cut stays
// last.
void sortKeepingCapNote(DiagnosticList& diags) {
    DiagnosticList sorted;
    const auto& items = diags.items();
    const bool capped = items.size() >= kMaxTwineDiagnostics;
    for (std::size_t i = 0; i + (capped ? 1 : 0) < items.size(); ++i) sorted.add(items[i]);
    sorted.sortByPosition();
    if (capped) sorted.add(items.back());
    diags = std::move(sorted);
}

}  // namespace

std::string twineSlug(std::string_view name) {
    std::string out;
    bool dash = false;
    for (const char ch : name) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(std::tolower(c));
            if (out.size() >= 120) break;
        } else {
            dash = true;
        }
    }
    if (out.empty()) return "passage-" + sha256Hex(name).substr(0, 8);
    return out;
}

std::string twineScenarioText(const nlohmann::ordered_json& scenario) {
    std::string text = scenario.dump(2) + "\n";
    if (text.size() > kMaxSourceBytes) text = scenario.dump() + "\n";
    return text;
}

bool isValidScenarioId(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!(alnum || (i > 0 && (c == '-' || c == '_' || c == '.')))) return false;
    }
    return true;
}

nlohmann::ordered_json twineStoryToScenario(const TwineStory& story, const std::string& name,
                                            const TwineImportOptions& options,
                                            DiagnosticList& diags, TwineImport* counts) {
    return Converter(story, name, options, diags).run(counts);
}

TwineImport importTwineText(std::string_view text, const std::string& name,
                            const TwineImportOptions& options) {
    TwineImport r;
    if (text.size() > kMaxSourceBytes) {
        // Too large is a problem of the file (exit 1 in every verb), not an unreadable file.
        addTwineDiagnostic(r.diagnostics, Severity::Error, codes::TooLarge, name, {},
                           "file is too large: " + byteSize(text.size()) + "; the limit is " +
                               byteSize(kMaxSourceBytes));
        return r;
    }
    const LineIndex lines(text);
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        addTwineDiagnostic(
            r.diagnostics, Severity::Error, codes::TwineNotAStory, name, lines.at(nul),
            "the file holds a NUL byte: it is binary, not a Twee or Twine HTML file");
        return r;
    }
    if (const auto bad = findInvalidUtf8(text)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X",
                      static_cast<unsigned>(static_cast<unsigned char>(text[bad->offset])));
        addTwineDiagnostic(r.diagnostics, Severity::Error, codes::BadUtf8, name,
                           lines.at(bad->offset),
                           std::string("invalid UTF-8 byte ") + hex +
                               "; save the file as UTF-8 (Twine always does)");
        return r;
    }
    bool html;
    if (endsWithCi(name, ".html") || endsWithCi(name, ".htm"))
        html = true;
    else if (endsWithCi(name, ".twee") || endsWithCi(name, ".tw"))
        html = false;
    else {
        const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
        html = first != std::string_view::npos && text[first] == '<';
    }
    const std::optional<TwineStory> story =
        html ? parseTwineHtml(text, name, r.diagnostics) : parseTwee(text, name, r.diagnostics);
    if (!story) return r;
    ordered_json s = twineStoryToScenario(*story, name, options, r.diagnostics, &r);
    if (!s.is_null()) r.scenario = std::move(s);
    sortKeepingCapNote(r.diagnostics);
    return r;
}

TwineImport importTwineFile(const std::string& path, const TwineImportOptions& options) {
    DiagnosticList diags;
    const std::optional<std::string> text = readSourceFile(path, diags);
    if (!text) {
        TwineImport r;
        r.unreadable = !diags.empty() && diags.items()[0].code == codes::Unreadable;
        r.diagnostics = std::move(diags);
        return r;
    }
    return importTwineText(*text, path, options);
}

}  // namespace rapport
