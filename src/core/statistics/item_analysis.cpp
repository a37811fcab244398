#include "core/statistics/item_analysis.hpp"

#include <algorithm>
#include <map>

#include "core/statistics/correlation.hpp"
#include "core/statistics/estimate.hpp"

namespace rapport {

namespace {

struct Response {
    const DecisionResponse* decision;
    double rest;
};

void addFlag(std::vector<std::string>& flags, const char* flag) {
    if (std::find(flags.begin(), flags.end(), flag) == flags.end()) flags.emplace_back(flag);
}

double shareOfBest(const DecisionResponse& d) {
    return std::clamp(d.points / d.bestPoints, 0.0, 1.0);
}

ItemStatistics analyse(const std::string& scenario, const std::string& node,
                       const std::vector<Response>& rs) {
    ItemStatistics it;
    it.scenarioId = scenario;
    it.node = node;
    it.responses = int(rs.size());
    it.trustworthy = it.responses >= kMinTrustworthySample;

    std::vector<double> rest, share;
    double shareSum = 0, lost = 0;
    int shareCount = 0;
    std::map<std::string, ReplyStatistics> replies;
    for (const auto& r : rs) {
        const auto& d = *r.decision;
        rest.push_back(r.rest);
        if (d.choice.empty()) ++it.timeouts;
        lost += d.bestPoints - d.points;
        if (d.bestPoints > 0) {
            shareSum += shareOfBest(d);
            ++shareCount;
        }
        share.push_back(d.bestPoints > 0 ? shareOfBest(d) : 0);
        for (const auto& [id, pts] : d.replyPoints) {
            auto& rep = replies[id];
            rep.choice = id;
            rep.points = pts;
            rep.best = rep.best || pts >= d.bestPoints;
            ++rep.shown;
            rep.pointsLost += d.bestPoints - pts;
        }
        if (!d.choice.empty()) {
            auto& rep = replies[d.choice];
            rep.choice = d.choice;
            ++rep.chosen;
        }
    }
    if (shareCount > 0) it.difficulty = shareSum / shareCount;
    it.meanPointsLost = rs.empty() ? 0 : lost / double(rs.size());
    // The share is only a meaningful item score where a best reply is worth something.
    if (shareCount == it.responses) it.discrimination = pearson(share, rest);

    bool everyoneBest = it.responses >= 2;
    for (auto& [id, rep] : replies) {
        rep.rate = it.responses ? double(rep.chosen) / it.responses : 0;
        if (rep.shown) rep.pointsLost /= rep.shown;
        std::vector<double> chose;
        for (const auto& r : rs) chose.push_back(r.decision->choice == id ? 1 : 0);
        rep.discrimination = pearson(chose, rest);
        if (rep.shown > 0 && rep.chosen == 0) addFlag(rep.flags, kFlagUnusedReply);
        if (rep.best && rep.discrimination && *rep.discrimination < 0)
            addFlag(rep.flags, kFlagCheckKey);
        for (const auto& f : rep.flags) addFlag(it.flags, f.c_str());
        it.replies.push_back(rep);
    }
    for (const auto& r : rs)
        if (r.decision->choice.empty() || r.decision->points < r.decision->bestPoints)
            everyoneBest = false;
    if (everyoneBest) addFlag(it.flags, kFlagEveryoneRight);
    if (it.discrimination && *it.discrimination < 0) addFlag(it.flags, kFlagCheckKey);
    return it;
}

}  // namespace

std::vector<ItemStatistics> analyseItems(const std::vector<AttemptResponses>& attempts) {
    // Per scenario, its decisions in first-met order with their responses.
    std::map<std::string, std::vector<std::pair<std::string, std::vector<Response>>>> byScenario;
    for (const auto& a : attempts) {
        const double total = a.total();
        auto& items = byScenario[a.scenarioId];
        for (const auto& d : a.decisions) {
            auto it = std::find_if(items.begin(), items.end(),
                                   [&](const auto& p) { return p.first == d.node; });
            if (it == items.end()) it = items.insert(items.end(), {d.node, {}});
            it->second.push_back({&d, total - d.points});
        }
    }
    std::vector<ItemStatistics> out;
    for (const auto& [scenario, items] : byScenario)
        for (const auto& [node, rs] : items) out.push_back(analyse(scenario, node, rs));
    return out;
}

}  // namespace rapport
