// What a trainer needs to know about a scenario before a trainee sees it: its size, what can be
// reached and how, the best and worst a trainee can do overall and per competency, replies that
// are never better than a sibling, and what random guessing scores. The exact parts are exact
// over the scenario's state space (the same bound as the validator; over it, they are missing
// and `problem` says why); the random-play part states its sample size and seed.
// docs/analysis.md explains every figure for trainers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/cue_statistics.hpp"
#include "core/analysis/random_play.hpp"
#include "core/analysis/testwise_players.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/scoring.hpp"

namespace rapport {

struct AnalysisOptions {
    int samples = 10'000;  // random plays
    std::uint64_t seed = 1;
    std::size_t maxStates = kMaxScoringStates;
};

// A complete path found by the analysis, replayed and scored like any play-through.
struct AnalysisPath {
    bool found = false;
    std::string choices;  // --choices list ("2,1,t,3"; t = let the timer run out)
    int steps = 0;
    std::int64_t value = 0;  // what the path extremises: weighted total, or one competency's points
    double score = 0;        // scenario score of the path
    bool passed = false;
    std::string ending;                     // ending node id
    std::string outcome;                    // won | partial | lost | escalated
    std::optional<double> competencyScore;  // for a competency's paths: its score on that path
};

struct EndingReach {
    std::string node;
    std::string outcome;
    std::string title;
    bool reachable = false;
    AnalysisPath shortest;  // fewest decisions from start (ties: earliest replies first)
};

struct CompetencyAnalysis {
    std::string id;
    std::string name;
    int weight = 1;
    bool primary = false;  // in the scenario's `assesses`
    int decisionPoints =
        0;            // nodes where some reply (or the timer) cites it: scoring opportunities
    int replies = 0;  // replies citing it
    int earningReplies = 0;  // replies earning it points (> 0)
    int rules = 0;           // behaviour rules whose violation scores it
    // Points earned for this competency on a complete path (framework points, unweighted, rule
    // violations included), highest and lowest over all complete paths.
    AnalysisPath max, min;
    bool maxUnbounded = false;  // a loop earns it points each time round (the path shown avoids it)
    bool minUnbounded = false;  // a loop loses it points each time round
};

struct DominatedChoice {
    std::string node;
    std::string choice;     // never better on any competency than `by`, and worse on one
    std::string by;         // a sibling shown with it in some reachable state
    bool sameNext = false;  // both lead to the same node
};

// A path whose ending and score disagree: a won ending with a score below the pass mark
// (won-failing), or a lost ending on a play that passes (lost-passing).
struct OutcomeMismatch {
    std::string kind;     // won-failing | lost-passing
    std::string source;   // which path: "best path", "test-wise player longest, seed 3", …
    std::string choices;  // its --choices list
    double score = 0;
    bool passed = false;
    std::string ending, outcome;
};

struct AnalysisWarning {
    std::string kind;     // stable key: random-pass-rate, random-median, single-reply, …
    std::string message;  // plain words, with what to do
};

struct ScenarioAnalysis {
    std::string path, id, title, language, sector, framework;
    int passScore = 70;
    std::vector<std::string> assesses;

    // Structure of the file.
    int nodes = 0, choices = 0, endings = 0, timedNodes = 0;

    // Exact parts; `problem` is set (and these are empty) when they could not be worked out.
    std::string problem;
    std::size_t states = 0;         // states of the scenario (node, variables, once, visited())
    std::size_t scoringStates = 0;  // the same with behaviour-rule states, searched for paths
    std::vector<std::string> unreachableNodes;
    std::vector<EndingReach> endingPaths;
    AnalysisPath best, worst, poor;
    // Exact, by weighted total: the lowest-scoring complete path that ends "won" and the
    // highest-scoring one that ends "lost" (not found when no path ends so). Each is replayed and
    // judged like any play-through, so a won path whose total passes but whose primary
    // competencies do not is not the lowest won path; the outcome check reads these too.
    AnalysisPath lowestWon, highestLost;
    bool bestUnbounded = false, worstUnbounded = false;
    std::vector<CompetencyAnalysis>
        competencies;  // competencies cited or assessed, framework order
    std::vector<DominatedChoice> dominated;

    // Sampled part.
    std::optional<RandomPlayStats> random;

    // Test-wise players (testwise_players.hpp) and the best path's surface cues; empty when the
    // exact parts could not be worked out (a play could not be scored).
    std::vector<TestwiseResult> testwise;
    std::optional<CueStatistics> cues;
    // Ending and score disagreeing, checked on every path above (best, worst, poor, the lowest
    // won and highest lost paths, the shortest way to each ending, each competency's extremes,
    // the test-wise plays) and on the random plays: one witness per kind at most, in that order
    // of search. Exact for a won ending below the pass score (lowestWon); a lost ending that
    // passes is found when the highest-scoring lost path, or a sampled one, passes.
    std::vector<OutcomeMismatch> outcomeMismatches;

    std::vector<AnalysisWarning> warnings;
};

// Throws ScoringError when the scenario cites indicators the framework lacks (run validate first).
ScenarioAnalysis analyzeScenario(const Scenario& scenario, const Framework& framework,
                                 const AnalysisOptions& options = {});

// Checks the file as `rapport validate` does, finds its framework and analyses it. `analysis` is
// set when the file has no errors and its framework is usable; otherwise `error` says why.
struct FileAnalysis {
    ScenarioCheck check;
    std::optional<ScenarioAnalysis> analysis;
    std::string error;
};
FileAnalysis analyzeScenarioFile(const std::string& path, const AnalysisOptions& options = {});

// The thresholds of the "does not discriminate" warnings (docs/analysis.md).
inline constexpr double kMaxRandomPassRate = 0.10;
// A test-wise player should stay this many points below the pass mark under every seed.
inline constexpr double kTestwiseMargin = 20.0;
// The best reply may be the longest at no more than this share of the best path's decisions.
inline constexpr double kMaxBestLongestShare = 1.0 / 3.0;
// Best replies may open with an acknowledgement at most this much more (or less) often than the
// other replies at the same decisions (0.15 = 15 percentage points).
inline constexpr double kMaxAcknowledgementGap = 0.15;

}  // namespace rapport
