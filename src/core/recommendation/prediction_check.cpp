#include "core/recommendation/prediction_check.hpp"

#include <algorithm>
#include <cmath>

namespace rapport {

double logLoss(const std::vector<Prediction>& predictions) {
    if (predictions.empty()) return 0;
    double sum = 0;
    for (const auto& x : predictions) {
        const double p = std::clamp(x.p, 1e-6, 1 - 1e-6);
        sum -= std::log(x.passed ? p : 1 - p);
    }
    return sum / static_cast<double>(predictions.size());
}

std::vector<CalibrationBin> calibrationByDecile(const std::vector<Prediction>& predictions) {
    std::vector<CalibrationBin> bins(10);
    std::vector<int> passes(10, 0);
    for (int i = 0; i < 10; ++i) bins[i].lower = i / 10.0, bins[i].upper = (i + 1) / 10.0;
    for (const auto& x : predictions) {
        const int i = std::clamp(static_cast<int>(std::floor(x.p * 10)), 0, 9);
        ++bins[i].count;
        bins[i].meanPredicted += x.p;
        passes[i] += x.passed ? 1 : 0;
    }
    for (int i = 0; i < 10; ++i) {
        if (bins[i].count == 0) continue;
        bins[i].meanPredicted /= bins[i].count;
        bins[i].observedRate = static_cast<double>(passes[i]) / bins[i].count;
    }
    return bins;
}

TimeSplitCheck checkOnTimeSplit(const std::vector<PracticeEvidence>& evidence, double trainShare,
                                SkillModelSettings settings) {
    TimeSplitCheck out;
    const auto split = static_cast<std::size_t>(std::clamp(trainShare, 0.0, 1.0) *
                                                static_cast<double>(evidence.size()));
    out.trainCount = split;
    out.testCount = evidence.size() - split;
    if (out.trainCount == 0 || out.testCount == 0) return out;

    SkillModel model(settings);
    std::size_t passes = 0;
    for (std::size_t i = 0; i < split; ++i) {
        model.learn(evidence[i]);
        passes += evidence[i].passed ? 1 : 0;
    }
    out.baselineRate = static_cast<double>(passes) / static_cast<double>(split);
    std::vector<Prediction> baseline;
    for (std::size_t i = split; i < evidence.size(); ++i) {
        const auto& e = evidence[i];
        out.modelPredictions.push_back(
            {model.predict(e.trainee, e.competencyId, e.scenarioId), e.passed});
        baseline.push_back({out.baselineRate, e.passed});
        model.learn(e);
    }
    out.modelLogLoss = logLoss(out.modelPredictions);
    out.baselineLogLoss = logLoss(baseline);
    return out;
}

}  // namespace rapport
