// `rapport analyze` for a scenario with alternate forms: each form's random-play distribution
// and the test-wise players' best score side by side, and a warning when a form plays easier or
// harder than the original (docs/analysis.md, "Alternate forms"). Forms share the scoring key by
// construction; what can still differ is how the wording guides a guesser.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/scenario_analysis.hpp"

namespace rapport {

// The largest difference of random medians tolerated between a form and the original, in points.
inline constexpr double kMaxFormMedianGap = 10.0;

struct FormSummary {
    std::string id;  // "" for the original
    std::string name;
    std::optional<RandomPlayStats> random;
    double testwiseMax = 0;  // the highest score of any test-wise player under any seed
    std::string testwisePlayer;
    bool testwisePasses = false;
    std::string problem;  // set when the form could not be analysed
};

struct FormComparison {
    std::vector<FormSummary> forms;  // the original first, then the alternates in file order
    std::vector<AnalysisWarning> warnings;
};

// `original` is the analysis of `source` (loaded from `sourceText`) with `options`.
FormComparison compareForms(const Scenario& source, std::string_view sourceText,
                            const ScenarioAnalysis& original, const AnalysisOptions& options);

std::string formComparisonText(const FormComparison& c);
nlohmann::json formComparisonToJson(const FormComparison& c);

}  // namespace rapport
