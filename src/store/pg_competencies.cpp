#include "store/pg_competencies.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace rapport::store {

namespace {

using nlohmann::json;

// One array per competency, positional: the summary of 10,000 attempts is read per page, and
// keys would double its size. A new field is appended, so an older reader ignores it.
enum Field {
    Id,
    Name,
    Score,
    Earned,
    Available,
    Level,
    Assessed,
    Rated,
    Opportunities,
    Confidence
};

std::vector<CompetencyResult> sortedById(std::vector<CompetencyResult> v) {
    std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
    return v;
}

}  // namespace

std::vector<CompetencyResult> competenciesOfReport(std::string_view reportJson) {
    const auto report = json::parse(reportJson, nullptr, false);
    if (report.is_discarded()) return {};
    return sortedById(summariseScoreReport(report).competencies);
}

std::optional<std::string> competencySummaryText(std::string_view reportJson) {
    const auto report = json::parse(reportJson, nullptr, false);
    if (report.is_discarded()) return std::nullopt;
    json out = json::array();
    for (const auto& c : sortedById(summariseScoreReport(report).competencies))
        out.push_back(json::array({c.id, c.name, c.score ? json(*c.score) : json(nullptr), c.earned,
                                   c.available, c.level, c.assessed, c.rated, c.opportunities,
                                   c.confidence}));
    // nlohmann prints the shortest text that reads back as the same double, so the figures
    // stay bit for bit those of the report.
    return out.dump();
}

std::vector<CompetencyResult> parseCompetencySummary(std::string_view summary) {
    const auto j = json::parse(summary, nullptr, false);
    std::vector<CompetencyResult> out;
    if (!j.is_array()) return out;
    for (const auto& row : j) {
        if (!row.is_array() || row.size() <= Confidence || !row[Id].is_string()) continue;
        CompetencyResult c;
        c.id = row[Id].get<std::string>();
        if (row[Name].is_string()) c.name = row[Name].get<std::string>();
        if (row[Score].is_number()) c.score = row[Score].get<double>();
        if (row[Earned].is_number()) c.earned = row[Earned].get<double>();
        if (row[Available].is_number()) c.available = row[Available].get<double>();
        if (row[Level].is_string()) c.level = row[Level].get<std::string>();
        c.assessed = row[Assessed].is_boolean() && row[Assessed].get<bool>();
        c.rated = row[Rated].is_boolean() && row[Rated].get<bool>();
        if (row[Opportunities].is_number_integer()) c.opportunities = row[Opportunities].get<int>();
        if (row[Confidence].is_string()) c.confidence = row[Confidence].get<std::string>();
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace rapport::store
