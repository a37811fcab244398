#include "core/reports/report_model.hpp"

#include <algorithm>
#include <map>
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
        if (r.assessed) r.score = number(c, "score");
        if (!r.score) r.assessed = false;  // an assessed competency without a score cannot be shown
        r.earned = number(c, "earned").value_or(0);
        r.available = number(c, "available").value_or(0);
        r.level = r.assessed ? string(c, "level") : std::string();
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

std::vector<CompetencyCell> buildCompetencyTable(const std::vector<AttemptRecord>& attempts) {
    std::vector<const AttemptRecord*> refs;
    refs.reserve(attempts.size());
    for (const auto& a : attempts) refs.push_back(&a);
    return buildCompetencyTable(refs);
}

std::vector<CompetencyCell> buildCompetencyTable(
    const std::vector<const AttemptRecord*>& attempts) {
    struct Acc {
        CompetencyCell cell;
        double sum = 0;
        std::int64_t lastStart = INT64_MIN;
        std::int64_t lastId = INT64_MIN;
    };
    std::map<std::pair<std::string, std::string>, Acc> acc;
    for (const AttemptRecord* ap : attempts) {
        const AttemptRecord& a = *ap;
        if (a.status != AttemptStatus::Finished) continue;
        for (const auto& c : a.competencies) {
            if (!c.assessed || !c.score) continue;
            Acc& x = acc[{a.trainee, c.id}];
            if (x.cell.assessedAttempts == 0) {
                x.cell.trainee = a.trainee;
                x.cell.group = a.group;
                x.cell.competencyId = c.id;
                x.cell.competencyName = c.name;
                x.cell.best = *c.score;
            }
            ++x.cell.assessedAttempts;
            x.sum += *c.score;
            x.cell.best = std::max(x.cell.best, *c.score);
            if (std::tie(a.startedAtMs, a.id) > std::tie(x.lastStart, x.lastId)) {
                x.lastStart = a.startedAtMs;
                x.lastId = a.id;
                x.cell.last = *c.score;
            }
        }
    }
    std::vector<CompetencyCell> out;
    out.reserve(acc.size());
    for (auto& [key, x] : acc) {
        x.cell.mean = x.sum / x.cell.assessedAttempts;
        out.push_back(std::move(x.cell));
    }
    return out;
}

}  // namespace rapport
