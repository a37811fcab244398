#include "core/reports/report_items.hpp"

#include <cmath>

#include "core/reports/report_escape.hpp"
#include "core/reports/report_time.hpp"
#include "core/text/number_format.hpp"

namespace rapport {

namespace {

using nlohmann::json;

// Statistics keep four decimals: two would turn a discrimination of .004 into 0.
std::string number(double v) { return std::isfinite(v) ? upToDecimals(v, 4) : std::string(); }
std::string number(const std::optional<double>& v) { return v ? number(*v) : std::string(); }

json jsonNumber(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? json(*v) : json(nullptr);
}

std::string joined(const std::vector<std::string>& flags) {
    std::string s;
    for (const auto& f : flags) s += (s.empty() ? "" : " ") + f;
    return s;
}

json estimateJson(const Estimate& e) {
    json j = {{"value", jsonNumber(e.value)},
              {"n", e.n},
              {"trustworthy", e.trustworthy},
              {"ci", nullptr}};
    if (e.ci && std::isfinite(e.ci->low) && std::isfinite(e.ci->high))
        j["ci"] = json::array({e.ci->low, e.ci->high});
    if (!e.reason.empty()) j["reason"] = e.reason;
    return j;
}

}  // namespace

std::vector<ModeStatistics> statisticsByMode(const std::vector<AttemptResponses>& attempts,
                                             std::optional<AttemptMode> mode) {
    std::vector<ModeStatistics> out;
    for (const AttemptMode m : {AttemptMode::Practice, AttemptMode::Exam}) {
        if (mode && *mode != m) continue;
        const auto of = ofMode(attempts, m);
        ModeStatistics s;
        s.mode = m;
        s.attempts = int(of.size());
        s.items = analyseItems(of);
        s.reliability = reliabilityByCompetency(of);
        if (m == AttemptMode::Exam) s.retest = testRetest(of);
        s.norms = scoreNorms(of);
        out.push_back(std::move(s));
    }
    return out;
}

std::string renderItemsCsv(const ItemReport& report, const CsvOptions& options) {
    std::string out = csvPreamble(options);
    auto row = [&out](const std::vector<std::string>& cells) { appendCsvRow(out, cells); };
    row({"mode", "scenario_id", "decision", "responses", "timeouts", "difficulty", "discrimination",
         "mean_points_lost", "item_flags", "trustworthy", "reply", "reply_points", "best", "shown",
         "chosen", "choice_rate", "reply_points_lost", "reply_discrimination", "reply_flags"});
    for (const auto& m : report.modes)
        for (const auto& it : m.items)
            for (const auto& r : it.replies)
                row({attemptModeName(m.mode), csvField(it.scenarioId), csvField(it.node),
                     std::to_string(it.responses), std::to_string(it.timeouts),
                     number(it.difficulty), number(it.discrimination), number(it.meanPointsLost),
                     csvField(joined(it.flags)), it.trustworthy ? "yes" : "no", csvField(r.choice),
                     number(r.points), r.best ? "yes" : "no", std::to_string(r.shown),
                     std::to_string(r.chosen), number(r.rate), number(r.pointsLost),
                     number(r.discrimination), csvField(joined(r.flags))});
    return out;
}

json renderItemsJson(const ItemReport& report) {
    json modes = json::array();
    for (const auto& m : report.modes) {
        json items = json::array();
        for (const auto& it : m.items) {
            json replies = json::array();
            for (const auto& r : it.replies)
                replies.push_back({{"reply", r.choice},
                                   {"points", r.points},
                                   {"best", r.best},
                                   {"shown", r.shown},
                                   {"chosen", r.chosen},
                                   {"rate", r.rate},
                                   {"pointsLost", r.pointsLost},
                                   {"discrimination", jsonNumber(r.discrimination)},
                                   {"flags", r.flags}});
            items.push_back({{"scenario", it.scenarioId},
                             {"decision", it.node},
                             {"responses", it.responses},
                             {"timeouts", it.timeouts},
                             {"difficulty", jsonNumber(it.difficulty)},
                             {"discrimination", jsonNumber(it.discrimination)},
                             {"meanPointsLost", it.meanPointsLost},
                             {"trustworthy", it.trustworthy},
                             {"flags", it.flags},
                             {"replies", replies}});
        }
        json reliability = json::array();
        for (const auto& r : m.reliability)
            reliability.push_back({{"scenario", r.scenarioId},
                                   {"competency", r.competencyId},
                                   {"items", r.items},
                                   {"droppedItems", r.droppedItems},
                                   {"alpha", estimateJson(r.alpha)},
                                   {"splitHalf", estimateJson(r.splitHalf)}});
        json retest = json::array();
        for (const auto& t : m.retest)
            retest.push_back({{"scenario", t.scenarioId}, {"r", estimateJson(t.r)}});
        json norms = json::array();
        for (const auto& n : m.norms)
            norms.push_back({{"group", n.group},
                             {"scenario", n.scenarioId},
                             {"n", n.n},
                             {"mean", n.mean},
                             {"sd", jsonNumber(n.sd)},
                             {"min", n.min},
                             {"max", n.max},
                             {"p10", n.p10},
                             {"p25", n.p25},
                             {"p50", n.p50},
                             {"p75", n.p75},
                             {"p90", n.p90}});
        modes.push_back({{"mode", attemptModeName(m.mode)},
                         {"attempts", m.attempts},
                         {"items", items},
                         {"reliability", reliability},
                         {"testRetest", retest},
                         {"norms", norms}});
    }
    json scope = json::object();
    if (!report.scope.trainee.empty()) scope["trainee"] = report.scope.trainee;
    if (!report.scope.group.empty()) scope["group"] = report.scope.group;
    if (!report.scope.scenario.empty()) scope["scenario"] = report.scope.scenario;
    if (report.scope.mode) scope["mode"] = attemptModeName(*report.scope.mode);
    if (report.scope.sinceMs) scope["since"] = formatTimestampUtc(*report.scope.sinceMs);
    return {{"generatedAt", formatTimestampUtc(report.generatedAtMs)},
            {"scope", scope},
            {"skippedAttempts", report.skippedAttempts},
            {"modes", modes}};
}

}  // namespace rapport
