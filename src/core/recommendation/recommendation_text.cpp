#include "core/recommendation/recommendation_text.hpp"

#include <algorithm>
#include <cmath>

#include "core/reports/report_time.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

int predictedPercent(const RecommendationReason& reason) {
    return static_cast<int>(std::lround(std::clamp(reason.predictedSuccess, 0.0, 1.0) * 100));
}

std::string describeRecommendation(const RecommendationReason& r) {
    const std::string percent = std::to_string(predictedPercent(r));
    const std::string days = r.daysSincePractised ? std::to_string(*r.daysSincePractised) : "";
    const auto n = static_cast<unsigned long>(r.daysSincePractised.value_or(0));
    const std::string& c = r.competencyName.empty() ? r.competencyId : r.competencyName;
    switch (r.kind) {
        case RecommendationKind::Assigned: {
            // A trainer who gave no name is still the trainee's trainer.
            const std::string trainer =
                r.assignedBy.empty() ? std::string(tr("your trainer")) : r.assignedBy;
            const std::string due = r.dueAtMs ? formatDateUtc(*r.dueAtMs) : "";
            auto fill = [&](const char* pattern) {
                return uiFormat(
                    pattern,
                    {{"trainer", trainer}, {"due", due}, {"competency", c}, {"percent", percent}});
            };
            if (r.overdue)
                return fill(c.empty() ? tr("assigned by {trainer}, overdue since {due}")
                                      : tr("assigned by {trainer}, overdue since {due}: "
                                           "{competency} — predicted success {percent} %"));
            if (c.empty())
                return fill(r.dueAtMs ? tr("assigned by {trainer}, due {due}")
                                      : tr("assigned by {trainer}"));
            return fill(r.dueAtMs ? tr("assigned by {trainer}, due {due}: {competency} — "
                                       "predicted success {percent} %")
                                  : tr("assigned by {trainer}: {competency} — predicted "
                                       "success {percent} %"));
        }
        case RecommendationKind::New:
            return uiFormat(
                tr("new: {competency} — not practised yet, predicted success {percent} %"),
                {{"competency", c}, {"percent", percent}});
        case RecommendationKind::Due:
            return uiFormat(trn("due: {competency} — last practised {days} day ago, predicted "
                                "success {percent} %",
                                "due: {competency} — last practised {days} days ago, predicted "
                                "success {percent} %",
                                n),
                            {{"competency", c}, {"days", days}, {"percent", percent}});
        case RecommendationKind::Weak:
            return uiFormat(tr("needs work: {competency} — predicted success {percent} %"),
                            {{"competency", c}, {"percent", percent}});
        case RecommendationKind::Practice:
            break;
    }
    return uiFormat(tr("keep practising: {competency} — predicted success {percent} %"),
                    {{"competency", c}, {"percent", percent}});
}

}  // namespace rapport
