// A score report in the reader's language. Scoring always states the framework's own words, and
// the stored report keeps them, so a score never depends on who reads it; the front end passes
// its reader's language here just before showing the report.
#pragma once

#include <string_view>

#include "core/framework/framework.hpp"
#include "core/scoring/score_report.hpp"

namespace rapport {

// Rewrites the competency names, level names, anchors and rule descriptions of `report` into
// `lang` (docs/scoring.md, "Languages"), from the framework that scored it, then composes the
// strengths, development areas and pass/fail reasons again as whole sentences of `lang`
// (remarks.hpp). Texts the framework does not translate, and competencies or rules it does not
// know, keep their words; when the report cites an indicator the framework no longer has, the
// stored sentences are kept. "en" leaves the report as stored.
void localiseScoreReport(ScoreReport& report, const Framework& framework, std::string_view lang);

}  // namespace rapport
