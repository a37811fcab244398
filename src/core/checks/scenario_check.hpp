// The full check a trainer runs on a scenario file: load (shape, names, expressions), then the
// graph checks once the shape is sound. `rapport validate`, the app and the tests all use this,
// so a file is judged the same way everywhere.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics/diagnostic.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct ScenarioCheck {
    std::optional<Scenario> scenario;  // set when the file could be read and parsed
    DiagnosticList diagnostics;
    bool unreadable = false;  // the file could not be read at all (RAP0001)
    bool playable() const { return scenario && !diagnostics.hasErrors(); }
};

ScenarioCheck checkScenarioFile(const std::string& path);
ScenarioCheck checkScenarioText(std::string text, const std::string& name);

}  // namespace rapport
