#include "core/reports/report_model.hpp"

#include <algorithm>
#include <tuple>

namespace rapport {

using nlohmann::json;

const char* attemptStatusName(AttemptStatus s) {
    switch (s) {
        case AttemptStatus::InProgress:
            return "in_progress";
        case AttemptStatus::Finished:
            return "finished";
        case AttemptStatus::Abandoned:
            return "abandoned";
    }
    return "in_progress";
}

std::optional<AttemptStatus> parseAttemptStatus(std::string_view s) {
    if (s == "in_progress") return AttemptStatus::InProgress;
    if (s == "finished") return AttemptStatus::Finished;
    if (s == "abandoned") return AttemptStatus::Abandoned;
    return std::nullopt;
}

namespace {

std::optional<double> number(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::string string(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

}  // namespace

ScoreSummary summariseScoreReport(const json& report) {
    ScoreSummary out;
    if (!report.is_object()) return out;
    if (auto o = report.find("overall"); o != report.end() && o->is_object()) {
        out.score = number(*o, "score");
        if (auto p = o->find("passed"); p != o->end() && p->is_boolean())
            out.passed = p->get<bool>();
    }
    auto cs = report.find("competencies");
    if (cs == report.end() || !cs->is_array()) return out;
    for (const json& c : *cs) {
        if (!c.is_object()) continue;
        CompetencyResult r;
        r.id = string(c, "id");
        if (r.id.empty()) continue;
        r.name = string(c, "name");
        if (r.name.empty()) r.name = r.id;
        auto a = c.find("assessed");
        r.assessed =
            a != c.end() && a->is_boolean() ? a->get<bool>() : number(c, "score").has_value();
        auto rated = c.find("rated");
        // Reports from before "rated" existed gave every assessed competency a score and level.
        r.rated =
            r.assessed && (rated != c.end() && rated->is_boolean() ? rated->get<bool>() : true);
        if (r.rated) r.score = number(c, "score");
        if (!r.score) r.rated = false;  // a rating without a score cannot be shown
        if (!r.rated && (rated == c.end() || !rated->is_boolean()))
            r.assessed = false;  // an older report's assessed competency without a score
        r.earned = number(c, "earned").value_or(0);
        r.available = number(c, "available").value_or(0);
        r.level = r.rated ? string(c, "level") : std::string();
        r.opportunities = int(number(c, "opportunities").value_or(0));
        if (auto cf = c.find("confidence"); cf != c.end()) {
            if (cf->is_string())
                r.confidence = cf->get<std::string>();
            else if (cf->is_boolean())
                r.confidence = cf->get<bool>() ? "ok" : "low";
        }
        out.competencies.push_back(std::move(r));
    }
    return out;
}

void CompetencyTableFold::add(const std::string& trainee, const std::string& group,
                              const std::string& competencyId, const std::string& competencyName,
                              double score, std::int64_t startedAtMs, std::int64_t attemptId) {
    Acc& x = acc_[{trainee, competencyId}];
    if (x.results.empty()) x.group = group;
    x.results.push_back({startedAtMs, attemptId, score, competencyName});
}

void CompetencyTableFold::add(const AttemptRecord& a) {
    if (a.status != AttemptStatus::Finished) return;
    for (const auto& c : a.competencies)
        if (c.assessed && c.score)
            add(a.trainee, a.group, c.id, c.name, *c.score, a.startedAtMs, a.id);
}

std::vector<CompetencyCell> CompetencyTableFold::cells() {
    std::vector<CompetencyCell> out;
    out.reserve(acc_.size());
    for (auto& [key, x] : acc_) {
        // Stable, so a report listing one competency twice still folds the same way every time;
        // the first of equal keys counts as the latest, as in the store's rows.
        std::stable_sort(x.results.begin(), x.results.end(), [](const Result& a, const Result& b) {
            return std::tie(a.startedAtMs, a.attemptId) < std::tie(b.startedAtMs, b.attemptId);
        });
        CompetencyCell cell;
        cell.trainee = key.first;
        cell.group = std::move(x.group);
        cell.competencyId = key.second;
        cell.assessedAttempts = int(x.results.size());
        cell.best = x.results.front().score;
        const Result* latest = &x.results.front();
        double sum = 0;
        for (const Result& r : x.results) {
            sum += r.score;
            cell.best = std::max(cell.best, r.score);
            if (std::tie(r.startedAtMs, r.attemptId) >
                std::tie(latest->startedAtMs, latest->attemptId))
                latest = &r;
        }
        cell.mean = sum / cell.assessedAttempts;
        cell.last = latest->score;
        cell.competencyName = latest->name;
        out.push_back(std::move(cell));
    }
    acc_.clear();
    return out;
}

std::vector<CompetencyCell> buildCompetencyTable(const std::vector<AttemptRecord>& attempts) {
    CompetencyTableFold fold;
    for (const auto& a : attempts) fold.add(a);
    return fold.cells();
}

std::vector<CompetencyCell> buildCompetencyTable(
    const std::vector<const AttemptRecord*>& attempts) {
    CompetencyTableFold fold;
    for (const AttemptRecord* a : attempts) fold.add(*a);
    return fold.cells();
}

}  // namespace rapport
