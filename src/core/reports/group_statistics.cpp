#include "core/reports/group_statistics.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

namespace rapport {
namespace {

double quantile(const std::vector<double>& sorted, double q) {
    const double pos = q * double(sorted.size() - 1);
    const auto lo = std::size_t(pos);
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

bool finished(const AttemptRecord& a) { return a.status == AttemptStatus::Finished; }

// `a` is at least as late as `b`: later start, then higher row id. Among exact equals the later
// one in the list wins, so a list in start order ends on its own last element.
bool notEarlier(const AttemptRecord& a, const AttemptRecord& b) {
    return std::tie(a.startedAtMs, a.id) >= std::tie(b.startedAtMs, b.id);
}

}  // namespace

AttemptRefs refsTo(const std::vector<AttemptRecord>& attempts) {
    AttemptRefs out;
    out.reserve(attempts.size());
    for (const auto& a : attempts) out.push_back(&a);
    return out;
}

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

std::vector<CompetencyDistribution> competencyDistributions(
    const std::vector<CompetencyCell>& cells) {
    std::map<std::string, std::pair<std::string, std::vector<double>>> by;  // id -> name, means
    for (const auto& c : cells) {
        auto& [name, means] = by[c.competencyId];
        if (name.empty()) name = c.competencyName;
        means.push_back(c.mean);
    }
    std::vector<CompetencyDistribution> out;
    out.reserve(by.size());
    for (auto& [id, entry] : by)
        out.push_back(
            {id, entry.first.empty() ? id : entry.first, distributionOf(std::move(entry.second))});
    // Ids come out of the map in order, so a stable sort leaves equal names in id order.
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& x, const auto& y) { return x.name < y.name; });
    return out;
}

std::vector<PassSummary> passSummaries(const AttemptRefs& attempts) {
    std::map<std::string, PassSummary> by;
    for (const AttemptRecord* a : attempts) {
        PassSummary& s = by[a->trainee];
        s.trainee = a->trainee;
        if (!finished(*a)) continue;
        ++s.finished;
        s.passed += a->passed.value_or(false);
        if (a->score && (!s.best || *a->score > *s.best)) s.best = a->score;
        if (!s.lastAttempt || notEarlier(*a, *s.lastAttempt)) {
            s.lastAttempt = a;
            s.last = a->score;
        }
    }
    std::vector<PassSummary> out;
    out.reserve(by.size());
    for (auto& [name, s] : by) out.push_back(std::move(s));
    return out;
}

std::vector<PassSummary> passSummaries(const std::vector<AttemptRecord>& attempts) {
    return passSummaries(refsTo(attempts));
}

PassTotals passTotals(const std::vector<PassSummary>& rows) {
    PassTotals t;
    t.trainees = int(rows.size());
    for (const auto& r : rows) {
        t.finished += r.finished;
        t.passed += r.passed;
    }
    return t;
}

std::vector<CompetencyTrend> competencyTrends(const AttemptRefs& attempts) {
    AttemptRefs order;
    for (const AttemptRecord* a : attempts)
        if (finished(*a)) order.push_back(a);
    std::stable_sort(order.begin(), order.end(), [](auto* x, auto* y) {
        return std::tie(x->startedAtMs, x->id) < std::tie(y->startedAtMs, y->id);
    });
    std::map<std::string, CompetencyTrend> by;
    for (const AttemptRecord* a : order)
        for (const auto& c : a->competencies) {
            if (!c.assessed || !c.score) continue;
            CompetencyTrend& t = by[c.id];
            t.id = c.id;
            if (t.name.empty()) t.name = c.name.empty() ? c.id : c.name;
            t.points.push_back({a->startedAtMs, *c.score, a->id});
        }
    std::vector<CompetencyTrend> out;
    out.reserve(by.size());
    for (auto& [id, t] : by) out.push_back(std::move(t));
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& x, const auto& y) { return x.name < y.name; });
    return out;
}

std::vector<CompetencyTrend> competencyTrends(const std::vector<AttemptRecord>& attempts) {
    return competencyTrends(refsTo(attempts));
}

const AttemptRecord* bestAttempt(const AttemptRefs& attempts) {
    const AttemptRecord* best = nullptr;
    for (const AttemptRecord* a : attempts) {
        if (!finished(*a) || !a->score) continue;
        if (!best || *a->score > *best->score ||
            (*a->score == *best->score && a->startedAtMs < best->startedAtMs))
            best = a;
    }
    return best;
}

const AttemptRecord* bestAttempt(const std::vector<AttemptRecord>& attempts) {
    return bestAttempt(refsTo(attempts));
}

const AttemptRecord* lastAttempt(const AttemptRefs& attempts) {
    const AttemptRecord* last = nullptr;
    for (const AttemptRecord* a : attempts)
        if (finished(*a) && (!last || notEarlier(*a, *last))) last = a;
    return last;
}

const AttemptRecord* lastAttempt(const std::vector<AttemptRecord>& attempts) {
    return lastAttempt(refsTo(attempts));
}

}  // namespace rapport
