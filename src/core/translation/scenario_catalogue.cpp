#include "core/translation/scenario_catalogue.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/authoring/json_text_edit.hpp"
#include "core/authoring/json_text_splice.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/source/utf8.hpp"

namespace rapport {

namespace {

// A quote of another text for a one-line translator note: control characters and line breaks
// become spaces (a note is one "#." line), long texts are cut on a character boundary.
std::string quoteForNote(std::string_view text) {
    constexpr std::size_t kMax = 160;
    std::string flat;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        flat += c < 0x20 || c == 0x7f ? ' ' : ch;
    }
    if (flat.size() <= kMax) return "«" + flat + "»";
    return "«" + std::string(utf8Prefix(flat, kMax)) + "…»";
}

std::string lengthNote(std::string_view text) {
    return "Source length: " + std::to_string(codePointCount(text)) + " characters";
}

class StringCollector {
public:
    explicit StringCollector(const Scenario& s) : s_(s) {
        // The first reply that leads to each node: "the line before" a client's line.
        for (const auto& n : s.nodes)
            for (const auto& c : n.choices)
                if (c.next >= 0) firstReplyInto_.try_emplace(c.next, &c);
    }

    std::vector<ScenarioString> run() {
        add("title", "/title", s_.title, {"The scenario's title, shown in the library"});
        add("summary", "/summary", s_.summary, {"One or two sentences for the library card"});
        add("sector", "/sector", s_.sector, {"The business setting, shown on the library card"});
        add("client/name", "/client/name", s_.client.name,
            {"The client's name as the trainee addresses them (keep it a name of the story's "
             "country)"});
        add("client/role", "/client/role", s_.client.role, {"The client's job title"});
        add("client/company", "/client/company", s_.client.company,
            {"The client's company and a few words about it"});
        add("client/description", "/client/description", s_.client.description,
            {"The briefing the trainee reads before the conversation"});
        for (std::size_t i = 0; i < s_.meters.size(); ++i) {
            const auto& m = s_.meters[i];
            const std::string var =
                m.variable >= 0 ? s_.variables[static_cast<std::size_t>(m.variable)].id : "";
            add("meter/" + var + "/label", "/meters/" + std::to_string(i) + "/label", m.label,
                {"The label of the bar that shows " + var + " (one or two words)"});
        }
        for (const auto& v : s_.variables)
            add("variable/" + v.id + "/label", "/variables/" + v.id + "/label", v.label,
                {"The name of a deal term on the client card, e.g. Discount (one or two words)"});
        for (const auto& c : s_.speakers) {
            add("speaker/" + c.id + "/name", c.pointer + "/name", c.name,
                {"The name of a person in the scene besides the client"});
            add("speaker/" + c.id + "/role", c.pointer + "/role", c.role,
                {"The job title of " + c.name});
        }
        for (const auto& d : s_.documents) {
            add("document/" + d.id + "/title", d.pointer + "/title", d.title,
                {std::string("The title of a document the trainee reads (") +
                 documentKindName(d.kind) + ")"});
            add("document/" + d.id + "/text", d.pointer + "/text", d.text,
                {"A document the trainee reads during the conversation; keep figures, limits and "
                 "dates exactly; paragraphs are separated by a blank line"});
        }
        for (std::size_t i = 0; i < s_.nodes.size(); ++i) node(static_cast<int>(i));
        for (const auto& l : s_.letters) letter(l);
        for (const auto& a : s_.alternates) alternate(a);
        return std::move(out_);
    }

private:
    void add(std::string context, std::string pointer, const std::string& text,
             std::vector<std::string> notes) {
        if (text.empty()) return;
        notes.push_back(lengthNote(text));
        ScenarioString s{std::move(context), pointer, text, std::move(notes), 0};
        s.line = s_.sourceMap.valuePosition(pointer).line;
        out_.push_back(std::move(s));
    }

    std::string speakerNote(const Node& n) const {
        if (n.speaker == Speaker::Narrator)
            return "Narration: describes what happens, not spoken by anyone";
        if (n.speaker == Speaker::Cast && n.cast >= 0 &&
            static_cast<std::size_t>(n.cast) < s_.speakers.size()) {
            const CastMember& c = s_.speakers[static_cast<std::size_t>(n.cast)];
            return "Spoken by " + c.name + (c.role.empty() ? "" : " (" + c.role + ")");
        }
        return "Spoken by the client, " + s_.client.name +
               (s_.client.role.empty() ? "" : " (" + s_.client.role + ")");
    }

    void letter(const Letter& l) {
        const auto at = s_.findNode(l.node);
        if (!at) return;
        const std::string p = s_.nodes[static_cast<std::size_t>(*at)].pointer + "/compose";
        const std::string base = "node/" + l.node + "/compose";
        add(base + "/to", p + "/to", l.to, {"The addressee line of a message the trainee writes"});
        add(base + "/subject", p + "/subject", l.subject,
            {"The subject line of a message the trainee writes"});
        for (std::size_t k = 0; k < l.labels.size(); ++k)
            add(base + "/part/" + std::to_string(k + 1) + "/label",
                p + "/parts/" + std::to_string(k) + "/label", l.labels[k],
                {"The heading of one part of the message the trainee assembles (\"Opening\")"});
    }

    // An alternate's texts are translated with the scenario, so a localised scenario keeps its
    // alternate forms in the reader's language. Their id is the alternate's, then the text's.
    void alternate(const Alternate& a) {
        const std::string base = "alternate/" + a.id;
        add(base + "/name", a.pointer + "/name", a.name,
            {"The name of an alternate form of the scenario (the client's personality on a "
             "retake), shown to trainers in reports"});
        for (const auto& t : a.texts)
            add(base + "/" + t.stringId, t.pointer, t.text,
                {"In the alternate form \"" + a.name + "\": replaces the text " + t.stringId +
                 "; keep the facts and the behaviour the reply shows, change only the "
                 "personality"});
    }

    void node(int index) {
        const Node& n = s_.nodes[static_cast<std::size_t>(index)];
        const std::string base = "node/" + n.id;
        // The later parts of a written reply repeat the compose node's line: only their
        // paragraph options are theirs.
        if (n.compose && n.compose->part > 0) {
            for (const Choice& c : n.choices) choice(n, c);
            return;
        }
        std::vector<std::string> lineNotes = {speakerNote(n)};
        if (const auto it = firstReplyInto_.find(index); it != firstReplyInto_.end())
            lineNotes.push_back("After the trainee's reply " + quoteForNote(it->second->text));
        if (n.isEnding()) {
            const Ending& e = *n.ending;
            add(base + "/text", n.pointer + "/text", n.text, lineNotes);
            const std::string outcome = outcomeName(e.outcome);
            add(base + "/ending/title", n.pointer + "/ending/title", e.title,
                {"Ending (" + outcome + "): the headline of the debrief"});
            add(base + "/ending/summary", n.pointer + "/ending/summary", e.summary,
                {"Ending (" + outcome + "): what happened and why, shown in the debrief"});
            return;
        }
        add(base + "/text", n.pointer + "/text", n.text, lineNotes);
        for (std::size_t v = 0; v < n.variants.size(); ++v) {
            auto notes = lineNotes;
            notes.insert(notes.begin() + 1, "Shown instead of the node's line " +
                                                quoteForNote(n.text) +
                                                " when the conversation went a certain way");
            add(base + "/variant/" + std::to_string(v + 1) + "/text",
                n.pointer + "/variants/" + std::to_string(v) + "/text", n.variants[v].text,
                std::move(notes));
        }
        for (const Choice& c : n.choices) choice(n, c);
    }

    void choice(const Node& n, const Choice& c) {
        const std::string base = "node/" + n.id + "/choice/" + c.id;
        std::vector<std::string> notes = {
            "The trainee's reply (one of several offered at this moment)",
            "Line before: " + quoteForNote(n.text)};
        if (!c.evidence.empty()) {
            std::string ev = "Evidence of: ";
            for (std::size_t i = 0; i < c.evidence.size(); ++i)
                ev += (i ? ", " : "") + c.evidence[i].indicator;
            notes.push_back(ev + " (keep the behaviour, not only the words)");
        }
        notes.push_back(
            "Keep replies of one moment similar in length: length must not give the "
            "answer away");
        add(base + "/text", c.pointer + "/text", c.text, std::move(notes));
        add(base + "/feedback", c.pointer + "/feedback", c.feedback,
            {"Feedback shown in practice mode after the reply " + quoteForNote(c.text)});
        for (std::size_t i = 0; i < c.evidence.size(); ++i)
            add(base + "/evidence/" + std::to_string(i + 1) + "/note",
                c.pointer + "/evidence/" + std::to_string(i) + "/note", c.evidence[i].note,
                {"Trainer's note on the evidence " + c.evidence[i].indicator +
                 ", shown in reports"});
    }

    const Scenario& s_;
    std::unordered_map<int, const Choice*> firstReplyInto_;
    std::vector<ScenarioString> out_;
};

bool isCatalogueEntry(const PoEntry& e) { return !e.isHeader(); }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// "ru_RU" (gettext's spelling) and "ru-RU" name the same language; the scenario uses BCP 47.
std::string bcp47(std::string tag) {
    std::replace(tag.begin(), tag.end(), '_', '-');
    const std::size_t at = tag.find('@');
    if (at != std::string::npos) tag.resize(at);
    return tag;
}

std::string primarySubtag(const std::string& tag) { return lower(tag.substr(0, tag.find('-'))); }

void addDiag(DiagnosticList& d, Severity sev, const char* code, const std::string& file, int line,
             std::string message) {
    d.add(Diagnostic{sev, code, file, SourcePosition{line, line > 0 ? 1 : 0}, "",
                     std::move(message)});
}

}  // namespace

std::string catalogueLanguage(const PoFile& po) { return bcp47(po.headerField("Language")); }

std::vector<ScenarioString> scenarioStrings(const Scenario& scenario) {
    return StringCollector(scenario).run();
}

PoFile scenarioCatalogue(const Scenario& scenario, const std::string& language,
                         const std::string& reference) {
    PoFile po;
    PoEntry header;
    header.translatorComments = {
        "Translation of the Rapport scenario \"" + scenario.title + "\" (" + scenario.id + ").",
        "Translate msgstr only; msgctxt is the text's id. See docs/translation.md."};
    header.str = "Project-Id-Version: " + scenario.id + " " + scenario.version +
                 "\n"
                 "Language: " +
                 language +
                 "\n"
                 "PO-Revision-Date: \n"
                 "Last-Translator: \n"
                 "Language-Team: \n"
                 "MIME-Version: 1.0\n"
                 "Content-Type: text/plain; charset=UTF-8\n"
                 "Content-Transfer-Encoding: 8bit\n"
                 "X-Rapport-Scenario: " +
                 scenario.id +
                 "\n"
                 "X-Rapport-Source-Language: " +
                 scenario.language + "\n";
    po.entries.push_back(std::move(header));
    for (auto& s : scenarioStrings(scenario)) {
        PoEntry e;
        e.extractedComments = std::move(s.notes);
        if (s.line > 0) e.references.push_back(reference + ":" + std::to_string(s.line));
        e.context = std::move(s.context);
        e.id = std::move(s.text);
        po.entries.push_back(std::move(e));
    }
    return po;
}

Reconciled reconcileByContext(PoFile& merged, const PoFile& previous) {
    Reconciled r;
    std::map<std::string, const PoEntry*> old;
    for (const auto& e : previous.entries)
        if (e.context) old.emplace(*e.context, &e);
    std::map<std::string, bool> present;
    for (auto& e : merged.entries) {
        if (!e.context) continue;
        present[*e.context] = true;
        if (e.fuzzy() && e.previousContext && *e.previousContext != *e.context) {
            e.setFuzzy(false);
            e.previousContext.reset();
            e.previousId.reset();
            e.str.clear();
            ++r.droppedGuesses;
        }
        if (!e.str.empty()) continue;
        const auto it = old.find(*e.context);
        if (it == old.end() || it->second->str.empty() || it->second->id == e.id) continue;
        const PoEntry& was = *it->second;
        e.str = was.str;
        e.setFuzzy(true);
        e.previousContext = *e.context;
        // A translation already fuzzy was made from its own previous text.
        e.previousId = was.fuzzy() && was.previousId ? *was.previousId : was.id;
        ++r.recovered;
    }
    // msgmerge kept the old text as an obsolete entry; it now lives on as the previous text.
    std::erase_if(merged.obsoleteText, [&](const std::string& block) {
        std::string plain;
        for (std::size_t at = 0; at < block.size();) {
            const std::size_t nl = block.find('\n', at);
            std::string_view line(block.data() + at,
                                  (nl == std::string::npos ? block.size() : nl) - at);
            at = nl == std::string::npos ? block.size() : nl + 1;
            if (line.rfind("#~", 0) == 0) {
                line.remove_prefix(2);
                if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
                plain.append(line);
                plain += '\n';
            }
        }
        const PoParse parsed = parsePo(plain, "obsolete");
        return !parsed.diagnostics.hasErrors() && parsed.file.entries.size() == 1 &&
               parsed.file.entries[0].context && present.count(*parsed.file.entries[0].context);
    });
    return r;
}

CatalogueCounts countCatalogue(const PoFile& po) {
    CatalogueCounts c;
    for (const auto& e : po.entries) {
        if (!isCatalogueEntry(e)) continue;
        ++c.entries;
        if (e.str.empty())
            ++c.untranslated;
        else if (e.fuzzy())
            ++c.fuzzy;
        else
            ++c.translated;
    }
    return c;
}

Localisation localiseScenario(const Scenario& source, std::string_view sourceText, const PoFile& po,
                              const LocaliseOptions& options) {
    Localisation out;
    const std::string& file = options.poName;
    const PoEntry* header = po.header();
    const int headerLine = header ? header->line : 0;
    out.language = catalogueLanguage(po);
    if (out.language.empty()) {
        addDiag(out.diagnostics, Severity::Error, codes::TranslationLanguage, file, headerLine,
                "the catalogue names no language: its header needs a line \"Language: ru\" (or ja, "
                "en, …)");
        return out;
    }
    if (primarySubtag(out.language) == primarySubtag(source.language)) {
        addDiag(out.diagnostics, Severity::Error, codes::TranslationLanguage, file, headerLine,
                "the catalogue is in " + out.language + ", the language the scenario \"" +
                    source.id + "\" is written in; a translation needs another language");
        return out;
    }

    std::map<std::string, const PoEntry*> byContext;
    for (const auto& e : po.entries)
        if (isCatalogueEntry(e) && e.context) byContext.emplace(*e.context, &e);

    std::vector<JsonStringReplacement> replacements;
    const auto replace = [&](const std::string& pointer, const std::string& text) {
        replacements.push_back({pointer, text});
    };

    std::vector<std::string> missing;
    std::map<std::string, bool> known;
    for (const auto& s : scenarioStrings(source)) {
        known[s.context] = true;
        ++out.counts.entries;
        const auto it = byContext.find(s.context);
        if (it == byContext.end() || it->second->str.empty()) {
            ++out.counts.untranslated;
            missing.push_back(s.context);
            continue;
        }
        const PoEntry& e = *it->second;
        if (e.fuzzy()) {
            ++out.counts.fuzzy;
            addDiag(out.diagnostics, Severity::Warning, codes::TranslationMissing, file, e.line,
                    "\"" + s.context +
                        "\" is marked fuzzy (its source text changed since it was translated): the "
                        "source text is kept until a translator checks it and removes the mark");
            continue;
        }
        if (e.id != s.text) {
            ++out.stale;
            addDiag(out.diagnostics, Severity::Warning, codes::TranslationStale, file, e.line,
                    "\"" + s.context +
                        "\" was translated from an older source text; the source text is kept. "
                        "Run 'rapport strings export' onto this catalogue to merge the changes, "
                        "then update the fuzzy entries");
            continue;
        }
        ++out.counts.translated;
        replace(s.pointer, e.str);
    }
    if (!missing.empty()) {
        std::string list;
        for (std::size_t i = 0; i < missing.size() && i < 5; ++i)
            list += (i ? ", " : "") + missing[i];
        if (missing.size() > 5) list += ", …";
        addDiag(out.diagnostics, Severity::Warning, codes::TranslationMissing, file,
                std::max(headerLine, 1),
                std::to_string(missing.size()) + " of " + std::to_string(out.counts.entries) +
                    " texts are not translated; their source text is kept (" + list + ")");
    }
    for (const auto& [context, e] : byContext)
        if (!known.count(context))
            addDiag(out.diagnostics, Severity::Warning, codes::TranslationUnknownEntry, file,
                    e->line,
                    "the scenario has no text \"" + context +
                        "\" (removed or renamed since this catalogue was made); the entry is "
                        "ignored");

    const std::string id =
        options.id.empty() ? source.id + "-" + primarySubtag(out.language) : options.id;
    replace("/id", id);
    replace("/language", out.language);
    const std::string text = spliceJsonStrings(sourceText, replacements);

    nlohmann::ordered_json provenance;
    provenance["source"] = source.id;
    provenance["sourceVersion"] = source.version;
    provenance["sourceLanguage"] = source.language;
    provenance["sourceHash"] = source.contentHash;
    provenance["catalogue"] = options.poName;
    provenance["translated"] = out.counts.translated;
    provenance["of"] = out.counts.entries;
    out.text = jsonTextSet(text, "/x-translation", provenance);
    out.diagnostics.sortByPosition();
    return out;
}

}  // namespace rapport
