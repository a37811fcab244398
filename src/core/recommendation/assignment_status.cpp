#include "core/recommendation/assignment_status.hpp"

#include <set>

#include "core/reports/report_time.hpp"

namespace rapport {

namespace {

// Whether the attempt, whoever made it, is one that does the assignment.
bool counts(const ScenarioAssignment& a, const AttemptRecord& r) {
    return r.scenarioId == a.scenarioId && r.status == AttemptStatus::Finished &&
           r.startedAtMs >= a.assignedAtMs;
}

}  // namespace

bool assignedTo(const ScenarioAssignment& a, const std::string& trainee, const std::string& group) {
    if (!a.trainee.empty()) return a.trainee == trainee;
    return !group.empty() && a.group == group;
}

std::optional<std::int64_t> completedAtMs(const ScenarioAssignment& a, const std::string& trainee,
                                          const std::vector<AttemptRecord>& attempts) {
    std::optional<std::int64_t> first;
    for (const auto& r : attempts)
        if (r.trainee == trainee && counts(a, r) && (!first || r.startedAtMs < *first))
            first = r.startedAtMs;
    return first;
}

std::vector<std::string> completedBy(const ScenarioAssignment& a,
                                     const std::vector<AttemptRecord>& attempts) {
    std::set<std::string> done;
    for (const auto& r : attempts)
        if (assignedTo(a, r.trainee, r.group) && counts(a, r)) done.insert(r.trainee);
    return {done.begin(), done.end()};
}

std::vector<ScenarioAssignment> openAssignments(const std::vector<ScenarioAssignment>& all,
                                                const std::string& trainee,
                                                const std::string& group,
                                                const std::vector<AttemptRecord>& attempts) {
    std::vector<ScenarioAssignment> out;
    for (const auto& a : all) {
        if (!assignedTo(a, trainee, group) || completedAtMs(a, trainee, attempts)) continue;
        out.push_back(a);
        out.back().trainee = trainee;
    }
    return out;
}

std::optional<std::int64_t> parseDueDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    return parseDateUtc(text);
}

bool isOverdue(const ScenarioAssignment& a, std::int64_t nowMs) {
    constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
    // The same day's end as the recommendation's "overdue since" (next_scenario.cpp).
    return a.dueAtMs && nowMs >= (*a.dueAtMs / kDayMs + 1) * kDayMs;
}

}  // namespace rapport
