#include "core/scoring/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

#include "core/framework/framework_catalog.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "core/scoring/behaviour_rules.hpp"
#include "core/scoring/competency_grade.hpp"
#include "core/scoring/evidence_table.hpp"
#include "core/scoring/optimum_bound.hpp"
#include "core/scoring/remarks.hpp"
#include "core/scoring/score_scale.hpp"
#include "core/text/number_format.hpp"

namespace rapport {

namespace {

// The optimum passed in, or one computed here; a scenario without one cannot be scored.
const ScenarioOptimum& requireOptimum(const Scenario& scenario, const Framework& f,
                                      const ScenarioOptimum* given,
                                      std::optional<ScenarioOptimum>& own) {
    if (given) return *given;
    OptimumOutcome o = computeOptimum(scenario, f);
    switch (o.problem) {
        case OptimumOutcome::Problem::None:
            break;
        case OptimumOutcome::Problem::TooLarge:
            // Scored against bounds (RAP0053 warns about it), docs/scoring.md 5.3.
            own = boundOptimum(scenario, f);
            if (!own)
                throw ScoringError("scenario \"" + scenario.id +
                                   "\" has no path from start to an ending");
            own->states = o.states;
            return *own;
        case OptimumOutcome::Problem::PointsLoop:
            throw ScoringError(
                "scenario \"" + scenario.id +
                "\" has a loop that earns points again and again (run rapport validate)");
        case OptimumOutcome::Problem::NoEnding:
            throw ScoringError("scenario \"" + scenario.id +
                               "\" has no path from start to an ending");
    }
    own = std::move(o.optimum);
    return *own;
}

ScoreReport reportHeader(const Scenario& scenario, const Framework& f,
                         const ScenarioOptimum& optimum) {
    ScoreReport r;
    r.scenarioId = scenario.id;
    r.scenarioVersion = scenario.version;
    r.alternate = scenario.alternate;
    r.alternateName = scenario.alternateName;
    r.contentHash = scenario.contentHash;
    r.frameworkId = f.id;
    r.frameworkVersion = f.version;
    r.frameworkHash = f.contentHash;
    r.passScore = scenario.passScore;
    r.best = optimum.best;
    r.worst = optimum.worst;
    r.bestPath = optimum.bestPath;
    r.states = optimum.states;
    return r;
}

// Replays the transcript through a Session and adds up, per competency, what was earned, what
// the shown replies offered, and every piece of evidence; behaviour rules run alongside.
class Replay {
public:
    Replay(const Scenario& scenario, const Framework& f, const EvidenceTable& table, ScoreReport& r)
        : scenario_(scenario),
          f_(f),
          table_(table),
          r_(r),
          nc_(f.competencies.size()),
          earned_(nc_, 0),
          available_(nc_, 0),
          opportunities_(nc_, 0),
          critical_(nc_, false),
          evidence_(nc_),
          rules_(f, scenario),
          open_(f.rules.size()),
          sums_(nc_),
          touched_(nc_),
          bestOption_(nc_),
          opportunity_(nc_) {}

    // Throws ScoringError at the first step that does not fit the scenario.
    void run(const Transcript& transcript) {
        ManualClock clock;
        Session session(scenario_, clock, transcript.seed, transcript.replyOrder);
        std::string lastLine;
        for (const TranscriptStep& st : transcript.steps) lastLine = step(session, st);
        if (session.finished()) {
            if (!transcript.endingNode.empty() && transcript.endingNode != session.node().id)
                throw ScoringError("transcript ends at node \"" + transcript.endingNode +
                                   "\" but its steps lead to \"" + session.node().id + "\"");
            r_.finished = true;
            r_.endingNode = session.node().id;
            r_.outcome = outcomeName(session.ending()->outcome);
            events_.clear();
            rules_.finish(rk_, events_);
            applyRuleEvents(int(transcript.steps.size()), lastLine);
        } else if (!transcript.endingNode.empty()) {
            throw ScoringError("transcript claims to end at node \"" + transcript.endingNode +
                               "\" but its steps stop at node \"" + session.node().id + "\"");
        }
    }

    std::int64_t total() const { return total_; }

    // One CompetencyScore per framework competency, in the framework's order; moves the
    // evidence out, so call it once.
    std::vector<CompetencyScore> competencyScores() {
        std::vector<CompetencyScore> out;
        const auto& primary = scenario_.assesses;
        for (std::size_t c = 0; c < nc_; ++c) {
            const Competency& comp = f_.competencies[c];
            CompetencyScore cs;
            cs.id = comp.id;
            cs.name = comp.name;
            cs.weight = comp.weight;
            cs.primary = std::find(primary.begin(), primary.end(), comp.id) != primary.end();
            cs.earned = earned_[c];
            cs.available = available_[c];
            cs.opportunities = opportunities_[c];
            cs.critical = critical_[c];
            cs.evidence = std::move(evidence_[c]);
            cs.assessed = opportunities_[c] > 0;
            if (cs.assessed) grade(cs, comp);
            out.push_back(std::move(cs));
        }
        return out;
    }

private:
    // Checks one transcript step against the session, counts what it offered, takes it and
    // records its evidence. Returns the trainee's line ("" on a timeout).
    std::string step(Session& session, const TranscriptStep& st) {
        const std::string where = "transcript step " + std::to_string(st.step) + ": ";
        if (session.finished())
            throw ScoringError(where + "the conversation had already ended at node \"" +
                               session.node().id + "\"");
        const Node& node = session.node();
        const int ni = session.currentNode();
        if (st.node != node.id)
            throw ScoringError(
                where + "made at node \"" + st.node + "\", but the scenario is at node \"" +
                node.id + "\" there: the transcript does not fit this version of the scenario");
        const std::vector<int> shown = session.choices();
        std::vector<std::string> shownIds;
        for (int c : shown) shownIds.push_back(node.choices[std::size_t(c)].id);
        if (shownIds != st.choicesShown)
            throw ScoringError(where + "the choices shown at node \"" + node.id +
                               "\" differ from the scenario's: the transcript does not fit this "
                               "version of the scenario");

        countOffered(node, ni, shown);
        const std::vector<std::int64_t> before = session.variables();

        const std::vector<ScoredEvidence>* taken = nullptr;
        std::string line;
        const char* source = "choice";
        if (st.timedOut) {
            if (!node.isTimed())
                throw ScoringError(where + "records a timeout at node \"" + node.id +
                                   "\", which has no time limit");
            session.timeout();
            taken = &table_.timeoutItems;
            source = "timeout";
        } else {
            const auto it = std::find(shownIds.begin(), shownIds.end(), st.choice);
            if (it == shownIds.end())
                throw ScoringError(where + "choice \"" + st.choice + "\" is not shown at node \"" +
                                   node.id + "\"");
            const int pos = int(it - shownIds.begin());
            const Choice& choice = node.choices[std::size_t(shown[std::size_t(pos)])];
            if (!session.choose(pos))
                throw ScoringError(where + "choice \"" + st.choice +
                                   "\" cannot be taken: " + session.lastError());
            taken = &table_.items[std::size_t(ni)][std::size_t(shown[std::size_t(pos)])];
            line = choice.text;
        }
        if (st.next != session.node().id)
            throw ScoringError(where + "leads to node \"" + st.next +
                               "\" in the transcript but to \"" + session.node().id +
                               "\" in the scenario");
        std::vector<int> inds;
        for (const ScoredEvidence& s : *taken) {
            record(s.indicator, s.points, st.step, line, source, "",
                   s.source ? s.source->note : std::string());
            inds.push_back(s.indicator);
        }
        events_.clear();
        rules_.step(rk_, ni, inds, events_);
        rules_.dealStep(before, session.variables(), events_);
        applyRuleEvents(st.step, line);
        return line;
    }

    // What this decision offered each competency: the best a shown reply (or the timer) gave.
    void countOffered(const Node& node, int ni, const std::vector<int>& shown) {
        std::fill(bestOption_.begin(), bestOption_.end(), 0);
        std::fill(opportunity_.begin(), opportunity_.end(), false);
        for (int c : shown) consider(table_.items[std::size_t(ni)][std::size_t(c)]);
        if (node.isTimed()) consider(table_.timeoutItems);
        for (std::size_t c = 0; c < nc_; ++c)
            if (opportunity_[c]) {
                ++opportunities_[c];
                available_[c] += bestOption_[c];
            }
    }

    void consider(const std::vector<ScoredEvidence>& items) {
        std::fill(sums_.begin(), sums_.end(), 0);
        std::fill(touched_.begin(), touched_.end(), false);
        for (const ScoredEvidence& s : items) {
            const auto c = std::size_t(f_.indicators[std::size_t(s.indicator)].competency);
            sums_[c] += s.points;
            touched_[c] = true;
        }
        for (std::size_t c = 0; c < nc_; ++c) {
            if (touched_[c]) opportunity_[c] = true;
            bestOption_[c] = std::max(bestOption_[c], sums_[c]);
        }
    }

    void record(int indicator, int points, int step, const std::string& line, const char* source,
                const std::string& rule, const std::string& note) {
        const Indicator& ind = f_.indicators[std::size_t(indicator)];
        const auto c = std::size_t(ind.competency);
        EvidenceItem item{step, line, ind.id, points, source, rule, note};
        earned_[c] += points;
        total_ += weightedPoints(f_, indicator, points);
        if (ind.critical) {
            critical_[c] = true;
            r_.critical.push_back(item);
        }
        evidence_[c].push_back(std::move(item));
    }

    void applyRuleEvents(int step, const std::string& line) {
        for (const RuleEvent& e : events_) {
            const BehaviourRule& rule = f_.rules[std::size_t(e.rule)];
            const std::string& indId = f_.indicators[std::size_t(rule.violation)].id;
            switch (e.kind) {
                case RuleEvent::Kind::Triggered:
                    ++opportunities_[std::size_t(
                        f_.indicators[std::size_t(rule.violation)].competency)];
                    r_.rules.push_back({rule.id, step, false, indId, rule.description});
                    open_[std::size_t(e.rule)].push_back(r_.rules.size() - 1);
                    break;
                case RuleEvent::Kind::Satisfied:
                    if (!open_[std::size_t(e.rule)].empty()) open_[std::size_t(e.rule)].pop_front();
                    break;
                case RuleEvent::Kind::Violated:
                    if (!open_[std::size_t(e.rule)].empty()) {
                        r_.rules[open_[std::size_t(e.rule)].front()].violated = true;
                        open_[std::size_t(e.rule)].pop_front();
                    }
                    record(rule.violation, f_.indicators[std::size_t(rule.violation)].points, step,
                           line, "rule", rule.id, "");
                    break;
            }
        }
    }

    // Score, confidence and level of an assessed competency (competency_grade.hpp).
    void grade(CompetencyScore& cs, const Competency& comp) const {
        const CompetencyGrade g =
            gradeCompetency(f_, cs.earned, cs.available, cs.opportunities, cs.critical);
        cs.confidence = cs.opportunities < 3 ? "low" : "sufficient";
        cs.rated = g.rated;
        if (!g.rated) return;
        cs.score = g.score;
        cs.level = g.level;
        const Level& l = f_.levels[std::size_t(cs.level)];
        cs.levelId = l.id;
        cs.levelName = l.name;
        cs.anchor = comp.anchors[std::size_t(cs.level)];
        if (cs.level + 1 < int(f_.levels.size())) {
            cs.nextAnchor = comp.anchors[std::size_t(cs.level + 1)];
            cs.nextLevelName = f_.levels[std::size_t(cs.level + 1)].name;
        }
    }

    const Scenario& scenario_;
    const Framework& f_;
    const EvidenceTable& table_;
    ScoreReport& r_;
    const std::size_t nc_;
    std::vector<std::int64_t> earned_, available_;
    std::vector<int> opportunities_;
    std::vector<bool> critical_;
    std::vector<std::vector<EvidenceItem>> evidence_;
    std::int64_t total_ = 0;
    const RuleEngine rules_;
    std::uint64_t rk_ = RuleEngine::initial();
    std::vector<RuleEvent> events_;
    std::vector<std::deque<std::size_t>> open_;  // per rule: indices into r_.rules, oldest first
    // Scratch for countOffered, kept to avoid an allocation per step.
    std::vector<std::int64_t> sums_;
    std::vector<bool> touched_;
    std::vector<std::int64_t> bestOption_;
    std::vector<bool> opportunity_;
};

// Pass: the rule and its reasons live in remarks.cpp (passReasons), stored in English.
void judgePass(const Framework& f, ScoreReport& r) {
    r.reasons = passReasons(f, r, "en");
    r.passed = r.reasons.empty();
}

}  // namespace

ScoreReport scoreTranscript(const Scenario& scenario, const Framework& framework,
                            const Transcript& transcript, const ScenarioOptimum* optimum) {
    const EvidenceTable table = buildEvidenceTable(scenario, framework);
    std::optional<ScenarioOptimum> own;
    const ScenarioOptimum& opt = requireOptimum(scenario, framework, optimum, own);
    ScoreReport r = reportHeader(scenario, framework, opt);
    Replay replay(scenario, framework, table, r);
    replay.run(transcript);
    r.earned = replay.total();
    r.score = scenarioScore(r.earned, r.best, r.worst);
    r.competencies = replay.competencyScores();
    judgePass(framework, r);
    writeRemarks(framework, r);
    return r;
}

PlayScore scorePlay(const Scenario& scenario, const ScenarioFramework& found,
                    const Transcript& transcript) {
    PlayScore out;
    if (!found.framework) {
        out.error = found.problem;
        return out;
    }
    try {
        out.report = scoreTranscript(scenario, *found.framework, transcript);
    } catch (const ScoringError& e) {
        out.error = e.what();
    }
    return out;
}

}  // namespace rapport
