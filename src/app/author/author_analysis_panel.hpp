// The author workspace's analysis: core analyzeScenario's figures for the file being edited
// (size, reachability, best and worst paths, test-wise players and surface cues, per-competency
// range, random play, dominated replies, warnings), run on request because random play takes a
// moment on a large scenario.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/driver/widget_locator.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/theme.hpp"
#include "core/analysis/scenario_analysis.hpp"
#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport::app {

// A path of the analysis to replay in the preview: a --choices list under `seed`.
struct PathReplay {
    std::string choices;
    std::uint64_t seed = 0;
};

class AuthorAnalysisPanel {
public:
    // `scenario` is the checked model (null while the file has errors), `framework` its
    // framework (null when not found), `revision` the document revision it was checked at.
    // Returns the path the author clicked to replay, if any.
    std::optional<PathReplay> Draw(const Theme& theme, const FontSet& fonts, WidgetLocator& loc,
                                   const Scenario* scenario, const Framework* framework,
                                   std::uint64_t revision);
    // Runs the analysis now (the panel's button does this).
    void run(const Scenario& scenario, const Framework& framework, std::uint64_t revision);
    const std::optional<ScenarioAnalysis>& result() const { return result_; }

private:
    std::optional<ScenarioAnalysis> result_;
    std::string error_;
    std::uint64_t revision_ = 0;
    int samples_ = 2000;
    std::string replaying_;  // the path last clicked ("choices@seed"), shown as selected
};

}  // namespace rapport::app
