#include "core/statistics/score_norms.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace rapport {

std::optional<double> percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return std::nullopt;
    const double pos = std::clamp(p, 0.0, 100.0) / 100 * double(sorted.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

std::optional<double> percentileRank(const std::vector<double>& sorted, double score) {
    if (sorted.empty()) return std::nullopt;
    const auto below = std::lower_bound(sorted.begin(), sorted.end(), score) - sorted.begin();
    const auto upTo = std::upper_bound(sorted.begin(), sorted.end(), score) - sorted.begin();
    return 100.0 * (double(below) + 0.5 * double(upTo - below)) / double(sorted.size());
}

std::vector<ScoreNorm> scoreNorms(const std::vector<AttemptResponses>& attempts) {
    std::map<std::tuple<std::string, std::string, int>, std::vector<double>> groups;
    for (const auto& a : attempts)
        if (a.score) groups[{a.group, a.scenarioId, int(a.mode)}].push_back(*a.score);
    std::vector<ScoreNorm> out;
    for (auto& [key, v] : groups) {
        std::sort(v.begin(), v.end());
        ScoreNorm s;
        s.group = std::get<0>(key);
        s.scenarioId = std::get<1>(key);
        s.mode = AttemptMode(std::get<2>(key));
        s.n = int(v.size());
        for (double x : v) s.mean += x;
        s.mean /= double(v.size());
        if (v.size() >= 2) {
            double ss = 0;
            for (double x : v) ss += (x - s.mean) * (x - s.mean);
            s.sd = std::sqrt(ss / double(v.size() - 1));
        }
        s.min = v.front();
        s.max = v.back();
        s.p10 = *percentile(v, 10);
        s.p25 = *percentile(v, 25);
        s.p50 = *percentile(v, 50);
        s.p75 = *percentile(v, 75);
        s.p90 = *percentile(v, 90);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace rapport
