#include "hr_stats.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace rapport::app {
namespace {

double quantile(const std::vector<double>& sorted, double q) {
    const double pos = q * double(sorted.size() - 1);
    const auto lo = std::size_t(pos);
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

bool finished(const AttemptRecord& a) { return a.status == AttemptStatus::Finished; }

}  // namespace

Distribution distributionOf(std::vector<double> values) {
    Distribution d;
    if (values.empty()) return d;
    std::sort(values.begin(), values.end());
    d.count = int(values.size());
    d.min = values.front();
    d.max = values.back();
    d.q1 = quantile(values, 0.25);
    d.median = quantile(values, 0.5);
    d.q3 = quantile(values, 0.75);
    d.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    for (double v : values) ++d.bins[std::size_t(std::clamp(int(v / 10), 0, 9))];
    return d;
}

std::vector<PassSummary> passSummaries(const std::vector<AttemptRecord>& attempts) {
    std::map<std::string, PassSummary> by;
    for (const auto& a : attempts) {
        PassSummary& s = by[a.trainee];
        s.trainee = a.trainee;
        if (!finished(a)) continue;
        ++s.finished;
        s.passed += a.passed.value_or(false);
        if (a.score && (!s.best || *a.score > *s.best)) s.best = a.score;
        if (!s.lastAttempt || a.startedAtMs >= s.lastAttempt->startedAtMs) {
            s.lastAttempt = &a;
            s.last = a.score;
        }
    }
    std::vector<PassSummary> out;
    for (auto& [name, s] : by) out.push_back(std::move(s));
    return out;
}

std::vector<CompetencyTrend> competencyTrends(const std::vector<AttemptRecord>& attempts) {
    std::vector<const AttemptRecord*> order;
    for (const auto& a : attempts)
        if (finished(a)) order.push_back(&a);
    std::stable_sort(order.begin(), order.end(),
                     [](auto* x, auto* y) { return x->startedAtMs < y->startedAtMs; });
    std::map<std::string, CompetencyTrend> by;
    for (const auto* a : order)
        for (const auto& c : a->competencies) {
            if (!c.assessed || !c.score) continue;
            CompetencyTrend& t = by[c.id];
            t.id = c.id;
            if (t.name.empty()) t.name = c.name.empty() ? c.id : c.name;
            t.points.push_back({a->startedAtMs, *c.score, a->id});
        }
    std::vector<CompetencyTrend> out;
    for (auto& [id, t] : by) out.push_back(std::move(t));
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
    return out;
}

const AttemptRecord* bestAttempt(const std::vector<AttemptRecord>& attempts) {
    const AttemptRecord* best = nullptr;
    for (const auto& a : attempts) {
        if (!finished(a) || !a.score) continue;
        if (!best || *a.score > *best->score ||
            (*a.score == *best->score && a.startedAtMs < best->startedAtMs))
            best = &a;
    }
    return best;
}

const AttemptRecord* lastAttempt(const std::vector<AttemptRecord>& attempts) {
    const AttemptRecord* last = nullptr;
    for (const auto& a : attempts)
        if (finished(a) && (!last || a.startedAtMs >= last->startedAtMs)) last = &a;
    return last;
}

}  // namespace rapport::app
