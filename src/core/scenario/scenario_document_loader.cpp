// What the trainee can read beside the conversation: "documents" (a briefing, the client file,
// CRM notes, authority limits) and the "reveals" of nodes and choices that open hidden ones.
#include <algorithm>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/scenario/scenario_loader_detail.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::scenario_loading {

void Loader::readDocuments(const JsonValue& root, Scenario& s) {
    const auto* docs = r_.array(root, "", "documents", false);
    if (!docs) return;
    for (std::size_t i = 0; i < docs->size(); ++i) {
        const auto& d = (*docs)[i];
        const std::string p = childPointer("/documents", i);
        if (!d.isObject()) {
            r_.error(codes::NotAnObject, p,
                     uiFormat(tr("a document must be an object, not {kind}"),
                              {{"kind", tr(jsonKindName(d))}}));
            continue;
        }
        r_.checkKeys(d, p, {"id", "title", "kind", "text", "hidden"});
        Document doc;
        doc.pointer = p;
        auto id = r_.string(d, p, "id", true);
        if (!id) continue;
        if (!isValidNodeId(*id)) {
            r_.error(codes::BadId, p + "/id",
                     uiFormat(tr("document id \"{id}\" may hold only letters, digits, '_', '-', "
                                 "'.' and ':' (at most 128)"),
                              {{"id", *id}}));
            continue;
        }
        if (const auto first = s.findDocument(*id)) {
            r_.error(
                codes::DuplicateDocument, p + "/id",
                uiFormat(tr("document id \"{id}\" is already used by the document at line "
                            "{line}"),
                         {{"id", *id},
                          {"line",
                           std::to_string(
                               r_.map()
                                   .valuePosition(s.documents[std::size_t(*first)].pointer + "/id")
                                   .line)}}));
            continue;
        }
        doc.id = *id;
        if (auto v = r_.string(d, p, "title", true)) doc.title = *v;
        if (auto v = r_.string(d, p, "kind", true)) {
            if (auto k = parseDocumentKind(*v))
                doc.kind = *k;
            else
                r_.error(codes::BadValue, p + "/kind",
                         uiFormat(tr("document kind must be one of briefing, client-file, crm, "
                                     "price-list, authority, competitor, email, other; not "
                                     "\"{kind}\""),
                                  {{"kind", *v}}) +
                             didYouMean(*v, documentKindNames()));
        }
        if (auto v = r_.string(d, p, "text", true)) {
            if (v->find_first_not_of(" \t\r\n") == std::string::npos)
                r_.error(codes::EmptyText, p + "/text",
                         tr("a document's text is what the trainee reads; it cannot be empty"));
            doc.text = *v;
        }
        if (auto v = r_.boolean(d, p, "hidden", false)) doc.hidden = *v;
        s.documents.push_back(std::move(doc));
    }
}

std::vector<int> Loader::readReveals(const JsonValue& obj, const std::string& p,
                                     const Scenario& s) {
    std::vector<int> out;
    const auto* reveals = r_.array(obj, p, "reveals", false);
    if (!reveals) return out;
    std::vector<std::string> ids;
    for (const auto& d : s.documents) ids.push_back(d.id);
    for (std::size_t i = 0; i < reveals->size(); ++i) {
        const auto& r = (*reveals)[i];
        const std::string rp = childPointer(p + "/reveals", i);
        if (!r.isString()) {
            r_.error(codes::WrongType, rp,
                     uiFormat(tr("\"reveals\" lists document ids (strings), not {kind}"),
                              {{"kind", tr(jsonKindName(r))}}));
            continue;
        }
        const std::string id(r.asString());
        if (auto d = s.findDocument(id)) {
            if (std::find(out.begin(), out.end(), *d) == out.end()) out.push_back(*d);
        } else {
            r_.error(codes::UnknownDocument, rp,
                     uiFormat(tr("no document has the id \"{id}\""), {{"id", id}}) +
                         didYouMean(id, ids));
        }
    }
    return out;
}

}  // namespace rapport::scenario_loading
