// How a record names the form an attempt was played on, for HR: the alternate's name, or
// "original form". Only for a scenario that has alternates; for the others there is no form to
// tell apart and the name is empty.
#pragma once

#include <string>

#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/score_report.hpp"

namespace rapport {

// `report` is the attempt's stored score report (null while unfinished), `transcript` its
// journal, `loaded` the scenario of the same id as loaded now (any version; null when none is):
// its alternates name a form the report does not. An alternate the scenario no longer declares
// is named by its id.
std::string playedFormName(const ScoreReport* report, const Transcript& transcript,
                           const Scenario* loaded);

}  // namespace rapport
