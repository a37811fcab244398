// How a competency is graded from what a path showed of it: the one rule the score report and
// the random players of analysis share (docs/scoring.md 5.1 and 6).
#pragma once

#include <cstdint>
#include <optional>

#include "core/framework/framework.hpp"

namespace rapport {

struct CompetencyGrade {
    bool assessed = false;  // at least one opportunity on the path
    // Enough evidence for a level: minOpportunities met, or a critical error shown (one is
    // evidence enough). Unrated competencies get no score and no level: "not rated — too
    // little evidence".
    bool rated = false;
    std::optional<double> score;  // 0-100, one decimal; set only when rated
    int level = -1;               // index into the framework's levels; -1 unless rated
};

// `earned` may be negative; `available` is the best the shown options offered, summed.
CompetencyGrade gradeCompetency(const Framework& framework, std::int64_t earned,
                                std::int64_t available, int opportunities, bool critical);

}  // namespace rapport
