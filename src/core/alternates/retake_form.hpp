// Which form of a scenario a trainee plays next, decided in one place for `rapport play` and the
// app: a new attempt gets the form this trainee has played least (the original on a first
// attempt, core/alternates/alternate_choice.hpp), and a resumed attempt continues on the form it
// was started on, told by its content hash. The caller reads the trainee's attempts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reports/report_model.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

// The alternate id a new attempt of `source` (loaded from `sourceText`) plays, "" for the
// original. `attempts` are the trainee's attempts of it, in any status: every start counts, so
// an attempt set aside still moves the trainee on to another form.
std::string nextForm(const Scenario& source, std::string_view sourceText,
                     const std::vector<AttemptRecord>& attempts);

// The forms' content hashes (alternate id -> hash, as formHashes gives them): building them
// prepares every alternate, tens of milliseconds, so a caller that starts the same scenario
// again and again (the app, per library entry) computes them once and passes them here.
using FormHashes = std::map<std::string, std::string>;
std::string nextForm(const Scenario& source, const FormHashes& hashes,
                     const std::vector<AttemptRecord>& attempts);
std::optional<std::string> attemptForm(const Scenario& source, const FormHashes& hashes,
                                       const AttemptRecord& attempt);

// The form `attempt` was played on ("" = the original); nullopt when its content hash is none of
// the forms of this version of the file (it was made on another version).
std::optional<std::string> attemptForm(const Scenario& source, std::string_view sourceText,
                                       const AttemptRecord& attempt);

// The form of the newest in-progress attempt among `attempts` (the one a resume continues);
// nullopt when none is in progress or it matches no form of this version.
std::optional<std::string> resumedForm(const Scenario& source, std::string_view sourceText,
                                       const std::vector<AttemptRecord>& attempts);

}  // namespace rapport
