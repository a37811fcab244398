// Plain-words remarks for the trainee after scoring: what went well (strengths) and what to
// work on (development points), each quoting the step that shows it.
#pragma once

#include <string>

#include "core/framework/framework.hpp"
#include "core/scoring/score_report.hpp"

namespace rapport {

// Fills r.strengths and r.developmentAreas from r's competencies and critical errors: at most
// three strengths, best first; every critical error, then the weak competencies, weakest first;
// then each primary competency the path did not assess.
void writeRemarks(const Framework& f, ScoreReport& r);

// `s` with its first letter lower-cased (ASCII), to continue a sentence with a description.
std::string lowerFirst(std::string s);

}  // namespace rapport
