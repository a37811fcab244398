// HR reports, one stored attempt: the debrief as the trainee saw it (the stored score report) and
// the annotated transcript, drawn by the debrief screen's own body. When the scenario file that
// was played is loaded (same id and content hash), narrator lines, feedback and the stronger
// reply are shown too (for an alternate form, the form made from that file); otherwise the stored
// texts alone. For a scenario with alternates the page names the form played.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/hr/hr_actions.hpp"
#include "app/hr/hr_data.hpp"
#include "app/hr/hr_sources.hpp"
#include "app/shell/screen_context.hpp"
#include "core/scoring/score_report.hpp"
#include "core/scoring/step_advice.hpp"

namespace rapport::app {

struct HrAttemptScreen {
    void Draw(const ScreenContext& ctx, HrData& hr, HrActions& actions, const HrSources& sources);

private:
    void rebuild(const HrData& hr, const HrSources& sources);
    std::uint64_t builtRevision_ = ~std::uint64_t(0);
    std::optional<ScoreReport> report_;
    std::vector<StepAdvice> advice_;
    const Scenario* scenario_ = nullptr;  // the library's, or form_
    std::shared_ptr<const Scenario>
        form_;              // the alternate form played, made from the library's file
    std::string formName_;  // core/alternates/played_form.hpp; empty: no forms
    std::string endingTitle_, endingSummary_, note_;
};

}  // namespace rapport::app
