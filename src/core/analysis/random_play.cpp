#include "core/analysis/random_play.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/scoring/behaviour_rules.hpp"
#include "core/scoring/competency_grade.hpp"
#include "core/scoring/score_scale.hpp"
#include "core/text/number_format.hpp"

namespace rapport {

RandomPlayer::RandomPlayer(const Scenario& s, const Framework& f, const StateGraph& g,
                           std::int64_t best, std::int64_t worst)
    : s_(s),
      f_(f),
      g_(g),
      best_(best),
      worst_(worst),
      evidence_(resolveScenarioEvidence(s, f)),
      rules_(f, s),
      nc_(f.competencies.size()) {
    if (!g.complete) throw std::logic_error("RandomPlayer: the state graph is incomplete");
    failing_.resize(g.size());
    for (const auto& [state, choice] : g.failingChoices)
        failing_[std::size_t(state)].push_back(choice);
    for (auto& v : failing_) std::sort(v.begin(), v.end());
    for (const auto& id : s.assesses)
        if (auto c = f.findCompetency(id)) primaries_.push_back(*c);

    // What each decision offers every competency depends only on the graph state (the replies
    // shown there), so it is worked out once per state rather than once per step of every play.
    available_.assign(g.size() * nc_, 0);
    opportunity_.assign(g.size() * nc_, 0);
    for (std::size_t st = 0; st < g.size(); ++st) {
        const int node = g.node(int(st));
        if (s.nodes[std::size_t(node)].isEnding()) continue;
        auto consider = [&](const EvidenceProfile& p) {
            for (std::size_t c = 0; c < nc_; ++c) {
                if (p.cited[c]) opportunity_[st * nc_ + c] = 1;
                available_[st * nc_ + c] = std::max(available_[st * nc_ + c], p.points[c]);
            }
        };
        for (const auto& e : g.edges(int(st)))
            consider(e.choice >= 0 ? evidence_.choices[std::size_t(node)][std::size_t(e.choice)]
                                   : evidence_.timeout);
        for (int c : failing_[st]) consider(evidence_.choices[std::size_t(node)][std::size_t(c)]);
    }
}

int RandomPlayer::position(int state, int edge) const {
    const auto edges = g_.edges(state);
    const int choice = edges[std::size_t(edge)].choice;
    if (choice < 0) return 0;
    int pos = 1;
    for (const auto& e : edges)
        if (e.choice >= 0 && e.choice < choice) ++pos;
    for (int c : failing_[std::size_t(state)])
        if (c < choice) ++pos;
    return pos;
}

RandomPlay RandomPlayer::play(std::mt19937_64& rng, bool withChoices) const {
    RandomPlay out;
    std::vector<std::int64_t> earned(nc_, 0), available(nc_, 0);
    std::vector<int> opportunities(nc_, 0);
    bool critical = false;
    std::int64_t total = 0;
    const RuleEngine& rules = rules_;
    std::uint64_t rk = RuleEngine::initial();
    std::vector<RuleEvent> events;
    auto applyEvents = [&] {
        for (const RuleEvent& e : events) {
            const int ind = f_.rules[std::size_t(e.rule)].violation;
            const Indicator& indicator = f_.indicators[std::size_t(ind)];
            const auto c = std::size_t(indicator.competency);
            if (e.kind == RuleEvent::Kind::Triggered) ++opportunities[c];
            if (e.kind != RuleEvent::Kind::Violated) continue;
            earned[c] += indicator.points;
            total += std::int64_t(indicator.points) * f_.competencies[c].weight;
            critical = critical || indicator.critical;
        }
    };

    int state = 0;
    for (;;) {
        const int node = g_.node(state);
        if (s_.nodes[std::size_t(node)].isEnding()) {
            out.finished = true;
            out.endingNode = node;
            events.clear();
            rules.finish(rk, events);
            applyEvents();
            break;
        }
        const auto edges = g_.edges(state);
        if (edges.empty() || out.steps >= kMaxRandomPlaySteps) break;  // dead end or endless loop
        const std::size_t pick = std::size_t(rng() % edges.size());
        const auto& e = edges[pick];
        for (std::size_t c = 0; c < nc_; ++c)
            if (opportunity_[std::size_t(state) * nc_ + c]) {
                ++opportunities[c];
                available[c] += available_[std::size_t(state) * nc_ + c];
            }
        const EvidenceProfile& p = e.choice >= 0
                                       ? evidence_.choices[std::size_t(node)][std::size_t(e.choice)]
                                       : evidence_.timeout;
        for (std::size_t c = 0; c < nc_; ++c) earned[c] += p.points[c];
        total += p.weighted;
        critical = critical || p.critical;
        events.clear();
        rules.step(rk, node, p.indicators, events);
        // The deal rules judge the figures the step left, as the scorer and the optimum do
        // (rule_product.hpp); without them a concession past authority went unpunished here.
        if (rules.judgesDeals())
            rules.dealStep(g_.variables(state), g_.variables(e.target), events);
        applyEvents();
        if (withChoices) {
            if (!out.choices.empty()) out.choices += ',';
            out.choices +=
                e.choice < 0 ? std::string("t") : std::to_string(position(state, int(pick)));
        }
        ++out.steps;
        state = e.target;
    }

    // The score report's rules (score_scale.hpp, competency_grade.hpp; docs/scoring.md 5, 6).
    out.earned = total;
    out.score = scenarioScore(total, best_, worst_);
    bool passed = out.finished && out.score >= double(s_.passScore) && !critical;
    for (int c : primaries_) {
        if (!passed) break;
        const auto ci = std::size_t(c);
        const CompetencyGrade g =
            gradeCompetency(f_, earned[ci], available[ci], opportunities[ci], false);
        if (!g.rated || g.level < 1) passed = false;
    }
    out.passed = passed;
    return out;
}

RandomPlayStats sampleRandomPlay(const RandomPlayer& player, int samples, std::uint64_t seed) {
    if (samples < 1) throw std::logic_error("sampleRandomPlay: samples must be at least 1");
    RandomPlayStats st;
    st.samples = samples;
    st.seed = seed;
    std::mt19937_64 rng(seed);
    std::vector<double> scores;
    scores.reserve(std::size_t(samples));
    double sum = 0;
    const Scenario& s = player.scenario();
    for (int i = 0; i < samples; ++i) {
        const bool witnessMissing = !st.wonFailing || !st.lostPassing;
        std::optional<std::mt19937_64> before;
        if (witnessMissing) before = rng;
        const RandomPlay p = player.play(rng);
        if (witnessMissing && p.finished) {
            const Outcome o = s.nodes[std::size_t(p.endingNode)].ending->outcome;
            if (o == Outcome::Won && p.score < double(s.passScore) && !st.wonFailing)
                st.wonFailing = player.play(*before, true);
            else if (o == Outcome::Lost && p.passed && !st.lostPassing)
                st.lostPassing = player.play(*before, true);
        }
        scores.push_back(p.score);
        sum += p.score;
        if (p.passed) ++st.passed;
        if (!p.finished)
            ++st.unfinished;
        else
            ++st.outcomes[std::size_t(
                player.scenario().nodes[std::size_t(p.endingNode)].ending->outcome)];
    }
    std::sort(scores.begin(), scores.end());
    auto rank = [&](double p) {
        const auto r = std::size_t(std::ceil(p * double(samples)));
        return scores[std::min(scores.size() - 1, r == 0 ? 0 : r - 1)];
    };
    st.min = scores.front();
    st.max = scores.back();
    st.lowerQuartile = rank(0.25);
    st.median = rank(0.5);
    st.upperQuartile = rank(0.75);
    st.mean = roundToDecimals(sum / double(samples), 1);
    st.passRate = double(st.passed) / double(samples);
    return st;
}

}  // namespace rapport
