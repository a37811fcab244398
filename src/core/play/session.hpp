// A play-through of one scenario: the only mutable state in play. Polled by front ends (the
// ink "runner" shape): read the current node, text and choices, then choose() or timeout().
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/play/clock.hpp"
#include "core/play/play_table.hpp"
#include "core/play/reply_order.hpp"
#include "core/play/timing.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

// Environment or misuse errors raised by Session (not author mistakes, which the loader reports).
class SessionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Session {
public:
    // The scenario must outlive the session. `seed` is recorded in the transcript and, under
    // ReplyOrder::Seeded, orders each node's replies (reply_order.hpp; seed 0 = file order), so
    // an attempt replays exactly from its seed. ReplyOrder::Authored replays attempts made before
    // replies were shuffled: file order whatever the seed.
    // `timing`: how the trainee's timed moments run (timing.hpp), recorded in the transcript.
    Session(const Scenario& scenario, const Clock& clock, std::uint64_t seed = 0,
            ReplyOrder order = ReplyOrder::Seeded, Timing timing = Timing::Standard);

    const Scenario& scenario() const { return *scenario_; }
    int currentNode() const { return current_; }
    const Node& node() const { return scenario_->nodes[current_]; }
    bool finished() const { return table_->nodes[std::size_t(current_)].ending; }
    const Ending* ending() const { return finished() ? &*node().ending : nullptr; }

    // The client's line after variants.
    const std::string& text() const;
    // Indices into node().choices of the choices shown now (conditions true, once-choices not
    // yet taken), in the order shown: the node's reply permutation under the seed
    // (replyPermutation), file order when the seed is 0, the node has "shuffle": false or the
    // order is Authored. Positions (choose(), transcripts' choiceNumber) count in this order.
    const std::vector<int>& choices() const { return shown_; }
    std::uint64_t seed() const { return transcript_.seed; }
    ReplyOrder replyOrder() const { return transcript_.replyOrder; }

    std::int64_t variable(int index) const { return vars_[index]; }
    const std::vector<std::int64_t>& variables() const { return vars_; }
    bool visited(int node) const {
        return node >= 0 && std::size_t(node) < visited_.size() && visited_[std::size_t(node)];
    }

    Timing timing() const { return transcript_.timing; }
    // The current node counts down for this trainee: it has a time limit and timing is not
    // Untimed. Front ends show a countdown and call timeout() only then.
    bool timed() const;
    // Milliseconds spent in the current node so far, and left on a timed node (0 if none); the
    // limit is the author's as adjusted by timing().
    std::int64_t timeInNodeMs() const;
    std::int64_t timeLeftMs() const;
    bool timeExpired() const;

    // Takes the shown choice at `position` (0-based among choices()). Throws SessionError when
    // finished or out of range. Returns false (and leaves state unchanged, error in lastError())
    // when a `set` fails at run time (division by zero, overflow). Assignments are simultaneous
    // (all read the state before the choice); variables shown as meters are then clamped to the
    // meter's range. Accepted even after a time limit passed: the front end decides when to call
    // timeout(), and the transcript records the real time taken.
    bool choose(int position);
    // Takes the node's onTimeout branch, recording a step with timedOut and the time spent.
    // Throws SessionError if the node is not timed.
    void timeout();

    // The record so far. Steps are kept as indices while playing and turned into strings here,
    // on first read after a choice, so long or many play-throughs (analysis, benchmarks) do not
    // copy every line they pass; front ends that read it after each choice pay one step's copy.
    const Transcript& transcript() const;
    const std::string& lastError() const { return lastError_; }

    // Save and resume exactly: variables, once-choices taken, visited nodes, transcript, and time
    // already spent in the current node.
    nlohmann::json save() const;
    // Throws SessionError when the saved state does not belong to this scenario (content hash)
    // or is malformed.
    static Session resume(const Scenario& scenario, const Clock& clock,
                          const nlohmann::json& saved);

private:
    void enter(int node);
    void refresh();  // recompute text and shown choices

    const Scenario* scenario_;
    // What play reads of the scenario, packed (play_table.hpp): shared by its sessions.
    std::shared_ptr<const PlayTable> table_;
    const Clock* clock_;
    int current_ = 0;
    std::vector<std::int64_t> vars_;
    // Grown as nodes are entered (shorter means not visited), so starting a session does not
    // cost a table sized to the whole scenario.
    std::vector<bool> visited_;
    // Once-choices taken, as (node << 32 | choice), sorted: a session holds a handful, so a
    // sorted list costs nothing to start however many nodes the scenario has (a table per node
    // made starting a 10,000-node session 50 times dearer than a 100-node one).
    std::vector<std::uint64_t> onceTaken_;
    bool onceTaken(int node, int choice) const;
    std::vector<int> shown_;
    std::vector<int> permutation_;  // scratch for refresh(): the current node's reply order
    std::vector<char> isShown_;     // scratch for refresh(): per reply of the node, shown or not
    int variant_ = -1;              // index of the variant whose text is shown; -1 = node text
    std::int64_t enteredAtMs_ = 0;
    // A decision as indices into the scenario; materialised into transcript_ by transcript().
    struct PendingStep {
        int node = 0;
        int variant = -1;              // variant whose text was shown; -1 = node text
        int choice = -1;               // index into the node's choices; -1 = timeout
        int position = 0;              // 0-based among the shown choices
        std::uint32_t shownBegin = 0;  // range in pendingShown_
        std::uint32_t shownCount = 0;
        std::int64_t timeTakenMs = 0;
        int next = 0;
    };
    void record(int choiceIndex, int position, int next);

    mutable Transcript transcript_;
    mutable std::vector<PendingStep> pending_;
    mutable std::vector<int> pendingShown_;
    std::string lastError_;
};

}  // namespace rapport
