#include "core/scoring/competency_grade.hpp"

#include <algorithm>

#include "core/text/number_format.hpp"

namespace rapport {

CompetencyGrade gradeCompetency(const Framework& f, std::int64_t earned, std::int64_t available,
                                int opportunities, bool critical) {
    CompetencyGrade g;
    g.assessed = opportunities > 0;
    if (!g.assessed) return g;
    g.rated = critical || opportunities >= f.minOpportunities;
    if (!g.rated) return g;
    if (available > 0)
        g.score =
            roundToDecimals(std::clamp(100.0 * double(earned) / double(available), 0.0, 100.0), 1);
    else
        g.score = earned < 0 ? 0.0 : 100.0;  // only losses were possible here
    g.level = critical ? 0 : f.levelFor(*g.score);
    return g;
}

}  // namespace rapport
