#include "core/analysis/testwise_players.hpp"

#include <algorithm>

#include "core/analysis/surface_cues.hpp"
#include "core/play/clock.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scoring/scoring.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

const std::vector<TestwisePlayer>& testwisePlayers() {
    using C = SurfaceCue;
    static const std::vector<TestwisePlayer> players = {
        {"longest", trNoop("the longest reply"), {C::Longer}, 0},
        {"shortest", trNoop("the shortest reply"), {C::Shorter}, 0},
        {"second-longest", trNoop("the second longest reply"), {C::Longer}, 1},
        {"first", trNoop("the first reply shown"), {}, 0},
        {"second", trNoop("the second reply shown"), {}, 1},
        {"last", trNoop("the last reply shown"), {C::Later}, 0},
        {"question-mark",
         trNoop("a reply with a question mark, else the first"),
         {C::QuestionMark},
         0},
        {"acknowledgement",
         trNoop("a reply opening with an acknowledgement or apology, else the first"),
         {C::Acknowledgement},
         0},
        {"figures", trNoop("a reply with figures, else the first"), {C::Figures}, 0},
        {"avoid-risky",
         trNoop("a reply without discount, guarantee or promise words, else the first"),
         {C::AvoidRisky},
         0},
        {"question-mark-longest",
         trNoop("the longest reply with a question mark, else the longest"),
         {C::QuestionMark, C::Longer},
         0},
        {"acknowledgement-longest",
         trNoop("the longest reply opening with an acknowledgement, else the longest"),
         {C::Acknowledgement, C::Longer},
         0},
        {"figures-longest",
         trNoop("the longest reply with figures, else the longest"),
         {C::Figures, C::Longer},
         0},
        {"avoid-risky-longest",
         trNoop("avoid risky words, then the longest"),
         {C::AvoidRisky, C::Longer},
         0},
    };
    return players;
}

std::string testwiseRuleText(const std::string& rule) { return tr(rule.c_str()); }

std::string testwisePlayerLabel(const std::string& id) {
    // One literal per player, where xgettext finds it.
    if (id == "longest") return trc("test-wise player", "longest");
    if (id == "shortest") return trc("test-wise player", "shortest");
    if (id == "second-longest") return trc("test-wise player", "second-longest");
    if (id == "first") return trc("test-wise player", "first");
    if (id == "second") return trc("test-wise player", "second");
    if (id == "last") return trc("test-wise player", "last");
    if (id == "question-mark") return trc("test-wise player", "question-mark");
    if (id == "acknowledgement") return trc("test-wise player", "acknowledgement");
    if (id == "figures") return trc("test-wise player", "figures");
    if (id == "avoid-risky") return trc("test-wise player", "avoid-risky");
    if (id == "question-mark-longest") return trc("test-wise player", "question-mark-longest");
    if (id == "acknowledgement-longest") return trc("test-wise player", "acknowledgement-longest");
    if (id == "figures-longest") return trc("test-wise player", "figures-longest");
    if (id == "avoid-risky-longest") return trc("test-wise player", "avoid-risky-longest");
    return id;
}

std::vector<int> rankReplies(const TestwisePlayer& player, const std::vector<std::string>& replies,
                             const std::string& language) {
    const SurfaceCueTable& cues = surfaceCuesFor(language);
    const int n = int(replies.size());
    // Each reply's value under each cue, higher preferred.
    std::vector<std::vector<int>> value(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const std::string& t = replies[std::size_t(i)];
        for (SurfaceCue c : player.cues) {
            int v = 0;
            switch (c) {
                case SurfaceCue::Longer:
                    v = replyLength(t);
                    break;
                case SurfaceCue::Shorter:
                    v = -replyLength(t);
                    break;
                case SurfaceCue::Later:
                    v = i;
                    break;
                case SurfaceCue::QuestionMark:
                    v = hasQuestionMark(t);
                    break;
                case SurfaceCue::Acknowledgement:
                    v = opensWithAcknowledgement(t, cues);
                    break;
                case SurfaceCue::Figures:
                    v = hasFigures(t);
                    break;
                case SurfaceCue::AvoidRisky:
                    v = !hasRiskyWord(t, cues);
                    break;
            }
            value[std::size_t(i)].push_back(v);
        }
    }
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) order[std::size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return value[std::size_t(a)] > value[std::size_t(b)]; });
    // A player taking the second ranked reply falls back on the first when only one is shown.
    if (player.rank > 0 && player.rank < n)
        std::rotate(order.begin(), order.begin() + player.rank, order.begin() + player.rank + 1);
    return order;
}

TestwisePlay playTestwise(const Scenario& scenario, const Framework& framework,
                          const TestwisePlayer& player, std::uint64_t seed,
                          const ScenarioOptimum* optimum) {
    TestwisePlay out;
    out.seed = seed;
    ManualClock clock;
    Session session(scenario, clock, seed);
    while (!session.finished() && out.steps < kMaxTestwiseSteps) {
        const std::vector<int>& shown = session.choices();
        if (!out.choices.empty()) out.choices += ',';
        if (shown.empty()) {
            if (!session.node().isTimed()) break;  // a dead end: the validator reports it
            clock.advance(session.timeLeftMs());
            session.timeout();
            out.choices += 't';
            ++out.steps;
            continue;
        }
        std::vector<std::string> texts;
        for (int c : shown) texts.push_back(session.node().choices[std::size_t(c)].text);
        clock.advance(kScriptedAnswerMs);
        bool taken = false;
        // A reply whose `set` fails at run time is not taken; the next ranked one is.
        for (int pos : rankReplies(player, texts, scenario.language)) {
            if (session.choose(pos)) {
                out.choices += std::to_string(pos + 1);
                taken = true;
                break;
            }
        }
        if (!taken) break;
        ++out.steps;
    }
    if (!out.choices.empty() && out.choices.back() == ',') out.choices.pop_back();
    const ScoreReport r = scoreTranscript(scenario, framework, session.transcript(), optimum);
    out.finished = r.finished;
    out.score = r.score;
    out.passed = r.passed;
    if (r.finished) {
        out.ending = r.endingNode;
        out.outcome = r.outcome;
    }
    return out;
}

std::vector<TestwiseResult> runTestwisePlayers(const Scenario& scenario, const Framework& framework,
                                               const ScenarioOptimum* optimum) {
    std::vector<TestwiseResult> out;
    for (const TestwisePlayer& p : testwisePlayers()) {
        TestwiseResult r;
        r.player = p.name;
        r.rule = p.rule;
        for (std::uint64_t seed : kTestwiseSeeds) {
            r.plays.push_back(playTestwise(scenario, framework, p, seed, optimum));
            const TestwisePlay& play = r.plays.back();
            if (play.passed) ++r.passedSeeds;
            if (play.score > r.plays[r.highest].score) r.highest = r.plays.size() - 1;
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace rapport
