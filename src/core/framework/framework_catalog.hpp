// Finding a competence framework by id. A scenario names its framework ("framework":
// "account-manager"); the catalog looks for <id>.json in a search path, first match wins:
//   1. the scenario file's own folder (a trainer can ship a custom framework beside scenarios),
//   2. each folder in RAPPORT_FRAMEWORK_PATH (':'-separated),
//   3. the bundled frameworks (core/platform/bundled_data.hpp), when the program has them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/framework/framework.hpp"

namespace rapport {

// The folders searched for a scenario at `scenarioPath` (may be empty), in order. Reads the
// RAPPORT_FRAMEWORK_PATH environment variable.
std::vector<std::string> frameworkSearchPath(const std::string& scenarioPath);

// The bundled frameworks folder (bundledData().frameworks); empty when none was set.
std::string bundledFrameworkDir();

// Path of the first <id>.json in `searchPath`, if any.
std::optional<std::string> findFrameworkFile(const std::string& id,
                                             const std::vector<std::string>& searchPath);

// Ids of the framework files (<id>.json) in the folders of `searchPath`, sorted, for
// "did you mean" hints. Files are not opened.
std::vector<std::string> frameworkIdsOnPath(const std::vector<std::string>& searchPath);

struct FrameworkLookup {
    std::shared_ptr<const Framework> framework;  // set when found and loaded without errors
    std::string path;                            // the file tried; empty when none was found
    DiagnosticList diagnostics;                  // the framework file's own problems, located in it
};

// Finds and loads framework `id` through the process's cache (framework_cache.hpp): each file is
// parsed once per content. When no file is found, framework and path are empty and no
// diagnostic is added: the caller reports RAP0050 located in its own file. A file whose "id"
// differs from its name is an error (RAP0050) located at its "id".
FrameworkLookup lookupFramework(const std::string& id, const std::vector<std::string>& searchPath);

// lookupFramework(id, frameworkSearchPath(scenarioPath)): the framework a scenario file at
// `scenarioPath` names as `id`. The one lookup front ends reach, through the check pipeline
// (core/checks/scenario_check.hpp) or, for a document being edited, directly.
FrameworkLookup lookupScenarioFramework(const std::string& id, const std::string& scenarioPath);

}  // namespace rapport
