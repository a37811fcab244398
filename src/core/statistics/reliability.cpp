#include "core/statistics/reliability.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/statistics/correlation.hpp"
#include "core/statistics/distributions.hpp"

namespace rapport {

namespace {

double variance(const std::vector<double>& v) {
    if (v.size() < 2) return 0;
    double m = 0;
    for (double x : v) m += x;
    m /= double(v.size());
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s / double(v.size() - 1);
}

Estimate notComputable(int n, const char* reason) {
    Estimate e;
    e.n = n;
    e.reason = reason;
    return e;
}

}  // namespace

Estimate coefficientAlpha(const ItemMatrix& m) {
    const int n = int(m.rows.size());
    const std::size_t k = m.items.size();
    if (n < 2) return notComputable(n, "too few attempts");
    if (k < 2) return notComputable(n, "too few items");
    std::vector<double> totals(std::size_t(n), 0);
    double itemVariances = 0;
    for (std::size_t j = 0; j < k; ++j) {
        std::vector<double> col;
        for (std::size_t i = 0; i < m.rows.size(); ++i) {
            col.push_back(m.rows[i][j]);
            totals[i] += m.rows[i][j];
        }
        itemVariances += variance(col);
    }
    const double totalVariance = variance(totals);
    if (totalVariance <= 1e-12) return notComputable(n, "no variance");
    Estimate e;
    e.n = n;
    const double kk = double(k);
    const double a = kk / (kk - 1) * (1 - itemVariances / totalVariance);
    e.value = a;
    const double d1 = n - 1, d2 = double(n - 1) * (kk - 1);
    const double g = 1 - kConfidenceLevel;
    e.ci = Interval{1 - (1 - a) * fQuantile(1 - g / 2, d1, d2),
                    1 - (1 - a) * fQuantile(g / 2, d1, d2)};
    e.trustworthy = n >= kMinTrustworthySample;
    return e;
}

Estimate splitHalf(const ItemMatrix& m) {
    const int n = int(m.rows.size());
    if (n < 2) return notComputable(n, "too few attempts");
    if (m.items.size() < 2) return notComputable(n, "too few items");
    std::vector<double> odd, even;
    for (const auto& row : m.rows) {
        double o = 0, e = 0;
        for (std::size_t j = 0; j < row.size(); ++j) (j % 2 == 0 ? o : e) += row[j];
        odd.push_back(o);
        even.push_back(e);
    }
    const auto r = pearson(odd, even);
    if (!r) return notComputable(n, "no variance");
    if (*r <= -1) return notComputable(n, "halves perfectly opposed");
    auto stepUp = [](double x) { return 2 * x / (1 + x); };
    Estimate e;
    e.n = n;
    e.value = stepUp(*r);
    if (const auto ci = fisherInterval(*r, n)) e.ci = Interval{stepUp(ci->low), stepUp(ci->high)};
    e.trustworthy = n >= kMinTrustworthySample;
    return e;
}

ItemMatrix competencyItemMatrix(const std::vector<AttemptResponses>& attempts,
                                const std::string& competency) {
    ItemMatrix m;
    if (attempts.empty()) return m;
    // Candidate items in the order attempts first met them (the split-half alternates in it).
    std::vector<std::string> all;
    std::set<std::string> seenAnywhere;
    for (const auto& a : attempts)
        for (const auto& d : a.decisions)
            if (seenAnywhere.insert(d.node).second) all.push_back(d.node);
    auto find = [](const AttemptResponses& a, const std::string& node) -> const DecisionResponse* {
        for (const auto& d : a.decisions)
            if (d.node == node) return &d;
        return nullptr;
    };
    for (const auto& node : all) {
        bool everywhere = true, evidence = false;
        for (const auto& a : attempts) {
            const auto* d = find(a, node);
            if (!d) {
                everywhere = false;
                continue;
            }
            if (d->evidence.count(competency)) evidence = true;
        }
        if (!evidence) continue;
        if (!everywhere) {
            ++m.droppedItems;
            continue;
        }
        m.items.push_back(node);
    }
    for (const auto& a : attempts) {
        std::vector<double> row;
        for (const auto& node : m.items) {
            const auto* d = find(a, node);
            const auto it = d->evidence.find(competency);
            row.push_back(it == d->evidence.end() ? 0 : it->second);
        }
        m.rows.push_back(std::move(row));
    }
    return m;
}

std::vector<CompetencyReliability> reliabilityByCompetency(
    const std::vector<AttemptResponses>& attempts) {
    std::map<std::string, std::vector<AttemptResponses>> byScenario;
    for (const auto& a : attempts) byScenario[a.scenarioId].push_back(a);
    std::vector<CompetencyReliability> out;
    for (const auto& [scenario, list] : byScenario) {
        std::set<std::string> competencies;
        for (const auto& a : list)
            for (const auto& d : a.decisions)
                for (const auto& [c, pts] : d.evidence) competencies.insert(c);
        for (const auto& c : competencies) {
            const ItemMatrix m = competencyItemMatrix(list, c);
            CompetencyReliability r;
            r.scenarioId = scenario;
            r.competencyId = c;
            r.items = int(m.items.size());
            r.droppedItems = m.droppedItems;
            r.alpha = coefficientAlpha(m);
            r.splitHalf = splitHalf(m);
            out.push_back(std::move(r));
        }
    }
    return out;
}

}  // namespace rapport
