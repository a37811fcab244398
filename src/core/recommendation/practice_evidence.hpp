// What the recommendation learns from: one pass or miss per trainee, competency and attempt,
// read off the stored score reports. No storage: the caller hands in the attempts it loaded.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/reports/report_model.hpp"

namespace rapport {

// The competency score an attempt must reach to count as a pass: the lower bound of
// "Proficient" in the bundled framework (assets/competencies), the level the research names as
// the target for an independent account manager (shared research, competence 5).
inline constexpr double kDefaultPassScore = 70;

struct PracticeEvidence {
    std::string trainee;
    std::string competencyId;
    std::string competencyName;
    std::string scenarioId;
    std::int64_t atMs = 0;  // attempt start, Unix ms
    std::int64_t attemptId = 0;
    bool passed = false;

    bool operator==(const PracticeEvidence&) const = default;
};

// One record per rated competency of every finished attempt (a competency "not rated — too
// little evidence" says nothing about the trainee, so it is left out), ordered by time, then
// attempt id, then competency id: the order the model learns in.
std::vector<PracticeEvidence> practiceEvidence(const std::vector<AttemptRecord>& attempts,
                                               double passScore = kDefaultPassScore);

}  // namespace rapport
