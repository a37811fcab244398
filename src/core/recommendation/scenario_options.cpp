#include "core/recommendation/scenario_options.hpp"

#include <set>

namespace rapport {

std::vector<ScenarioOption> scenarioOptions(const ScenarioLibrary& library) {
    std::vector<ScenarioOption> out;
    std::set<std::string> seen;
    for (const auto& e : library.entries) {
        if (!e.playable() || !seen.insert(e.scenario->id).second) continue;
        ScenarioOption o{e.scenario->id, e.scenario->title, {}};
        for (const auto& id : e.scenario->assesses) {
            std::string name = id;  // a framework that did not load still leaves the id
            if (e.framework)
                if (const auto i = e.framework->competencyIndex.find(id);
                    i != e.framework->competencyIndex.end())
                    name = e.framework->competencies[i->second].name;
            o.competencies.push_back({id, name});
        }
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace rapport
