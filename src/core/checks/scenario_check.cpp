#include "core/checks/scenario_check.hpp"

#include <algorithm>

#include "core/checks/evidence_check.hpp"
#include "core/checks/scenario_validator.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/framework/framework_loader.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

namespace {

void keep(ScenarioCheck& check, ScoringCheck scoring) {
    check.framework = std::move(scoring.framework);
    check.optimum = std::move(scoring.optimum);
}

ScenarioCheck complete(LoadResult loaded) {
    ScenarioCheck check;
    check.diagnostics = std::move(loaded.diagnostics);
    check.unreadable =
        std::any_of(check.diagnostics.items().begin(), check.diagnostics.items().end(),
                    [](const Diagnostic& d) { return d.code == codes::Unreadable; });
    check.scenario = std::move(loaded.scenario);
    // Graph checks on a model with shape errors would report the consequences of those errors
    // (a dropped choice makes its target look unreachable), so they wait for a sound shape.
    if (check.scenario && !check.diagnostics.hasErrors()) {
        const Scenario& s = *check.scenario;
        if (s.nodes.empty() || s.start < 0 || s.start >= int(s.nodes.size())) {
            validateScenario(s, check.diagnostics);
            if (!check.diagnostics.hasErrors())
                keep(check, checkScoring(s, nullptr, check.diagnostics));
        } else {
            // The graph checks and the best-path search both walk the state space: explore it once.
            const StateGraph graph = exploreStates(s);
            validateScenario(s, graph, check.diagnostics);
            // Evidence against the competence framework, and the exact best-path search scoring
            // needs.
            if (!check.diagnostics.hasErrors())
                keep(check, checkScoring(s, &graph, check.diagnostics));
        }
    }
    check.diagnostics.sortByPosition();
    return check;
}

}  // namespace

ScenarioCheck checkScenarioFile(const std::string& path) {
    return complete(loadScenarioFile(path));
}

ScenarioCheck checkScenarioText(std::string text, const std::string& name) {
    return complete(loadScenarioText(std::move(text), name));
}

ScenarioCheck checkAuthorFile(const std::string& path) {
    ScenarioCheck check = checkScenarioFile(path);
    const auto& items = check.diagnostics.items();
    const bool wrongFormat =
        !check.scenario && std::any_of(items.begin(), items.end(), [](const Diagnostic& d) {
            return d.code == codes::WrongFormat && d.pointer == "/format";
        });
    if (!wrongFormat) return check;
    // Read again only on this rare path, so scenarios are read once.
    FrameworkLoadResult loaded = loadFrameworkFile(path);
    const auto& fitems = loaded.diagnostics.items();
    if (std::any_of(fitems.begin(), fitems.end(),
                    [](const Diagnostic& d) { return d.code == codes::WrongFormat; }))
        return check;  // not a framework either: the scenario's words stand
    ScenarioCheck framework;
    framework.isFramework = true;
    framework.diagnostics = std::move(loaded.diagnostics);
    if (loaded.framework)
        framework.framework = std::make_shared<const Framework>(std::move(*loaded.framework));
    return framework;
}

}  // namespace rapport
