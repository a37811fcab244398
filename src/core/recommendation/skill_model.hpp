// How likely a trainee is to pass a competency in a scenario, learnt from practice evidence.
//
// An Elo-style model with a logistic link (Pelánek 2016, "Applications of the Elo rating system
// in adaptive educational systems"): the log-odds of a pass are
//
//     general(trainee) + specific(trainee, competency) − difficulty(scenario)
//
// and each piece of evidence moves all three by K·(observed − predicted), where K shrinks as a
// parameter gathers evidence (K = k / (1 + decay·n), n = updates so far), so early results move
// a rating quickly and a settled one slowly. The general term lets what a trainee shows in one
// competency inform a competency they have not practised yet. Every parameter starts at 0
// (a 50 % chance) and the model is fitted in one pass over the evidence in time order, so it is
// cheap enough to refit whenever the library opens and gives the same numbers every time.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/recommendation/practice_evidence.hpp"

namespace rapport {

struct SkillModelSettings {
    // Tuned on simulated logs (bench/bench_recommendation.cpp); see docs/recommendation.md.
    double k = 0.8;
    double decay = 0.1;
};

double logistic(double x);

class SkillModel {
public:
    explicit SkillModel(SkillModelSettings settings = {});

    // P(pass) before the evidence is seen.
    double predict(const std::string& trainee, const std::string& competencyId,
                   const std::string& scenarioId) const;
    // Learns one result; call in time order (practiceEvidence gives that order).
    void learn(const PracticeEvidence& e);
    void learn(const std::vector<PracticeEvidence>& evidence);

    // The trainee's log-odds in the competency against a scenario of difficulty 0.
    double rating(const std::string& trainee, const std::string& competencyId) const;
    double difficulty(const std::string& scenarioId) const;
    // Results learnt for the trainee in the competency, and when the latest attempt started.
    int evidenceCount(const std::string& trainee, const std::string& competencyId) const;
    std::optional<std::int64_t> lastPractisedMs(const std::string& trainee,
                                                const std::string& competencyId) const;

private:
    struct Parameter {
        double value = 0;
        int updates = 0;
    };
    struct Specific {
        Parameter p;
        std::int64_t lastMs = 0;
    };
    double step(const Parameter& p) const;

    SkillModelSettings settings_;
    std::map<std::string, Parameter> general_;
    std::map<std::pair<std::string, std::string>, Specific> specific_;
    std::map<std::string, Parameter> difficulty_;
};

}  // namespace rapport
