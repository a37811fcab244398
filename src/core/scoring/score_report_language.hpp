// A score report in the reader's language. Scoring always states the framework's own words, and
// the stored report keeps them, so a score never depends on who reads it; the front end passes
// its reader's language here just before showing the report.
#pragma once

#include <string_view>

#include "core/framework/framework.hpp"
#include "core/scoring/score_report.hpp"

namespace rapport {

// Rewrites the competency names, level names, anchors and rule descriptions of `report` into
// `lang` (docs/scoring.md, "Languages"), from the framework that scored it. Texts the framework
// does not translate, and competencies or rules it does not know, keep their words. Remarks and
// reasons are left as they are: they are sentences the scorer composed.
void localiseScoreReport(ScoreReport& report, const Framework& framework, std::string_view lang);

}  // namespace rapport
