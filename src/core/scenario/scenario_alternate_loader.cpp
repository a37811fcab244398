// "alternates": second personalities of the conversation for retakes. The loader checks their
// shape only; whether each key names a text the scenario has is the validator's job
// (core/alternates/alternate_check.hpp), because the texts' ids come from the whole scenario.
#include <set>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/scenario/scenario_loader_detail.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::scenario_loading {

void Loader::readAlternates(const JsonValue& root, Scenario& s) {
    const auto* list = r_.array(root, "", "alternates", false);
    if (!list) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const JsonValue& a = (*list)[i];
        const std::string p = childPointer("/alternates", i);
        if (!a.isObject()) {
            r_.error(codes::WrongType, p,
                     uiFormat(tr("an alternate is {\"id\": …, \"name\": …, \"texts\": {…}}, "
                                 "not {kind}"),
                              {{"kind", tr(jsonKindName(a))}}));
            continue;
        }
        r_.checkKeys(a, p, {"id", "name", "texts"});
        Alternate alt;
        alt.pointer = p;
        if (auto id = r_.string(a, p, "id", true)) {
            if (!isValidNodeId(*id) || *id == "auto")
                r_.error(codes::AlternateDuplicate, p + "/id",
                         uiFormat(tr("alternate id \"{id}\" may hold only letters, digits, '_', "
                                     "'-', '.' and ':' (at most 128), and \"auto\" is reserved "
                                     "for 'rapport play --alternate auto'"),
                                  {{"id", *id}}));
            else if (!seen.insert(*id).second)
                r_.error(codes::AlternateDuplicate, p + "/id",
                         uiFormat(tr("a second alternate with the id \"{id}\": records name the "
                                     "alternate a trainee played by its id, so each needs its own"),
                                  {{"id", *id}}));
            alt.id = *id;
        }
        if (auto v = r_.string(a, p, "name", true)) {
            if (v->empty())
                r_.error(codes::EmptyText, p + "/name",
                         tr("an alternate's name is shown to trainers in reports; it cannot be "
                            "empty"));
            alt.name = *v;
        }
        if (const auto* texts = r_.object(a, p, "texts", true)) {
            for (const JsonValue& member : *texts) {
                const std::string key(member.key());
                const std::string tp = childPointer(p + "/texts", key);
                if (!member.isString()) {
                    r_.error(codes::WrongType, tp,
                             uiFormat(tr("an alternate text is a string, not {kind}"),
                                      {{"kind", tr(jsonKindName(member))}}));
                    continue;
                }
                const std::string text(member.asString());
                if (text.empty()) {
                    r_.error(codes::EmptyText, tp,
                             tr("an alternate text cannot be empty: leave the key out to keep "
                                "the original's text"));
                    continue;
                }
                alt.texts.push_back({key, tp, text});
            }
        }
        s.alternates.push_back(std::move(alt));
    }
}

}  // namespace rapport::scenario_loading
