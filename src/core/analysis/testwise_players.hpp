// Test-wise players: deterministic players that never read a reply for meaning. At every
// decision each ranks the replies shown (in the order the session shows them under its seed) by
// surface cues only (surface_cues.hpp), breaks ties by the next cue and then by position, and
// takes the first reply its ranking puts first. They always answer, so no timer runs out while
// a reply is shown. Each play is scored by scoreTranscript like any play-through: a player that
// scores near the pass mark shows that the scenario can be passed without skill.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/optimum.hpp"

namespace rapport {

// A play still going after this many decisions (a loop the player keeps taking) stops there and
// is reported as reaching no ending, which never passes.
inline constexpr int kMaxTestwiseSteps = 1000;

// The seeds every player is run under: 0 (the authored order) and 1 to 7. Position players only
// mean something across seeds that shuffle the replies.
inline constexpr std::uint64_t kTestwiseSeeds[] = {0, 1, 2, 3, 4, 5, 6, 7};

enum class SurfaceCue {
    Longer,           // more characters first
    Shorter,          // fewer characters first
    Later,            // later position first
    QuestionMark,     // a reply with "?" first
    Acknowledgement,  // a reply opening with an acknowledgement or apology first
    Figures,          // a reply with digits first
    AvoidRisky,       // a reply without a risky word first
};

struct TestwisePlayer {
    std::string name;  // stable key: longest, second-longest, question-mark-longest, …
    std::string rule;  // the rule in plain words
    std::vector<SurfaceCue> cues;  // compared in order; remaining ties go to the earlier reply
    int rank = 0;  // 0 takes the reply ranked first, 1 the one ranked second (when shown)
};

// Every player analysis runs, in report order (docs/analysis.md lists them).
const std::vector<TestwisePlayer>& testwisePlayers();

// The order in which `player` would take the replies shown: positions (0-based among
// `replies`) from most to least preferred. `language` picks the cue table.
std::vector<int> rankReplies(const TestwisePlayer& player, const std::vector<std::string>& replies,
                             const std::string& language);

struct TestwisePlay {
    std::uint64_t seed = 0;
    bool finished = false;  // reached an ending; false after kMaxTestwiseSteps or a dead end
    double score = 0;       // scenario score, from scoreTranscript
    bool passed = false;
    std::string ending;   // ending node id, empty when unfinished
    std::string outcome;  // won | partial | lost | escalated, empty when unfinished
    std::string choices;  // --choices list (positions as shown under `seed`)
    int steps = 0;
};

struct TestwiseResult {
    std::string player, rule;
    std::vector<TestwisePlay> plays;  // one per seed of kTestwiseSeeds, in that order
    // The worst case over seeds: the play with the highest score (ties: the earlier seed).
    std::size_t highest = 0;
    int passedSeeds = 0;  // seeds under which the player passes
};

// A player's rule ("the longest reply") in the interface language, for people; the English
// rule stays in TestwiseResult for machine output.
std::string testwiseRuleText(const std::string& rule);
// A player's name for people ("longest" reads "самая длинная" in Russian); the id itself stays
// the key in JSON and in the author workspace's widget ids. An unknown id is returned as it is.
std::string testwisePlayerLabel(const std::string& id);

// Plays `player` through `scenario` from start under `seed` and scores the play. `optimum` may
// be passed when already computed (it is then not recomputed). Throws ScoringError when the
// scenario cannot be scored (run validate first).
TestwisePlay playTestwise(const Scenario& scenario, const Framework& framework,
                          const TestwisePlayer& player, std::uint64_t seed,
                          const ScenarioOptimum* optimum = nullptr);

// Every player of testwisePlayers() under every seed of kTestwiseSeeds.
std::vector<TestwiseResult> runTestwisePlayers(const Scenario& scenario, const Framework& framework,
                                               const ScenarioOptimum* optimum = nullptr);

}  // namespace rapport
