#include "core/reports/report_json.hpp"

#include "core/reports/report_time.hpp"

namespace rapport {

using nlohmann::json;

namespace {

json optNumber(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json optText(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

nlohmann::json renderReportJson(const ReportData& data) {
    json attempts = json::array();
    for (const auto& a : data.attempts) {
        json comps = json::array();
        for (const auto& c : a.competencies)
            comps.push_back({{"id", c.id},
                             {"name", c.name},
                             {"score", optNumber(c.score)},
                             {"level", optText(c.level)},
                             {"assessed", c.assessed},
                             {"rated", c.rated},
                             {"opportunities", c.opportunities},
                             {"confidence", optText(c.confidence)}});
        attempts.push_back(
            {{"id", a.uid},
             {"trainee",
              {{"name", a.trainee},
               {"employeeId", optText(a.employeeId)},
               {"group", optText(a.group)}}},
             {"scenario",
              {{"id", a.scenarioId},
               {"version", a.scenarioVersion},
               {"title", a.scenarioTitle},
               {"contentHash", a.contentHash}}},
             {"framework", {{"id", a.frameworkId}, {"version", a.frameworkVersion}}},
             {"mode", attemptModeName(a.mode)},
             {"timing", timingName(a.timing)},
             {"status", attemptStatusName(a.status)},
             {"startedAt", formatTimestampUtc(a.startedAtMs)},
             {"endedAt", a.endedAtMs ? json(formatTimestampUtc(*a.endedAtMs)) : json(nullptr)},
             {"durationMs", a.endedAtMs ? json(*a.endedAtMs - a.startedAtMs) : json(nullptr)},
             {"steps", a.steps},
             {"ending", a.endingNode.empty()
                            ? json(nullptr)
                            : json{{"node", a.endingNode}, {"outcome", a.outcome}}},
             {"score", optNumber(a.score)},
             {"passed", a.passed ? json(*a.passed) : json(nullptr)},
             {"competencies", std::move(comps)}});
        // Only on a campaign's meetings, so a lone attempt's object is what it always was.
        if (a.campaign)
            attempts.back()["campaign"] = {{"id", a.campaign->id},
                                           {"version", a.campaign->version},
                                           {"run", a.campaign->run},
                                           {"meeting", a.campaign->meeting + 1},
                                           {"carriedStart", a.campaign->carriedStart},
                                           {"finalState", a.finalState}};
    }
    json table = json::array();
    for (const auto& c : buildCompetencyTable(data.attempts))
        table.push_back({{"trainee", c.trainee},
                         {"group", optText(c.group)},
                         {"competency", c.competencyId},
                         {"name", c.competencyName},
                         {"assessedAttempts", c.assessedAttempts},
                         {"mean", c.mean},
                         {"best", c.best},
                         {"last", c.last}});
    const ReportScope& s = data.scope;
    json out = {{"format", "rapport-results/1"},
                {"generatedAt", formatTimestampUtc(data.generatedAtMs)},
                {"scope",
                 {{"trainee", optText(s.trainee)},
                  {"group", optText(s.group)},
                  {"scenario", optText(s.scenario)},
                  {"since", s.sinceMs ? json(formatTimestampUtc(*s.sinceMs)) : json(nullptr)}}},
                {"attempts", std::move(attempts)},
                {"competencyTable", std::move(table)}};
    // Only when filtered, so an unfiltered export is what it always was.
    if (s.mode) out["scope"]["mode"] = attemptModeName(*s.mode);
    return out;
}

}  // namespace rapport
