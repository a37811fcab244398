// Scoring a play-through against a competence framework. A pure function of (scenario,
// framework, transcript): same inputs, same report, byte for byte. Two normalisations:
//   competency score = 100 × earned ÷ available over the decisions met, where available is the
//     best a shown choice offered (opportunity-based, diagnostic);
//   scenario score   = 100 × weighted points on the path ÷ the highest weighted total any
//     complete path from start can reach, found exactly over the scenario's state space.
// docs/scoring.md explains both with a worked example.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/diagnostics/diagnostic.hpp"
#include "core/framework/framework.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/score_report.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

// A transcript that does not fit the scenario, or a scenario that cannot be scored (evidence
// naming unknown indicators, a state space over the bound). Messages say which step or why.
class ScoringError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bound on the states searched for the best path: (node, variables, once-choices taken,
// visited() facts, rule states). A scenario over it is rejected by the validator (RAP0053).
inline constexpr std::size_t kMaxScoringStates = 200'000;

struct ScenarioOptimum {
    std::int64_t best = 0;   // highest weighted total over all complete paths from start
    std::string bestPath;    // a --choices list reaching it ("2,1,t,3"; t = let the timer run out)
    std::size_t states = 0;  // states searched
};

struct OptimumOutcome {
    enum class Problem { None, TooLarge, PointsLoop, NoEnding };
    Problem problem = Problem::None;
    std::optional<ScenarioOptimum> optimum;  // set when problem == None
    std::size_t states = 0;                  // states explored (at least the bound when TooLarge)
    int loopNode = -1;                       // PointsLoop: a node on the loop and the choice that
    int loopChoice = -1;                     //   earns points in it (-1 = its timeout)
};

// Searches the state space for the best complete path. Loops whose every trip costs nothing or
// points are fine; a loop that earns points (the trainee could farm them) is a PointsLoop.
OptimumOutcome computeOptimum(const Scenario& scenario, const Framework& framework,
                              std::size_t maxStates = kMaxScoringStates);
// The same over the scenario's state graph already explored, exploreStates(scenario, maxStates),
// so a caller that needs the graph anyway explores it once. Same outcome as the call above.
OptimumOutcome computeOptimum(const Scenario& scenario, const Framework& framework,
                              const StateGraph& graph, std::size_t maxStates = kMaxScoringStates);

// The validator's side: reports RAP0053 (state space over `maxStates`, with its size) and
// RAP0059 (a loop that earns points), located in the scenario file.
void checkScoringStateSpace(const Scenario& scenario, const Framework& framework,
                            DiagnosticList& diags, std::size_t maxStates = kMaxScoringStates);
// The same over `graph` = exploreStates(scenario, maxStates); same diagnostics.
void checkScoringStateSpace(const Scenario& scenario, const Framework& framework,
                            const StateGraph& graph, DiagnosticList& diags,
                            std::size_t maxStates = kMaxScoringStates);

// Replays `transcript` through a Session to know exactly what was shown at each step, then
// scores it. Throws ScoringError when a step does not fit the scenario (another node, other
// choices shown, a choice that is not shown) or the scenario cannot be scored. `optimum` may be
// passed when already computed for this scenario and framework (it is then not recomputed).
// An unfinished transcript is scored as far as it goes and never passes.
ScoreReport scoreTranscript(const Scenario& scenario, const Framework& framework,
                            const Transcript& transcript, const ScenarioOptimum* optimum = nullptr);

// For front ends that show a report after play: finds the scenario's framework on
// frameworkSearchPath(scenario.sourcePath) and scores `transcript`. Never throws for a missing or
// broken framework or an unscorable scenario: `error` then says why, in one line.
struct PlayScore {
    std::optional<ScoreReport> report;
    std::string error;
};
PlayScore scorePlay(const Scenario& scenario, const Transcript& transcript);

}  // namespace rapport
