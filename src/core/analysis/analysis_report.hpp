// The forms of a scenario analysis (scenario_analysis.hpp): the JSON `rapport analyze --json`
// prints, the readable text it prints by default, and the Markdown table of docs/scenarios.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/analysis/scenario_analysis.hpp"

namespace rapport {

inline constexpr const char* kAnalysisFormat = "rapport-analysis/1";

// {"format","scenario":{…},"structure":{…},"exact":{…} ,"random":{…} or null,"warnings":[…]};
// keys are sorted, so the output is stable. docs/analysis.md lists every key.
nlohmann::json analysisToJson(const ScenarioAnalysis& analysis);

// A readable report for trainers, lines of at most ~100 characters apart from --choices lists.
std::string analysisText(const ScenarioAnalysis& analysis);

// The command written at the top of docs/scenarios.md, which regenerates it.
inline constexpr const char* kScenarioTableCommand =
    "rapport analyze --table scenarios/*.json > docs/scenarios.md";

// docs/scenarios.md: a heading, the command that made it, and one row per scenario (sorted by id)
// with the quality-gate figures.
std::string analysisTable(std::vector<ScenarioAnalysis> analyses);

}  // namespace rapport
