// Checks a loaded scenario against its competence framework: the framework exists, every
// evidence item names one of its indicators with points of the right sign, and `assesses`
// names its competencies. Diagnostics are located in the scenario file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/optimum.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

// RAP0051 for an evidence indicator the framework lacks (with a did-you-mean), RAP0058 for an
// evidence `points` override whose sign contradicts the indicator's polarity (0 is allowed:
// the behaviour is noted without points), RAP0052 for an
// `assesses` entry naming no competency.
void checkEvidence(const Scenario& scenario, const Framework& framework, DiagnosticList& diags);

// What the scoring check found: the framework (shared with every other user of the same file)
// and, when the evidence is sound and the search succeeded, the best-path optimum.
struct ScoringCheck {
    std::shared_ptr<const Framework> framework;  // set when found and loaded without errors
    std::optional<ScenarioOptimum> optimum;      // set when the scenario can be scored
};

// Everything `rapport validate` needs for scoring, in one call: finds the scenario's framework
// on `searchPath` (frameworkSearchPath(scenario.sourcePath) when empty) — RAP0050 when none is
// found, plus the framework file's own diagnostics when it is broken — then checkEvidence and,
// when the evidence is sound, checkScoringStateSpace (RAP0053, RAP0059). `graph`, when given, is
// exploreStates(scenario) with the default bound, already explored by the caller.
ScoringCheck checkScoring(const Scenario& scenario, const StateGraph* graph, DiagnosticList& diags,
                          const std::vector<std::string>& searchPath = {});

// checkScoring(...).framework, without and with the caller's graph. Same diagnostics.
std::shared_ptr<const Framework> checkScenarioScoring(
    const Scenario& scenario, DiagnosticList& diags,
    const std::vector<std::string>& searchPath = {});
std::shared_ptr<const Framework> checkScenarioScoring(
    const Scenario& scenario, const StateGraph& graph, DiagnosticList& diags,
    const std::vector<std::string>& searchPath = {});

}  // namespace rapport
