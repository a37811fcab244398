// A scenario's competence framework as one part of the program hands it to another (the check
// to the recorder, the library to the app), or why there is none, in one line a trainee or
// trainer can act on. The recorder and the scorer never look a framework up themselves.
#pragma once

#include <memory>
#include <string>

#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct ScenarioFramework {
    std::shared_ptr<const Framework> framework;  // null: not found, or it has errors
    std::string problem;                         // why framework is null
};

// The framework `scenario` names, through the process's framework cache (framework_catalog),
// with the one-line reasons: 'competence framework "ID" not found' or 'competence framework
// PATH has errors: FIRST DIAGNOSTIC'.
ScenarioFramework findScenarioFramework(const Scenario& scenario);

// What a check already found: `framework` when it has one, else the lookup's reason.
ScenarioFramework scenarioFramework(const Scenario& scenario,
                                    std::shared_ptr<const Framework> framework);

}  // namespace rapport
