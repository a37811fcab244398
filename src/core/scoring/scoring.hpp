// Scoring a play-through against a competence framework. A pure function of (scenario,
// framework, transcript): same inputs, same report, byte for byte. Two normalisations:
//   competency score = 100 × earned ÷ available over the decisions met, where available is the
//     best a shown choice offered (opportunity-based, diagnostic);
//   scenario score   = where the path's weighted points lie between the lowest and the highest
//     weighted total of any complete path from start, 0 to 100 (score_scale.hpp), both found
//     exactly over the scenario's state space.
// docs/scoring.md explains both with a worked example.
#pragma once

#include <optional>
#include <string>

#include "core/framework/framework.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/optimum.hpp"
#include "core/scoring/score_report.hpp"
#include "core/scoring/scoring_error.hpp"

namespace rapport {

// Replays `transcript` through a Session to know exactly what was shown at each step, then
// scores it. Throws ScoringError when a step does not fit the scenario (another node, other
// choices shown, a choice that is not shown) or the scenario cannot be scored. `optimum` may be
// passed when already computed for this scenario and framework (it is then not recomputed).
// An unfinished transcript is scored as far as it goes and never passes.
ScoreReport scoreTranscript(const Scenario& scenario, const Framework& framework,
                            const Transcript& transcript, const ScenarioOptimum* optimum = nullptr);

// For front ends that show a report after play: scores `transcript` against the scenario's
// framework as the check found it. Never throws for a missing or broken framework or an
// unscorable scenario: `error` then says why, in one line (the framework's problem).
struct PlayScore {
    std::optional<ScoreReport> report;
    std::string error;
};
PlayScore scorePlay(const Scenario& scenario, const ScenarioFramework& framework,
                    const Transcript& transcript);

}  // namespace rapport
