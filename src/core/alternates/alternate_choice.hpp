// Which form a trainee gets on a retake: the one they have played least, so a retake is not a
// replay. Ties go to the original first, then to the alternates in file order, so a first
// attempt is always the original. A pure rule: the caller counts the trainee's attempts.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/scenario/scenario.hpp"

namespace rapport {

// `plays` counts the trainee's attempts by alternate id ("" = the original); ids the scenario
// no longer has are ignored. Returns the alternate id to play, "" for the original.
std::string leastPlayedAlternate(const Scenario& scenario, const std::map<std::string, int>& plays);

// The trainee's plays per form from the content hashes of their attempts of the scenario and
// `formHashes` (core/alternates/alternate_scenario.hpp, form id -> hash). Attempts on an older
// version of the file match no form and are not counted.
std::map<std::string, int> playsByForm(const std::map<std::string, std::string>& formHashes,
                                       const std::vector<std::string>& attemptHashes);

}  // namespace rapport
