// Numbers are written by us and never pass through csvField: a negative number must stay a
// number, while any text — even a scenario id — is treated as hostile.
#include "core/reports/report_csv.hpp"

#include <map>

#include "core/reports/report_escape.hpp"
#include "core/reports/report_time.hpp"
#include "core/source/line_index.hpp"
#include "core/text/number_format.hpp"

namespace rapport {

namespace {

std::string number(double v) { return upToDecimals(v, 2); }

}  // namespace

std::string csvPreamble(const CsvOptions& options) {
    return options.byteOrderMark ? std::string(kUtf8Bom) : std::string();
}

void appendCsvRow(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += cells[i];
    }
    out += "\r\n";
}

std::string renderReportCsv(const ReportData& data, const CsvOptions& options) {
    // Competency columns: every competency seen, ordered by id so files from one framework line up.
    std::map<std::string, std::string> competencies;
    for (const auto& a : data.attempts)
        for (const auto& c : a.competencies) competencies.emplace(c.id, c.name);

    std::string out = csvPreamble(options);
    auto row = [&out](const std::vector<std::string>& cells) { appendCsvRow(out, cells); };
    std::vector<std::string> header = {
        "attempt_id",       "trainee",        "employee_id", "group",      "scenario_id",
        "scenario_version", "scenario_title", "framework",   "mode",       "timing",
        "status",           "started_at",     "ended_at",    "duration_s", "steps",
        "ending",           "outcome",        "score",       "passed"};
    // The campaign columns only when a campaign's meeting is in the export, so a file without
    // campaigns has the columns it always had.
    bool campaigns = false;
    for (const auto& a : data.attempts) campaigns = campaigns || a.campaign.has_value();
    if (campaigns)
        for (const char* c : {"campaign_id", "campaign_version", "campaign_run", "campaign_meeting",
                              "carried_start"})
            header.push_back(c);
    for (const auto& [id, name] : competencies) header.push_back(csvField(id));
    row(header);
    for (const auto& a : data.attempts) {
        std::vector<std::string> cells = {
            csvField(a.uid),
            csvField(a.trainee),
            csvField(a.employeeId),
            csvField(a.group),
            csvField(a.scenarioId),
            csvField(a.scenarioVersion),
            csvField(a.scenarioTitle),
            csvField(a.frameworkId + (a.frameworkVersion.empty() ? "" : "@" + a.frameworkVersion)),
            attemptModeName(a.mode),
            timingName(a.timing),
            attemptStatusName(a.status),
            formatTimestampUtc(a.startedAtMs),
            a.endedAtMs ? formatTimestampUtc(*a.endedAtMs) : std::string(),
            a.endedAtMs ? number(double(*a.endedAtMs - a.startedAtMs) / 1000.0) : std::string(),
            std::to_string(a.steps),
            csvField(a.endingNode),
            csvField(a.outcome),
            a.score ? number(*a.score) : std::string(),
            a.passed ? (*a.passed ? "yes" : "no") : std::string()};
        if (campaigns) {
            const auto& c = a.campaign;
            cells.push_back(c ? csvField(c->id) : std::string());
            cells.push_back(c ? csvField(c->version) : std::string());
            cells.push_back(c ? csvField(c->run) : std::string());
            cells.push_back(c ? std::to_string(c->meeting + 1) : std::string());
            cells.push_back(c ? csvField(c->carriedStart.dump()) : std::string());
        }
        for (const auto& [id, name] : competencies) {
            std::string cell;
            for (const auto& c : a.competencies)
                if (c.id == id && c.assessed && c.score) cell = number(*c.score);
            cells.push_back(cell);
        }
        row(cells);
    }
    return out;
}

}  // namespace rapport
