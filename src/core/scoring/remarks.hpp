// The sentences scoring writes for the trainee: what went well (strengths), what to work on
// (development points), each quoting the step that shows it, and why an attempt did not pass.
// Each is one translated sentence with placeholders (po/ui), filled with the framework's words in
// the same language, so a Japanese or Russian reader gets whole sentences of their own language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/scoring/score_report.hpp"

namespace rapport {

// Fills r.strengths and r.developmentAreas (replacing what they held) from r's competencies and
// critical errors, in `lang` ("en" for what is stored): at most three strengths, best first;
// every critical error, then the weak competencies, weakest first. Names, levels and anchors are
// taken from `r` as they stand, so a report localised first (localiseScoreReport) reads whole.
void writeRemarks(const Framework& f, ScoreReport& r, std::string_view lang = "en");

// Why `r` does not pass, one plain sentence each in `lang`; empty when it passes. The pass rule
// itself: a compensating total with floors no total can buy back (docs/scoring.md, "Pass").
std::vector<std::string> passReasons(const Framework& f, const ScoreReport& r,
                                     std::string_view lang = "en");

// Whether every indicator and rule `r` cites is in `f`: a stored report read with a later
// framework may cite one that is gone, and then its stored sentences are kept as they are.
bool frameworkCoversReport(const Framework& f, const ScoreReport& r);

// `s` with its first letter lower-cased, to continue a sentence with a description: ASCII and
// Cyrillic capitals; other scripts have no case and are left as they are.
std::string lowerFirst(std::string s);

}  // namespace rapport
