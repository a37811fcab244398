#include "core/alternates/alternate_check.hpp"

#include <map>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/source/json_reader.hpp"
#include "core/text/trainee_text.hpp"
#include "core/translation/scenario_catalogue.hpp"

namespace rapport {

namespace {

bool endsWith(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Texts the trainee sees rendered with their name and forms (core/text/trainee_text.hpp): a
// line, a variant of it or a reply; not feedback and endings, as in the original.
bool isTraineeRendered(std::string_view id) {
    return endsWith(id, "/text") && id.find("/evidence/") == std::string_view::npos;
}

}  // namespace

bool isAlternateText(std::string_view id) {
    // The briefing describes the client's manner ("brisk, demanding"), so a form that changes
    // the manner must be able to say so; its facts are the trainer's to keep.
    if (id == "client/description") return true;
    if (!id.starts_with("node/")) return false;
    if (id.find("/compose/") != std::string_view::npos) return false;
    if (id.find("/evidence/") != std::string_view::npos) return false;
    return endsWith(id, "/text") || endsWith(id, "/feedback") || endsWith(id, "/ending/title") ||
           endsWith(id, "/ending/summary");
}

void checkAlternates(const Scenario& s, DiagnosticList& diags) {
    if (s.alternates.empty()) return;
    JsonReader r(s.sourcePath, s.sourceMap, diags);
    std::map<std::string, std::string, std::less<>> original;
    std::vector<std::string> changeable;
    for (const auto& str : scenarioStrings(s)) {
        if (str.context.starts_with("alternate/")) continue;
        original.emplace(str.context, str.text);
        if (isAlternateText(str.context)) changeable.push_back(str.context);
    }
    for (const Alternate& a : s.alternates) {
        if (a.texts.empty())
            r.warning(codes::AlternateUnchanged, a.pointer + "/texts",
                      "the alternate \"" + a.id +
                          "\" changes no text: a retake on it would be a replay of the original");
        for (const AlternateText& t : a.texts) {
            const auto it = original.find(t.stringId);
            if (it == original.end()) {
                r.errorAtKey(codes::AlternateUnknownText, t.pointer,
                             "the scenario has no text \"" + t.stringId + "\"" +
                                 didYouMean(t.stringId, changeable) +
                                 "; 'rapport strings export' lists every text with its id");
                continue;
            }
            if (!isAlternateText(t.stringId)) {
                r.errorAtKey(codes::AlternateUnknownText, t.pointer,
                             "an alternate changes lines, replies, feedback and endings only; \"" +
                                 t.stringId +
                                 "\" carries the scenario's facts or scoring key, which are the "
                                 "same in every alternate");
                continue;
            }
            if (it->second == t.text)
                r.warning(codes::AlternateUnchanged, t.pointer,
                          "the same text as the original's \"" + t.stringId +
                              "\": leave the key out to keep it");
            if (isTraineeRendered(t.stringId))
                for (const auto& p : checkTraineeText(t.text))
                    r.errorInString(p.kind == TraineeTextProblem::Kind::FormCount
                                        ? codes::TextVariableForms
                                        : codes::TextVariableSyntax,
                                    t.pointer, p.codePoint, p.message);
        }
    }
}

}  // namespace rapport
