// HR reports, one stored attempt: the debrief as the trainee saw it (the stored score report) and
// the annotated transcript, drawn by the debrief screen's own body. When the scenario file that
// was played is loaded (same id and content hash), narrator lines, feedback and the stronger
// reply are shown too; otherwise the stored texts alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scoring/score_report.hpp"
#include "core/scoring/step_advice.hpp"

namespace rapport::app {

class App;

struct HrAttemptScreen {
    void Draw(App& app);

private:
    void rebuild(App& app);
    std::uint64_t builtRevision_ = ~std::uint64_t(0);
    std::optional<ScoreReport> report_;
    std::vector<StepAdvice> advice_;
    const Scenario* scenario_ = nullptr;
    std::string endingTitle_, endingSummary_, note_;
};

}  // namespace rapport::app
