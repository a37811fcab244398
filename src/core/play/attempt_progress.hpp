// How a finished attempt compares with the trainee's previous attempt of the same scenario: what
// the debrief leads with, so a retake shows whether the trainee did what the last debrief asked.
// A pure rule over stored attempts; the caller reads them from the results store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reports/report_model.hpp"
#include "core/scoring/score_report.hpp"

namespace rapport {

struct CompetencyProgress {
    std::string id;
    std::string name;  // as the new report names it (the reader's language)
    double before = 0;
    double after = 0;
    double change() const { return after - before; }
};

struct AttemptProgress {
    std::int64_t previousStartedAtMs = 0;
    AttemptMode previousMode = AttemptMode::Practice;
    std::optional<double> scoreBefore;  // absent when the previous attempt was not scored
    double scoreAfter = 0;
    std::optional<bool> passedBefore;
    bool passedAfter = false;
    // Competencies rated in both attempts (a level is only claimed on evidence, so an unrated
    // one has nothing to compare), the largest change first, then in the new report's order.
    std::vector<CompetencyProgress> competencies;
};

// The latest finished attempt in `history` of `scenarioId` that started before `beforeMs` and is
// not `excludeUid` (the attempt being compared, when the history already holds it); nullptr when
// there is none. Any version of the scenario counts: its id says it is the same conversation.
const AttemptRecord* previousAttempt(const std::vector<AttemptRecord>& history,
                                     std::string_view scenarioId, std::int64_t beforeMs,
                                     std::string_view excludeUid = {});

// `now` against `previous`, which must carry its competency rows.
AttemptProgress progressSince(const AttemptRecord& previous, const ScoreReport& now);

}  // namespace rapport
