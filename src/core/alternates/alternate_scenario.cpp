#include "core/alternates/alternate_scenario.hpp"

#include <map>

#include "core/authoring/json_text_edit.hpp"
#include "core/authoring/json_text_splice.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/source/sha256.hpp"
#include "core/translation/scenario_catalogue.hpp"

namespace rapport {

std::string alternateText(const Scenario& source, std::string_view sourceText,
                          const Alternate& alternate) {
    std::map<std::string, std::string, std::less<>> pointerOf;
    for (const auto& s : scenarioStrings(source)) pointerOf.emplace(s.context, s.pointer);
    std::vector<JsonStringReplacement> replacements;
    for (const auto& t : alternate.texts)
        if (const auto it = pointerOf.find(t.stringId); it != pointerOf.end())
            replacements.push_back({it->second, t.text});
    std::string text = spliceJsonStrings(sourceText, replacements);
    if (JsonTextIndex(text).find("/alternates")) text = jsonTextRemove(text, "/alternates");
    nlohmann::ordered_json provenance;
    provenance["source"] = source.id;
    provenance["sourceHash"] = source.contentHash;
    provenance["id"] = alternate.id;
    provenance["name"] = alternate.name;
    return jsonTextSet(text, "/x-alternate", provenance);
}

ScenarioCheck checkAlternate(const Scenario& source, std::string_view sourceText,
                             std::string_view id) {
    ScenarioCheck out;
    const Alternate* found = nullptr;
    std::vector<std::string> ids;
    for (const auto& a : source.alternates) {
        ids.push_back(a.id);
        if (a.id == id) found = &a;
    }
    if (!found) {
        std::string list;
        for (const auto& i : ids) list += (list.empty() ? "" : ", ") + i;
        out.diagnostics.add(Diagnostic{Severity::Error, codes::AlternateUnknownText,
                                       source.sourcePath, SourcePosition{}, "",
                                       "the scenario \"" + source.id + "\" has no alternate \"" +
                                           std::string(id) + "\"" + didYouMean(id, ids) +
                                           (ids.empty() ? std::string("; it declares none")
                                                        : "; its alternates are " + list)});
        return out;
    }
    out = checkScenarioText(alternateText(source, sourceText, *found), source.sourcePath);
    if (out.scenario) {
        out.scenario->alternate = found->id;
        out.scenario->alternateName = found->name;
    }
    return out;
}

std::map<std::string, std::string> formHashes(const Scenario& source, std::string_view sourceText) {
    std::map<std::string, std::string> out{{"", source.contentHash}};
    for (const auto& a : source.alternates)
        out[a.id] = sha256Hex(alternateText(source, sourceText, a));
    return out;
}

}  // namespace rapport
