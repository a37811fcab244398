// The one check pipeline: load (shape, names, expressions), then the graph checks once the shape
// is sound, then the framework, the evidence and the best-path search. Its result is the
// prepared scenario every front end plays, scores and analyses: the app's library, the author
// workspace, `rapport validate`, `play`, `analyze` and `score`, and the recorder (through the
// framework it hands on). A file is judged the same way everywhere because it is judged here.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics/diagnostic.hpp"
#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/optimum.hpp"

namespace rapport {

struct ScenarioCheck {
    std::optional<Scenario> scenario;  // set when the file could be read and parsed
    DiagnosticList diagnostics;
    bool unreadable = false;  // the file could not be read at all (RAP0001)
    // The scenario's competence framework, shared and immutable (one per file and content in
    // the process); set when it was found and loaded without errors.
    std::shared_ptr<const Framework> framework;
    // The best complete path, computed once here; set when the scenario can be scored.
    std::optional<ScenarioOptimum> optimum;
    bool playable() const { return scenario && !diagnostics.hasErrors(); }
    // checkAuthorFile only: the file is a competence framework, checked as one (diagnostics are
    // the framework loader's; `framework` is set when it has no errors, `scenario` never).
    bool isFramework = false;
};

// Prepares the scenario file at `path` (or `text`, named `name` in diagnostics).
ScenarioCheck checkScenarioFile(const std::string& path);
ScenarioCheck checkScenarioText(std::string text, const std::string& name);

// What `rapport validate` checks: a scenario file as checkScenarioFile does, or, when the file's
// "format" is rapport-framework/1, a competence framework with the framework loader's
// diagnostics (isFramework is then set).
ScenarioCheck checkAuthorFile(const std::string& path);

}  // namespace rapport
