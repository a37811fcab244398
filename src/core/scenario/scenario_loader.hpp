// Loads a rapport-scenario/1 file into a Scenario, reporting every problem at once.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics/diagnostic.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

struct LoadResult {
    std::optional<Scenario> scenario;  // set unless the file could not be read or parsed at all
    DiagnosticList diagnostics;        // shape, name and type problems found while loading
};

// Reads, parses and checks the shape of the file: keys, types, ranges, references and
// expressions. Graph checks (reachability, dead ends) are the validator's job.
// A scenario with errors is still returned when it could be built, so tools can show as much
// as possible; callers must check diagnostics.hasErrors() before playing it.
LoadResult loadScenarioFile(const std::string& path);
LoadResult loadScenarioText(std::string text, const std::string& name);

}  // namespace rapport
