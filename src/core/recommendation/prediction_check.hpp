// How good the model's pass/fail predictions are, measured the way it is used: on evidence
// split by time, each later result predicted before the model learns it, against a baseline
// that predicts the earlier period's pass rate for everyone. Log loss is the mean of
// −ln P(what happened); lower is better, and ln 2 ≈ 0.693 is a coin toss.
#pragma once

#include <cstddef>
#include <vector>

#include "core/recommendation/skill_model.hpp"

namespace rapport {

struct Prediction {
    double p = 0.5;  // predicted P(pass)
    bool passed = false;
};

// Mean −ln P(outcome), with p clamped to [1e-6, 1 − 1e-6] so one confident miss stays finite.
// 0 for no predictions.
double logLoss(const std::vector<Prediction>& predictions);

struct CalibrationBin {
    double lower = 0, upper = 0;  // predicted range [lower, upper)
    int count = 0;
    double meanPredicted = 0;
    double observedRate = 0;  // share passed; 0 when count is 0
};

// Ten bins by predicted value (0-10 %, 10-20 % …; 1.0 falls in the last).
std::vector<CalibrationBin> calibrationByDecile(const std::vector<Prediction>& predictions);

struct TimeSplitCheck {
    std::size_t trainCount = 0;
    std::size_t testCount = 0;
    double baselineRate = 0;  // pass rate of the training period
    double modelLogLoss = 0;
    double baselineLogLoss = 0;
    std::vector<Prediction> modelPredictions;  // test period, in order
};

// The first `trainShare` of the evidence (already in time order) trains the model; each later
// result is predicted, then learnt. Needs evidence on both sides; an empty side gives zeros.
TimeSplitCheck checkOnTimeSplit(const std::vector<PracticeEvidence>& evidence, double trainShare,
                                SkillModelSettings settings = {});

}  // namespace rapport
