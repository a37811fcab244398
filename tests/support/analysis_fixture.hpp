// The analysis tests' fixtures: a scenario of tests/fixtures/analysis/ with the small framework
// beside it (analysis-test.json), loaded and checked to have no errors.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "core/framework/framework_loader.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

namespace rapport::test {

inline const std::string kAnalysisFixtures = std::string(RAPPORT_FIXTURES_DIR) + "/analysis/";

struct LoadedScenario {
    Scenario scenario;
    Framework framework;
};

inline LoadedScenario loadScenarioWith(const std::string& scenarioPath,
                                       const std::string& frameworkPath) {
    LoadResult r = loadScenarioFile(scenarioPath);
    REQUIRE(r.scenario);
    REQUIRE_FALSE(r.diagnostics.hasErrors());
    FrameworkLoadResult f = loadFrameworkFile(frameworkPath);
    REQUIRE(f.framework);
    return {std::move(*r.scenario), std::move(*f.framework)};
}

inline LoadedScenario loadAnalysisFixture(const std::string& name) {
    return loadScenarioWith(kAnalysisFixtures + name, kAnalysisFixtures + "analysis-test.json");
}

}  // namespace rapport::test
