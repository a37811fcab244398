#include "core/framework/scenario_framework.hpp"

#include "core/framework/framework_catalog.hpp"

namespace rapport {

ScenarioFramework findScenarioFramework(const Scenario& scenario) {
    ScenarioFramework out;
    FrameworkLookup found = lookupScenarioFramework(scenario.framework, scenario.sourcePath);
    if (found.framework) {
        out.framework = std::move(found.framework);
    } else if (found.path.empty()) {
        out.problem = "competence framework \"" + scenario.framework + "\" not found";
    } else {
        out.problem =
            "competence framework " + found.path + " has errors" +
            (found.diagnostics.empty() ? std::string()
                                       : ": " + formatDiagnostic(found.diagnostics.items()[0]));
    }
    return out;
}

ScenarioFramework scenarioFramework(const Scenario& scenario,
                                    std::shared_ptr<const Framework> framework) {
    if (framework) return {std::move(framework), {}};
    return findScenarioFramework(scenario);
}

}  // namespace rapport
