// Seeded random play-throughs of a scenario, scored exactly as scoreTranscript scores a
// transcript, to show what guessing earns. The rule of a random player: at each decision every
// reply shown is equally likely, and on a timed node letting the timer run out is one more
// option of the same weight. A reply whose `set` cannot be applied (the validator reports it)
// is not an option. Plays walk the explored state graph, so no Session, transcript or optimum
// search is built per play: 10,000 plays of a bundled scenario take milliseconds.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/analysis/evidence_profile.hpp"
#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/behaviour_rules.hpp"
#include "core/state/state_space.hpp"

namespace rapport {

// A play still going after this many decisions (a loop it keeps taking) stops unfinished,
// which never passes.
inline constexpr int kMaxRandomPlaySteps = 1000;

struct RandomPlay {
    bool finished = false;
    int endingNode = -1;      // node index of the ending reached, -1 when unfinished
    double score = 0;         // scenario score, as in the score report
    bool passed = false;      // the report's pass rule (score, critical indicators, primaries)
    std::int64_t earned = 0;  // weighted points
    int steps = 0;
    std::string choices;  // the --choices list of the play, when asked for
};

struct RandomPlayStats {
    int samples = 0;
    std::uint64_t seed = 0;
    // Scenario-score quantiles by nearest rank: the value at rank ceil(p x samples) of the
    // sorted scores (the median of an even sample is the lower middle value).
    double min = 0, lowerQuartile = 0, median = 0, upperQuartile = 0, max = 0, mean = 0;
    int passed = 0;
    double passRate = 0;            // passed / samples, 0..1
    int unfinished = 0;             // plays stopped by kMaxRandomPlaySteps or a dead end
    std::array<int, 4> outcomes{};  // plays ending won, partial, lost, escalated (Outcome order)
    // The first play (with its --choices) reaching a won ending with a score below the pass
    // mark, and the first reaching a lost ending that passes, if any play does.
    std::optional<RandomPlay> wonFailing, lostPassing;
};

class RandomPlayer {
public:
    // `graph` must be complete (exploreStates within its bound) and outlive the player; `best`
    // and `worst` are the optimum's weighted totals (computeOptimum or analyzeScenario). Throws
    // ScoringError when the scenario cites indicators the framework lacks.
    RandomPlayer(const Scenario& scenario, const Framework& framework, const StateGraph& graph,
                 std::int64_t best, std::int64_t worst);

    RandomPlay play(std::mt19937_64& rng, bool withChoices = false) const;

    // Positions (1-based, among the replies shown) of the edge taken in a graph state, for
    // --choices lists.
    int position(int state, int edge) const;

    const Scenario& scenario() const { return s_; }

private:
    const Scenario& s_;
    const Framework& f_;
    const StateGraph& g_;
    std::int64_t best_, worst_;
    ScenarioEvidence evidence_;
    RuleEngine rules_;
    std::size_t nc_;
    std::vector<std::int64_t> available_;  // [state * nc + competency]: best a shown option offered
    std::vector<char> opportunity_;        // [state * nc + competency]: some option cites it
    std::vector<std::vector<int>> failing_;  // per state: shown replies whose `set` fails, sorted
    std::vector<int> primaries_;             // competency indices of the scenario's `assesses`
};

// `samples` plays from mt19937_64(seed); each play draws from the one generator in turn. A play
// kept as a witness is replayed from the generator's state before it, so keeping one does not
// change the sample.
RandomPlayStats sampleRandomPlay(const RandomPlayer& player, int samples, std::uint64_t seed);

}  // namespace rapport
